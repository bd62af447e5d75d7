import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import type { DType, TypedArray } from '../../types.js';

/**
 * OneHot `{ indices }` (int32), attrs `{ depth, dtype }`: shape `indices.shape + [depth]`, 1 at
 * each index and 0 elsewhere; an index outside `[0, depth)` gives a row of zeros (as TF).
 * @example runKernel('OneHot', { indices }, { depth: 3, dtype: 'float32' })
 */
export const oneHotCpu: KernelSpec<TypedArray> = {
  name: 'OneHot',
  backend: 'cpu',
  run: ({ indices }, attrs) => {
    const depth = attrs.depth as number;
    const dtype = attrs.dtype as DType;
    const idx = indices.values;
    const out = arrayFor(dtype, idx.length * depth);
    for (let i = 0; i < idx.length; i++) {
      const k = idx[i];
      if (k >= 0 && k < depth) out[i * depth + k] = 1;
    }
    return { values: out, shape: [...indices.shape, depth], dtype };
  },
};
