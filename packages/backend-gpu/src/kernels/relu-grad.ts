import type { KernelSpec } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel } from './gpu-kernel.js';
import { kernelSource } from './source-code.js';

/**
 * `ReluGrad` (inputs `dy`, `x` of one shape): `dy * (x > 0 ? 1 : 0)` in float32, a multiply as
 * on cpu, so a NaN or infinite `dy` where `x <= 0` gives NaN (as far as the GPU keeps NaN).
 * A non-float32 `dy` runs the cpu code.
 * @example runKernel('ReluGrad', { dy: tensor([5, 5]), x: tensor([-1, 2]) }) // [0, 5]
 */
export const reluGradGpu: KernelSpec<GpuHandle> = gpuKernel('ReluGrad', ({ dy }) => {
  if (dy.dtype !== 'float32') return null;
  return {
    args: ['dy', 'x'],
    shape: dy.shape,
    dtype: 'float32',
    key: `${dy.values.size}`,
    source: () => kernelSource(2, 'let step = 0;\nif (a1[i] > 0) { step = 1; }\nreturn a0[i] * step;'),
  };
});
