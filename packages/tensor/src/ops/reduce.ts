import { toTensor } from '../convert.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';
import { reduceOp } from './reduce-op.js';

/**
 * Sum over `axis` (a number, several, or all when undefined; negative counts from the end). int32
 * and bool sum to int32; the sum of nothing is 0.
 * @example sum(tensor([[1, 2], [3, 4]]), 0).arraySync() // [4, 6]
 */
export function sum(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const t = toTensor(x, 'x', 'sum');
  return reduceOp('Sum', 'sum', t.dtype === 'bool' ? cast(t, 'int32') : t, axis, keepDims);
}

/**
 * Product over `axis`; int32 and bool multiply to int32; the product of nothing is 1.
 * @example prod(tensor([[1, 2], [3, 4]]), 1).arraySync() // [2, 12]
 */
export function prod(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const t = toTensor(x, 'x', 'prod');
  return reduceOp('Prod', 'prod', t.dtype === 'bool' ? cast(t, 'int32') : t, axis, keepDims);
}

/**
 * Maximum over `axis`, in the input's dtype; NaN wins. Reducing zero elements is an error.
 * @example max(tensor([[1, 5], [3, 2]]), -1).arraySync() // [5, 3]
 */
export function max(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  return reduceOp('Max', 'max', toTensor(x, 'x', 'max'), axis, keepDims, true);
}

/**
 * Minimum over `axis`, in the input's dtype; NaN wins. Reducing zero elements is an error.
 * @example min(tensor([[1, 5], [3, 2]]), 0).arraySync() // [1, 2]
 */
export function min(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  return reduceOp('Min', 'min', toTensor(x, 'x', 'min'), axis, keepDims, true);
}

/**
 * Whether every value over `axis` is true (non-bool input counts non-zero as true); true for nothing.
 * @example all(tensor([[true, false], [true, true]]), 1).arraySync() // [0, 1]
 */
export function all(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  return reduceOp('All', 'all', cast(toTensor(x, 'x', 'all'), 'bool'), axis, keepDims);
}

/**
 * Whether any value over `axis` is true (non-bool input counts non-zero as true); false for nothing.
 * @example any(tensor([[true, false], [false, false]]), 1).arraySync() // [1, 0]
 */
export function any(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  return reduceOp('Any', 'any', cast(toTensor(x, 'x', 'any'), 'bool'), axis, keepDims);
}
