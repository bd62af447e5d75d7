import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { stridesOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { stridedCopy } from './strided-copy.js';

/**
 * Reverse `{ x }`, attrs `{ axes }` (non-negative, unique): the values in reverse order along each
 * of `axes`. Read as a strided view that starts at the far end of each reversed axis and walks it
 * with a negative stride.
 * @example runKernel('Reverse', { x }, { axes: [0] })
 */
export const reverseCpu: KernelSpec<TypedArray> = {
  name: 'Reverse',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const axes = attrs.axes as readonly number[];
    const strides = stridesOf(x.shape);
    const srcStrides = [...strides];
    let offset = 0;
    for (const a of axes) {
      if (x.shape[a] === 0) continue;
      offset += (x.shape[a] - 1) * strides[a];
      srcStrides[a] = -strides[a];
    }
    const out = arrayFor(x.dtype, x.values.length);
    stridedCopy(x.values, offset, srcStrides, out, 0, strides, x.shape);
    return { values: out, shape: x.shape, dtype: x.dtype };
  },
};
