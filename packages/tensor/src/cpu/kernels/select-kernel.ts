import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { broadcastShapes, sizeOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { broadcastStrides } from './binary-kernel.js';

/**
 * `Select`: inputs `condition` (bool), `a`, `b` (one dtype), all broadcast together as in NumPy;
 * the output takes `a` where the condition holds and `b` elsewhere.
 * @example runKernel('Select', { condition: tensor([true, false]), a: tensor([1, 2]), b: tensor([3, 4]) }) // [1, 4]
 */
export const selectKernel: KernelSpec<TypedArray> = {
  name: 'Select',
  backend: 'cpu',
  run: ({ condition, a, b }) => {
    const shape = broadcastShapes(broadcastShapes(condition.shape, a.shape, 'Select'), b.shape, 'Select');
    const n = sizeOf(shape);
    const out = arrayFor(a.dtype, n);
    const c = condition.values;
    const av = a.values;
    const bv = b.values;
    if (c.length === n && av.length === n && bv.length === n) {
      for (let i = 0; i < n; i++) out[i] = c[i] ? av[i] : bv[i];
      return { values: out, shape, dtype: a.dtype };
    }
    const rank = shape.length;
    const cs = broadcastStrides(condition.shape, shape);
    const as = broadcastStrides(a.shape, shape);
    const bs = broadcastStrides(b.shape, shape);
    const counter = new Array<number>(rank).fill(0);
    let ci = 0;
    let ai = 0;
    let bi = 0;
    for (let i = 0; i < n; i++) {
      out[i] = c[ci] ? av[ai] : bv[bi];
      for (let d = rank - 1; d >= 0; d--) {
        counter[d]++;
        ci += cs[d];
        ai += as[d];
        bi += bs[d];
        if (counter[d] < shape[d]) break;
        ci -= cs[d] * shape[d];
        ai -= as[d] * shape[d];
        bi -= bs[d] * shape[d];
        counter[d] = 0;
      }
    }
    return { values: out, shape, dtype: a.dtype };
  },
};
