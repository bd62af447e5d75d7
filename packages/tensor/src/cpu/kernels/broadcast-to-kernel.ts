import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { shapesEqual, sizeOf, stridesOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { broadcastStrides } from './binary-kernel.js';
import { stridedCopy } from './strided-copy.js';

/**
 * BroadcastTo `{ x }`, attrs `{ shape }` (a NumPy broadcast of `x.shape`): `x` repeated along its
 * size-1 and missing leading dimensions. An unchanged shape shares the input's data.
 * @example runKernel('BroadcastTo', { x }, { shape: [2, 3] })
 */
export const broadcastToCpu: KernelSpec<TypedArray> = {
  name: 'BroadcastTo',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const shape = attrs.shape as readonly number[];
    if (shapesEqual(shape, x.shape)) return { values: x.values, shape, dtype: x.dtype };
    const out = arrayFor(x.dtype, sizeOf(shape));
    stridedCopy(x.values, 0, broadcastStrides(x.shape, shape), out, 0, stridesOf(shape), shape);
    return { values: out, shape, dtype: x.dtype };
  },
};
