import { broadcastShapes, type DType, type KernelSpec, type KernelTensor, type Shape, sizeOf } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import { BINARY_EXPORTS, type BinaryExport, type BinaryFn, COMPARE_EXPORTS, UNARY_EXPORTS } from '../wasm-exports.js';
import { broadcastPlan } from './broadcast-plan.js';
import { runOnCpu } from './via-cpu.js';

/** Below this many elements an elementwise kernel stays on one thread. */
const PARALLEL_ELEMENTS = 1 << 16;

/** Splits `units` into at most `threads` [start, end) ranges, or one range when work is small. */
function ranges(backend: WasmBackend, units: number, elements: number): [number, number][] {
  const parts = elements >= PARALLEL_ELEMENTS ? Math.max(1, Math.min(backend.parallel.threads, units)) : 1;
  return Array.from({ length: parts }, (_, t) => [
    Math.floor((units * t) / parts),
    Math.floor((units * (t + 1)) / parts),
  ]);
}

/**
 * Walks a broadcast of `a` and `b` into `out` (elements of `outBytes` bytes), handing each
 * [outer, inner] slab to the wasm loop `name`; a single large slab is split across the threads.
 */
function runBroadcast(
  backend: WasmBackend,
  name: BinaryExport,
  a: KernelTensor<WasmHandle>,
  b: KernelTensor<WasmHandle>,
  out: WasmHandle,
  shape: Shape,
  outBytes: number,
): void {
  const size = sizeOf(shape);
  const p = broadcastPlan(a.shape, b.shape, shape);
  const rank = p.dims.length;
  if (rank === 0) {
    // Split the rows, or the columns of a single row.
    const byRows = p.outer > 1;
    const jobs: WasmCall[][] = ranges(backend, byRows ? p.outer : p.inner, size).map(([s, e]) => {
      const [aStep, bStep, oStep] = byRows ? [p.aOuter, p.bOuter, p.inner] : [p.aInner, p.bInner, 1];
      const [outer, inner] = byRows ? [e - s, p.inner] : [1, e - s];
      return [
        [
          name,
          a.values.ptr + s * aStep * 4,
          p.aOuter,
          p.aInner,
          b.values.ptr + s * bStep * 4,
          p.bOuter,
          p.bInner,
          out.ptr + s * oStep * outBytes,
          outer,
          inner,
        ],
      ];
    });
    backend.parallel.run(jobs);
    return;
  }
  const fn = backend.wasm[name] as BinaryFn;
  const slab = p.outer * p.inner;
  const counter = new Array<number>(rank).fill(0);
  let ai = 0;
  let bi = 0;
  for (let o = 0; o < size; o += slab) {
    fn(
      a.values.ptr + ai * 4,
      p.aOuter,
      p.aInner,
      b.values.ptr + bi * 4,
      p.bOuter,
      p.bInner,
      out.ptr + o * outBytes,
      p.outer,
      p.inner,
    );
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      ai += p.aStrides[d];
      bi += p.bStrides[d];
      if (counter[d] < p.dims[d]) break;
      ai -= p.aStrides[d] * p.dims[d];
      bi -= p.bStrides[d] * p.dims[d];
      counter[d] = 0;
    }
  }
}

/**
 * A broadcasting float32 binary kernel on the module's SIMD loop (other dtypes on the cpu kernel).
 * @example binaryWasm('Add')
 */
export function binaryWasm(name: keyof typeof BINARY_EXPORTS): KernelSpec<WasmHandle> {
  return {
    name,
    backend: 'wasm',
    run: (inputs, attrs, backend_) => {
      const backend = backend_ as WasmBackend;
      const { a, b } = inputs;
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return runOnCpu(name, inputs, attrs, backend);
      const shape = broadcastShapes(a.shape, b.shape, name);
      const out = backend.allocTensor(sizeOf(shape), 'float32');
      if (sizeOf(shape) > 0) runBroadcast(backend, BINARY_EXPORTS[name], a, b, out, shape, 4);
      return { values: out, shape, dtype: 'float32' };
    },
  };
}

/**
 * A broadcasting comparison of float32 inputs into a bool output, in SIMD (other dtypes on the cpu kernel).
 * @example compareWasm('Greater')
 */
export function compareWasm(name: keyof typeof COMPARE_EXPORTS): KernelSpec<WasmHandle> {
  return {
    name,
    backend: 'wasm',
    run: (inputs, attrs, backend_) => {
      const backend = backend_ as WasmBackend;
      const { a, b } = inputs;
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return runOnCpu(name, inputs, attrs, backend);
      const shape = broadcastShapes(a.shape, b.shape, name);
      const out = backend.allocTensor(sizeOf(shape), 'bool');
      if (sizeOf(shape) > 0) runBroadcast(backend, COMPARE_EXPORTS[name], a, b, out, shape, 1);
      return { values: out, shape, dtype: 'bool' };
    },
  };
}

/**
 * A float32 unary kernel on the SIMD (or Mathf) loop of the module (other dtypes on the cpu kernel).
 * @example unaryWasm('Relu')
 */
export function unaryWasm(name: keyof typeof UNARY_EXPORTS): KernelSpec<WasmHandle> {
  return {
    name,
    backend: 'wasm',
    run: (inputs, attrs, backend_) => {
      const backend = backend_ as WasmBackend;
      const { x } = inputs;
      if (x.dtype !== 'float32') return runOnCpu(name, inputs, attrs, backend);
      const size = sizeOf(x.shape);
      const out = backend.allocTensor(size, 'float32');
      const fn = UNARY_EXPORTS[name];
      if (size > 0) {
        backend.parallel.run(
          ranges(backend, size, size).map(([s, e]) => [[fn, x.values.ptr + s * 4, out.ptr + s * 4, e - s]]),
        );
      }
      return { values: out, shape: x.shape, dtype: 'float32' };
    },
  };
}

/**
 * ReluGrad `{ dy, x }` (one shape): `dy * (x > 0 ? 1 : 0)` in SIMD, split across the threads.
 * @example runKernel('ReluGrad', { dy, x })
 */
export const reluGradWasm: KernelSpec<WasmHandle> = {
  name: 'ReluGrad',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { dy, x } = inputs;
    if (dy.dtype !== 'float32' || x.dtype !== 'float32') return runOnCpu('ReluGrad', inputs, attrs, backend);
    const size = sizeOf(dy.shape);
    const out = backend.allocTensor(size, 'float32');
    if (size > 0) {
      backend.parallel.run(
        ranges(backend, size, size).map(([s, e]) => [
          ['reluGradF32', dy.values.ptr + s * 4, x.values.ptr + s * 4, out.ptr + s * 4, e - s],
        ]),
      );
    }
    return { values: out, shape: dy.shape, dtype: 'float32' };
  },
};

/**
 * Cast `{ x }`, attrs `{ dtype }`: to the same dtype shares the data; bool and int32 to float32
 * and float32 to bool run in wasm; the rest (float32 to int32 wraps like JavaScript's ToInt32)
 * runs the cpu code.
 * @example runKernel('Cast', { x }, { dtype: 'float32' })
 */
export const castWasm: KernelSpec<WasmHandle> = {
  name: 'Cast',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { x } = inputs;
    const dtype = attrs.dtype as DType;
    if (dtype === x.dtype) return { values: x.values, shape: x.shape, dtype };
    const fn =
      dtype === 'float32'
        ? x.dtype === 'bool'
          ? 'boolToF32'
          : 'i32ToF32'
        : x.dtype === 'float32' && dtype === 'bool'
          ? 'f32ToBool'
          : null;
    if (!fn) return runOnCpu('Cast', inputs, attrs, backend);
    const size = sizeOf(x.shape);
    const out = backend.allocTensor(size, dtype);
    const bytes = dtype === 'bool' ? 1 : 4;
    const from = x.dtype === 'bool' ? 1 : 4;
    if (size > 0) {
      backend.parallel.run(
        ranges(backend, size, size).map(([s, e]) => [[fn, x.values.ptr + s * from, out.ptr + s * bytes, e - s]]),
      );
    }
    return { values: out, shape: x.shape, dtype };
  },
};
