import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { binaryOp } from './binary-op.js';

/**
 * Elementwise `a == b` with broadcasting, as bool. Mixed dtypes compare in the promoted dtype
 * (int32 with float32 compares as float32); NaN equals nothing.
 * @example equal(tensor([1, 2]), 2).arraySync() // [0, 1]
 */
export function equal(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Equal', 'equal', a, b);
}

/**
 * Elementwise `a != b` with broadcasting, as bool (NaN differs from everything).
 * @example notEqual(tensor([1, 2]), 2).arraySync() // [1, 0]
 */
export function notEqual(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('NotEqual', 'notEqual', a, b);
}

/**
 * Elementwise `a > b` with broadcasting, as bool.
 * @example greater(tensor([1, 3]), 2).arraySync() // [0, 1]
 */
export function greater(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Greater', 'greater', a, b);
}

/**
 * Elementwise `a >= b` with broadcasting, as bool.
 * @example greaterEqual(tensor([1, 2]), 2).arraySync() // [0, 1]
 */
export function greaterEqual(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('GreaterEqual', 'greaterEqual', a, b);
}

/**
 * Elementwise `a < b` with broadcasting, as bool.
 * @example less(tensor([1, 3]), 2).arraySync() // [1, 0]
 */
export function less(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Less', 'less', a, b);
}

/**
 * Elementwise `a <= b` with broadcasting, as bool.
 * @example lessEqual(tensor([2, 3]), 2).arraySync() // [1, 0]
 */
export function lessEqual(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('LessEqual', 'lessEqual', a, b);
}
