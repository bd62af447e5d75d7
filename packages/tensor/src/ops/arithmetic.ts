import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { binaryOp } from './binary-op.js';

/**
 * Elementwise `a + b` with NumPy broadcasting.
 * @example add(tensor([[1], [2]]), tensor([10, 20])).arraySync() // [[11, 21], [12, 22]]
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Add', 'add', a, b);
}

/**
 * Elementwise `a - b` with broadcasting.
 * @example sub(tensor([5, 7]), 2).arraySync() // [3, 5]
 */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Sub', 'sub', a, b);
}

/**
 * Elementwise `a * b` with broadcasting.
 * @example mul(tensor([1, 2, 3]), 2).arraySync() // [2, 4, 6]
 */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Mul', 'mul', a, b);
}

/**
 * Elementwise true division `a / b` with broadcasting; always float32, like NumPy's `/`.
 * @example div(tensor([1, 3]), 2).arraySync() // [0.5, 1.5]
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Div', 'div', a, b, 'float32');
}

/**
 * Elementwise `a ** b` with broadcasting.
 * @example pow(tensor([2, 3]), 2).arraySync() // [4, 9]
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Pow', 'pow', a, b);
}

/**
 * Elementwise maximum with broadcasting; NaN wins, as in NumPy.
 * @example maximum(tensor([1, 5]), 3).arraySync() // [3, 5]
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Maximum', 'maximum', a, b);
}

/**
 * Elementwise minimum with broadcasting; NaN wins, as in NumPy.
 * @example minimum(tensor([1, 5]), 3).arraySync() // [1, 3]
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return binaryOp('Minimum', 'minimum', a, b);
}
