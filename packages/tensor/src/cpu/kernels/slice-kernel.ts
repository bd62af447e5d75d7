import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { shapesEqual, sizeOf, stridesOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { stridedCopy } from './strided-copy.js';

/**
 * Slice `{ x }`, attrs `{ begin, size }` (one entry per dimension, in bounds, no `-1`): the box
 * of `size[d]` values from `begin[d]` along each dimension. The whole tensor shares its data.
 * @example runKernel('Slice', { x }, { begin: [1, 0], size: [1, 3] })
 */
export const sliceCpu: KernelSpec<TypedArray> = {
  name: 'Slice',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const begin = attrs.begin as readonly number[];
    const size = attrs.size as readonly number[];
    if (shapesEqual(size, x.shape)) return { values: x.values, shape: size, dtype: x.dtype };
    const strides = stridesOf(x.shape);
    let offset = 0;
    for (let d = 0; d < begin.length; d++) offset += begin[d] * strides[d];
    const out = arrayFor(x.dtype, sizeOf(size));
    stridedCopy(x.values, offset, strides, out, 0, stridesOf(size), size);
    return { values: out, shape: size, dtype: x.dtype };
  },
};
