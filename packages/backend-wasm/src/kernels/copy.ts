import { bytesPerElement, concatParts, type KernelSpec, type Shape, shapesEqual, sizeOf } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';

// Copy kernels that move bytes inside the wasm heap (memmove runs through `copyWithin`), with no
// JavaScript array in between: the cpu kernels on heap views would build their output in a fresh
// array and copy it back in. Each works in bytes, so every dtype takes the same path.

/**
 * Slice `{ x }`, attrs `{ begin, size }`, as the cpu kernel: the box of `size[d]` values from
 * `begin[d]`, copied one contiguous run at a time (the trailing whole dimensions and the first
 * partial one make a run). The whole tensor shares its data.
 * @example runKernel('Slice', { x }, { begin: [0, 3, 0], size: [64, 1, 256] }) // one time step
 */
export const sliceWasm: KernelSpec<WasmHandle> = {
  name: 'Slice',
  backend: 'wasm',
  run: ({ x }, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const begin = attrs.begin as readonly number[];
    const size = attrs.size as readonly number[];
    if (shapesEqual(size, x.shape)) return { values: x.values, shape: size, dtype: x.dtype };
    const elem = bytesPerElement(x.dtype);
    const out = backend.allocTensor(sizeOf(size), x.dtype);
    if (sizeOf(size) === 0) return { values: out, shape: size, dtype: x.dtype };
    const rank = size.length;
    // d0: the innermost dimension that is not taken whole; a run spans it and everything after.
    let d0 = rank - 1;
    let inner = 1;
    while (d0 > 0 && size[d0] === x.shape[d0]) inner *= x.shape[d0--];
    const run = size[d0] * inner * elem;
    const strides = byteStrides(x.shape, elem);
    let from = x.values.ptr;
    for (let d = 0; d < rank; d++) from += begin[d] * strides[d];
    const heap = backend.heap.u8();
    const counter = new Array<number>(d0).fill(0);
    let to = out.ptr;
    const end = out.ptr + sizeOf(size) * elem;
    let src = from;
    while (to < end) {
      heap.copyWithin(to, src, src + run);
      to += run;
      // Next outer index (an odometer over dimensions d0-1 … 0).
      let d = d0 - 1;
      for (; d >= 0; d--) {
        counter[d]++;
        src += strides[d];
        if (counter[d] < size[d]) break;
        src -= counter[d] * strides[d];
        counter[d] = 0;
      }
    }
    return { values: out, shape: size, dtype: x.dtype };
  },
};

/**
 * Concat `{ x0, …, x(n-1) }`, attrs `{ axis }`, as the cpu kernel: each input gives one
 * contiguous run per outer index, copied in the heap.
 * @example runKernel('Concat', { x0: a, x1: b }, { axis: 1 })
 */
export const concatWasm: KernelSpec<WasmHandle> = {
  name: 'Concat',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const axis = attrs.axis as number;
    const { parts, shape } = concatParts(inputs, axis);
    const first = parts[0];
    const elem = bytesPerElement(first.dtype);
    const out = backend.allocTensor(sizeOf(shape), first.dtype);
    const outer = sizeOf(shape.slice(0, axis));
    const inner = sizeOf(shape.slice(axis + 1)) * elem;
    const row = shape[axis] * inner;
    const heap = backend.heap.u8();
    let start = 0;
    for (const p of parts) {
      const run = p.shape[axis] * inner;
      const src = p.values.ptr;
      if (run > 0)
        for (let o = 0; o < outer; o++) heap.copyWithin(out.ptr + o * row + start, src + o * run, src + (o + 1) * run);
      start += run;
    }
    return { values: out, shape, dtype: first.dtype };
  },
};

/**
 * Gather `{ x, indices }` (int32, each in range: the op checks them), attrs `{ axis }`, as the cpu
 * kernel: slice `indices[j]` along `axis` for each j, one heap copy per slice (an Embedding's rows).
 * @example runKernel('Gather', { x: table, indices: ids }, { axis: 0 })
 */
export const gatherWasm: KernelSpec<WasmHandle> = {
  name: 'Gather',
  backend: 'wasm',
  run: ({ x, indices }, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const axis = attrs.axis as number;
    const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    const elem = bytesPerElement(x.dtype);
    const out = backend.allocTensor(sizeOf(shape), x.dtype);
    const outer = sizeOf(x.shape.slice(0, axis));
    const inner = sizeOf(x.shape.slice(axis + 1)) * elem;
    const dim = x.shape[axis];
    const n = sizeOf(indices.shape);
    const idx = backend.view(indices.values, 'int32', n);
    const heap = backend.heap.u8();
    let to = out.ptr;
    if (inner > 0)
      for (let b = 0; b < outer; b++) {
        const base = x.values.ptr + b * dim * inner;
        for (let j = 0; j < n; j++) {
          const from = base + idx[j] * inner;
          heap.copyWithin(to, from, from + inner);
          to += inner;
        }
      }
    return { values: out, shape, dtype: x.dtype };
  },
};

/**
 * UnsortedSegmentSum `{ x, segmentIds }`, attrs `{ numSegments }`, as the cpu kernel: row r of
 * `x` added into row `segmentIds[r]` of a zeroed `[numSegments, …]` (ids out of range skipped).
 * Summed in the heap in input order, so float32 sums round as on cpu. Embedding's gradient.
 * @example runKernel('UnsortedSegmentSum', { x: dRows, segmentIds: ids }, { numSegments: 10000 })
 */
export const unsortedSegmentSumWasm: KernelSpec<WasmHandle> = {
  name: 'UnsortedSegmentSum',
  backend: 'wasm',
  run: ({ x, segmentIds }, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const numSegments = attrs.numSegments as number;
    const rows = x.shape[0];
    const size = sizeOf(x.shape);
    const width = rows === 0 ? 0 : size / rows;
    const shape = [numSegments, ...x.shape.slice(1)];
    const out = backend.allocTensor(numSegments * width, x.dtype);
    const o = backend.view(out, x.dtype, numSegments * width);
    o.fill(0);
    const v = backend.view(x.values, x.dtype, size);
    const ids = backend.view(segmentIds.values, 'int32', rows);
    for (let r = 0; r < rows; r++) {
      const s = ids[r];
      if (s < 0 || s >= numSegments) continue;
      const to = s * width;
      const from = r * width;
      for (let k = 0; k < width; k++) o[to + k] += v[from + k];
    }
    return { values: out, shape, dtype: x.dtype };
  },
};

/** Row-major strides of `shape` in bytes. */
function byteStrides(shape: Shape, elem: number): number[] {
  const strides = new Array<number>(shape.length);
  let s = elem;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}
