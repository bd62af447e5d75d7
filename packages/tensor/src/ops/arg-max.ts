import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ValueError } from '../errors.js';
import { fmt, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { reshape } from './reshape.js';

function argReduce(kernel: string, op: string, x: TensorLike, axis: number | undefined): Tensor {
  const t = toTensor(x, 'x', op);
  let input = t;
  let a = 0;
  if (axis === undefined || t.rank === 0) {
    if (axis !== undefined) normalizeAxis(axis, 1, op); // a scalar takes axis 0 or -1, as in NumPy
    input = reshape(t, [t.size]);
  } else {
    a = normalizeAxis(axis, t.rank, op);
  }
  if (input.shape[a] === 0) {
    throw new ValueError(`${op}: attempt to get ${op} of an empty sequence (shape ${fmt(t.shape)}, axis ${axis})`);
  }
  return ENGINE.runKernel(kernel, { x: input }, { axis: a });
}

/**
 * Index of the largest value along `axis` (int32); with `axis` undefined, the index into the
 * flattened tensor (NumPy, Keras 3). Ties give the first index; NaN counts as the largest.
 * @example argMax(tensor([[1, 9, 9], [7, 2, 3]]), 1).arraySync() // [1, 0]
 */
export function argMax(x: TensorLike, axis?: number): Tensor {
  return argReduce('ArgMax', 'argMax', x, axis);
}

/**
 * Index of the smallest value along `axis` (int32); with `axis` undefined, the index into the
 * flattened tensor. Ties give the first index; NaN counts as the smallest.
 * @example argMin(tensor([[1, 9, 0], [7, 2, 3]]), 0).arraySync() // [0, 1, 0]
 */
export function argMin(x: TensorLike, axis?: number): Tensor {
  return argReduce('ArgMin', 'argMin', x, axis);
}
