import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import { sizeOf, stridesOf } from '../../shape.js';
import type { TypedArray } from '../../types.js';
import { stridedCopy } from './strided-copy.js';

/**
 * Tile `{ x }`, attrs `{ reps }` (one non-negative count per dimension): `x` repeated `reps[d]`
 * times along dimension `d`. The output `[r0*d0, r1*d1, ...]` is laid out as `[r0, d0, r1, d1, ...]`,
 * so it is a broadcast copy of `x` viewed with a stride-0 repeat dimension before each of its own.
 * @example runKernel('Tile', { x }, { reps: [2, 1] })
 */
export const tileCpu: KernelSpec<TypedArray> = {
  name: 'Tile',
  backend: 'cpu',
  run: ({ x }, attrs) => {
    const reps = attrs.reps as readonly number[];
    const shape = x.shape.map((d, i) => d * reps[i]);
    const out = arrayFor(x.dtype, sizeOf(shape));
    const strides = stridesOf(x.shape);
    const viewShape: number[] = [];
    const srcStrides: number[] = [];
    x.shape.forEach((d, i) => {
      viewShape.push(reps[i], d);
      srcStrides.push(0, strides[i]);
    });
    stridedCopy(x.values, 0, srcStrides, out, 0, stridesOf(viewShape), viewShape);
    return { values: out, shape, dtype: x.dtype };
  },
};
