import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { sizeOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';

/**
 * Gather `{ x, indices }` (int32, each in `[0, x.shape[axis])`), attrs `{ axis }`: output shape
 * `x.shape[:axis] + indices.shape + x.shape[axis+1:]`, taking slice `indices[j]` along `axis`.
 * @example runKernel('Gather', { x, indices }, { axis: 0 })
 */
export const gatherCpu: KernelSpec<TypedArray> = {
  name: 'Gather',
  backend: 'cpu',
  run: ({ x, indices }, attrs) => {
    const axis = attrs.axis as number;
    const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    const out = arrayFor(x.dtype, sizeOf(shape));
    const outer = sizeOf(x.shape.slice(0, axis));
    const inner = sizeOf(x.shape.slice(axis + 1));
    const dim = x.shape[axis];
    const idx = indices.values;
    const n = idx.length;
    const v = x.values;
    let o = 0;
    for (let b = 0; b < outer; b++) {
      const base = b * dim * inner;
      for (let j = 0; j < n; j++) {
        const from = base + idx[j] * inner;
        if (inner === 1) out[o] = v[from];
        else out.set(v.subarray(from, from + inner), o);
        o += inner;
      }
    }
    return { values: out, shape, dtype: x.dtype };
  },
};
