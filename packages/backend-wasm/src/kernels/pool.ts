import { type KernelAttrs, type KernelSpec, poolGeometry } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import { runOnCpu } from './via-cpu.js';
import { readWindow } from './window.js';

function poolShape(inputShape: readonly number[], attrs: KernelAttrs): number[] {
  const g = poolGeometry(inputShape, attrs);
  return [g.n, g.oh, g.ow, g.c];
}

/** The arguments of the module's poolGeometry. */
function poolArgs(inputShape: readonly number[], attrs: KernelAttrs): number[] {
  const g = poolGeometry(inputShape, attrs);
  return [g.h, g.w, g.c, g.ph, g.pw, g.sh, g.sw, g.pt, g.pl, g.oh, g.ow];
}

/** Whether the windows tile the image: stride = pool size and no padding. */
function tiles(attrs: KernelAttrs): boolean {
  const [ph, pw] = attrs.poolSize as number[];
  const win = readWindow(attrs);
  return win.sh === ph && win.sw === pw && win.pt + win.pb + win.pl + win.pr === 0;
}

/** The 2x2 window at stride 2 without padding over a multiple of 4 channels: its own SIMD loop. */
function is2x2(attrs: KernelAttrs, channels: number): boolean {
  const [ph, pw] = attrs.poolSize as number[];
  return ph === 2 && pw === 2 && channels % 4 === 0 && tiles(attrs);
}

/** Runs a pooling export over the batch, split across the threads when it is large. */
function runByBatch(
  backend: WasmBackend,
  name: 'maxPoolF32' | 'maxPoolGradF32' | 'maxPoolGradTiledF32' | 'maxPool2x2F32' | 'maxPoolGrad2x2F32',
  ptrs: number[],
  batch: number,
  elements: number,
  geometry: number[],
): void {
  const parts = elements >= 1 << 16 ? Math.max(1, Math.min(backend.parallel.threads, batch)) : 1;
  const jobs: WasmCall[][] = [];
  for (let t = 0; t < parts; t++) {
    const b0 = Math.floor((batch * t) / parts);
    const b1 = Math.floor((batch * (t + 1)) / parts);
    jobs.push([
      ['poolGeometry', ...geometry],
      [name, ...ptrs, b0, b1 - b0],
    ]);
  }
  backend.parallel.run(jobs);
}

/**
 * MaxPool `{ x }`, attrs `{ poolSize, strides, pad }`, NHWC float32 in SIMD over channels.
 * @example runKernel('MaxPool', { x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const maxPoolWasm: KernelSpec<WasmHandle> = {
  name: 'MaxPool',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { x } = inputs;
    if (x.dtype !== 'float32') return runOnCpu('MaxPool', inputs, attrs, backend);
    const shape = poolShape(x.shape, attrs);
    const size = shape[0] * shape[1] * shape[2] * shape[3];
    const y = backend.allocTensor(size, 'float32');
    if (size > 0)
      runByBatch(
        backend,
        is2x2(attrs, x.shape[3]) ? 'maxPool2x2F32' : 'maxPoolF32',
        [x.values.ptr, y.ptr],
        shape[0],
        size,
        poolArgs(x.shape, attrs),
      );
    return { values: y, shape, dtype: 'float32' };
  },
};

/**
 * MaxPoolGrad `{ dy, x }`, attrs `{ poolSize, strides, pad }`: each dy to its window's first maximum.
 * @example runKernel('MaxPoolGrad', { dy, x }, { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] })
 */
export const maxPoolGradWasm: KernelSpec<WasmHandle> = {
  name: 'MaxPoolGrad',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { dy, x } = inputs;
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') return runOnCpu('MaxPoolGrad', inputs, attrs, backend);
    const shape = poolShape(x.shape, attrs);
    const size = x.shape[0] * x.shape[1] * x.shape[2] * x.shape[3];
    const dx = backend.allocTensor(size, 'float32');
    if (size === 0) return { values: dx, shape: x.shape, dtype: 'float32' };
    const ptrs = [dy.values.ptr, x.values.ptr, dx.ptr];
    const geometry = poolArgs(x.shape, attrs);
    if (tiles(attrs) && shape[1] * shape[2] > 0) {
      // Each cell in at most one window: written once, no zeroing, no scatter.
      const fn = is2x2(attrs, x.shape[3]) ? 'maxPoolGrad2x2F32' : 'maxPoolGradTiledF32';
      runByBatch(backend, fn, ptrs, shape[0], size, geometry);
    } else {
      backend.view(dx, 'float32').fill(0);
      if (shape[1] * shape[2] * shape[3] > 0) runByBatch(backend, 'maxPoolGradF32', ptrs, shape[0], size, geometry);
    }
    return { values: dx, shape: x.shape, dtype: 'float32' };
  },
};
