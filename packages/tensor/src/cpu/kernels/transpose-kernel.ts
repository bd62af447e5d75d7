import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { sizeOf, stridesOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { stridedCopy } from './strided-copy.js';

/**
 * Transpose `{ x }`, attrs `{ perm }` (a permutation of `0..rank-1`): output dim `i` is input dim
 * `perm[i]`. The identity permutation shares the input's data.
 * @example runKernel('Transpose', { x }, { perm: [1, 0] })
 */
export const transposeCpu: KernelSpec<TypedArray> = {
  name: 'Transpose',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const perm = attrs.perm as readonly number[];
    const shape = perm.map((p) => x.shape[p]);
    if (perm.every((p, i) => p === i)) return { values: x.values, shape, dtype: x.dtype };
    const strides = stridesOf(x.shape);
    const out = arrayFor(x.dtype, sizeOf(shape));
    stridedCopy(
      x.values,
      0,
      perm.map((p) => strides[p]),
      out,
      0,
      stridesOf(shape),
      shape,
    );
    return { values: out, shape, dtype: x.dtype };
  },
};
