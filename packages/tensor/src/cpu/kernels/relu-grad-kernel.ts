import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';

/**
 * `ReluGrad`: inputs `dy` and `x` of one shape; `dy * (x > 0 ? 1 : 0)` (float32), the gradient of
 * `Relu` in one pass. A multiply, not a select, so a NaN or infinite `dy` where `x <= 0` still
 * gives NaN, as `dy * step(x)` does.
 * @example runKernel('ReluGrad', { dy: tensor([5, 5]), x: tensor([-1, 2]) }) // [0, 5]
 */
export const reluGradKernel: KernelSpec<TypedArray> = {
  name: 'ReluGrad',
  backend: 'cpu',
  run: ({ dy, x }) => {
    const n = dy.values.length;
    const out = new Float32Array(n);
    const g = dy.values;
    const xv = x.values;
    for (let i = 0; i < n; i++) out[i] = g[i] * (xv[i] > 0 ? 1 : 0);
    return { values: out, shape: dy.shape, dtype: 'float32' };
  },
};
