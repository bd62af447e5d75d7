import { type KernelSpec, type Shape, sizeOf } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import type { Ptr } from '../wasm-exports.js';
import { runOnCpu } from './via-cpu.js';

/**
 * The `[outer, r, inner]` view of a reduction over `axes`, when the reduced axes (size-1 ones
 * aside) are adjacent; null when they form several groups.
 * @example reductionView([128, 26, 26, 32], [0, 1, 2]) // { outer: 1, r: 86528, inner: 32 }
 */
export function reductionView(
  shape: Shape,
  axes: readonly number[],
): { outer: number; r: number; inner: number } | null {
  let outer = 1;
  let r = 1;
  let inner = 1;
  let phase = 0; // 0: before the reduced group, 1: in it, 2: after it
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const reduced = axes.includes(d);
    if (reduced) {
      if (phase === 2) return null;
      phase = 1;
      r *= shape[d];
    } else if (phase === 0) outer *= shape[d];
    else {
      phase = 2;
      inner *= shape[d];
    }
  }
  return { outer, r, inner };
}

function reducedShape(shape: Shape, axes: readonly number[], keepDims: boolean): number[] {
  if (keepDims) return shape.map((d, i) => (axes.includes(i) ? 1 : d));
  return shape.filter((_, i) => !axes.includes(i));
}

function reduceWasm(name: 'Sum' | 'Max'): KernelSpec<WasmHandle> {
  return {
    name,
    backend: 'wasm',
    run: (inputs, attrs, backend_) => {
      const backend = backend_ as WasmBackend;
      const { x } = inputs;
      const axes = attrs.axes as number[];
      const view = x.dtype === 'float32' ? reductionView(x.shape, axes) : null;
      if (!view) return runOnCpu(name, inputs, attrs, backend);
      const shape = reducedShape(x.shape, axes, attrs.keepDims === true);
      const size = sizeOf(shape);
      const out = backend.allocTensor(size, 'float32');
      if (size === 0) return { values: out, shape, dtype: 'float32' };
      const { outer, r, inner } = view;
      if (r === 0 || sizeOf(x.shape) === 0) {
        backend.view(out, 'float32').fill(name === 'Sum' ? 0 : Number.NEGATIVE_INFINITY);
      } else if (
        name === 'Sum' &&
        outer === 1 &&
        inner > 1 &&
        r * inner >= SPLIT_ELEMENTS &&
        backend.parallel.threads > 1
      ) {
        splitRowSum(backend, x.values.ptr, out, r, inner);
      } else if (name === 'Sum') {
        const acc = backend.alloc(inner * 8);
        backend.wasm.sumF32(x.values.ptr, out.ptr, outer, r, inner, acc.ptr);
        backend.disposeData(acc);
      } else {
        backend.wasm.maxF32(x.values.ptr, out.ptr, outer, r, inner);
      }
      return { values: out, shape, dtype: 'float32' };
    },
  };
}

/**
 * Sum and Max (`{ x }`, attrs `{ axes, keepDims }`) over one group of adjacent axes, float32, in
 * SIMD (sums in float64 like the cpu backend); other layouts and dtypes run the cpu kernel.
 * @example reduceKernelsWasm.map((k) => k.name) // ['Sum', 'Max']
 */
export const reduceKernelsWasm: KernelSpec<WasmHandle>[] = [reduceWasm('Sum'), reduceWasm('Max')];

/** From this many elements, a Sum over rows into few columns is split across the threads. */
const SPLIT_ELEMENTS = 1 << 18;

/**
 * Σ over r rows of `inner` columns (a convolution's bias gradient: [n·h·w, c] → [c]) split by rows
 * across the threads, each into its own float64 partials; the partials add in order, in float64,
 * and round once to float32.
 */
function splitRowSum(backend: WasmBackend, x: Ptr, out: WasmHandle, r: number, inner: number): void {
  const parts = Math.min(backend.parallel.threads, r);
  const acc = backend.alloc(parts * inner * 8);
  // The heap's buffer, read as float64 (allocations are 16-byte aligned).
  const partials = backend.view(acc, 'float32').buffer;
  new Float64Array(partials, acc.ptr, parts * inner).fill(0);
  const jobs: WasmCall[][] = Array.from({ length: parts }, (_, t) => [
    ['sumRowsF64', x, Math.floor((r * t) / parts), Math.floor((r * (t + 1)) / parts), inner, acc.ptr + t * inner * 8],
  ]);
  backend.parallel.run(jobs);
  const sums = new Float64Array(partials, acc.ptr, parts * inner);
  const o = backend.view(out, 'float32');
  for (let i = 0; i < inner; i++) {
    let total = 0;
    for (let t = 0; t < parts; t++) total += sums[t * inner + i];
    o[i] = total;
  }
  backend.disposeData(acc);
}
