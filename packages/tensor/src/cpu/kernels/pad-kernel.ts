import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { sizeOf, stridesOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { stridedCopy } from './strided-copy.js';

/**
 * Pad `{ x }`, attrs `{ paddings, value }`: `paddings[d] = [before, after]` (non-negative) cells
 * of `value` around dimension `d`. The output is filled with `value`, then `x` is copied into the
 * window that starts at the `before` corner.
 * @example runKernel('Pad', { x }, { paddings: [[1, 1]], value: 0 })
 */
export const padCpu: KernelSpec<TypedArray> = {
  name: 'Pad',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const paddings = attrs.paddings as readonly (readonly [number, number])[];
    const value = attrs.value as number;
    const shape = x.shape.map((d, i) => paddings[i][0] + d + paddings[i][1]);
    const out = arrayFor(x.dtype, sizeOf(shape));
    if (value !== 0) out.fill(value);
    const outStrides = stridesOf(shape);
    let offset = 0;
    for (let d = 0; d < shape.length; d++) offset += paddings[d][0] * outStrides[d];
    stridedCopy(x.values, 0, stridesOf(x.shape), out, offset, outStrides, x.shape);
    return { values: out, shape, dtype: x.dtype };
  },
};
