import type { KernelSpec } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import { runOnCpu } from './via-cpu.js';

/** Below this many gate elements a cell step stays on one thread (a worker wake-up costs more). */
const PARALLEL_GATES = 1 << 15;

/** The batch rows split into at most one range per thread when the step is large enough. */
function rowRanges(backend: WasmBackend, batch: number, gates: number): [number, number][] {
  const parts = gates >= PARALLEL_GATES ? Math.max(1, Math.min(backend.parallel.threads, batch)) : 1;
  return Array.from({ length: parts }, (_, t) => [
    Math.floor((batch * t) / parts),
    Math.floor((batch * (t + 1)) / parts),
  ]);
}

/**
 * `LSTMCell` `{ z [batch, 4·units], cPrev [batch, units] } -> [h, c]` in one wasm pass over the
 * gates (the `lstmCell` op of @horn/tensor); float32 only (other dtypes never reach it: the op casts).
 * @example runKernelMulti('LSTMCell', { z, cPrev })
 */
export const lstmCellWasm: KernelSpec<WasmHandle> = {
  name: 'LSTMCell',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { z, cPrev } = inputs;
    if (z.dtype !== 'float32' || cPrev.dtype !== 'float32') return runOnCpu('LSTMCell', inputs, attrs, backend);
    const [batch, units] = cPrev.shape;
    const h = backend.allocTensor(batch * units, 'float32');
    const c = backend.allocTensor(batch * units, 'float32');
    const jobs = rowRanges(backend, batch, batch * 4 * units).map(([r0, r1]): WasmCall[] => [
      ['lstmCellF32', z.values.ptr, cPrev.values.ptr, h.ptr, c.ptr, units, r0, r1],
    ]);
    if (batch * units > 0) backend.parallel.run(jobs);
    return [
      { values: h, shape: cPrev.shape, dtype: 'float32' },
      { values: c, shape: cPrev.shape, dtype: 'float32' },
    ];
  },
};

/**
 * `LSTMCellGrad` `{ z, cPrev, c, dh, dc } -> [dz, dcPrev]`: the cell's gradient in one wasm pass,
 * the gate activations recomputed from `z`.
 * @example runKernelMulti('LSTMCellGrad', { z, cPrev, c, dh, dc })
 */
export const lstmCellGradWasm: KernelSpec<WasmHandle> = {
  name: 'LSTMCellGrad',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { z, cPrev, c, dh, dc } = inputs;
    if ([z, cPrev, c, dh, dc].some((t) => t.dtype !== 'float32')) {
      return runOnCpu('LSTMCellGrad', inputs, attrs, backend);
    }
    const [batch, units] = cPrev.shape;
    const dz = backend.allocTensor(batch * 4 * units, 'float32');
    const dcPrev = backend.allocTensor(batch * units, 'float32');
    const p = [z, cPrev, c, dh, dc].map((t) => t.values.ptr);
    const jobs = rowRanges(backend, batch, batch * 4 * units).map(([r0, r1]): WasmCall[] => [
      ['lstmCellGradF32', p[0], p[1], p[2], p[3], p[4], dz.ptr, dcPrev.ptr, units, r0, r1],
    ]);
    if (batch * units > 0) backend.parallel.run(jobs);
    return [
      { values: dz, shape: z.shape, dtype: 'float32' },
      { values: dcPrev, shape: cPrev.shape, dtype: 'float32' },
    ];
  },
};
