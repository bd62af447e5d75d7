import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { unaryOp } from './unary-op.js';

/**
 * Elementwise `-x`; int32 stays int32 (bool becomes int32).
 * @example neg(tensor([1, -2])).arraySync() // [-1, 2]
 */
export function neg(x: TensorLike): Tensor {
  return unaryOp('Neg', 'neg', x, 'numeric');
}

/**
 * Elementwise absolute value; int32 stays int32.
 * @example abs(tensor([-1.5, 2])).arraySync() // [1.5, 2]
 */
export function abs(x: TensorLike): Tensor {
  return unaryOp('Abs', 'abs', x, 'numeric');
}

/**
 * Elementwise sign: -1, 0 or 1 (NaN stays NaN); int32 stays int32.
 * @example sign(tensor([-3, 0, 2])).arraySync() // [-1, 0, 1]
 */
export function sign(x: TensorLike): Tensor {
  return unaryOp('Sign', 'sign', x, 'numeric');
}

/**
 * Elementwise `e^x`, in float32.
 * @example exp(tensor([0, 1])).arraySync() // [1, 2.7182817]
 */
export function exp(x: TensorLike): Tensor {
  return unaryOp('Exp', 'exp', x, 'float');
}

/**
 * Elementwise natural logarithm, in float32: `log(0) = -Infinity`, negative input gives NaN.
 * @example log(tensor([1, Math.E])).arraySync() // [0, 1]
 */
export function log(x: TensorLike): Tensor {
  return unaryOp('Log', 'log', x, 'float');
}

/**
 * Elementwise `log(1 + x)`, accurate for tiny `x`, in float32.
 * @example log1p(tensor([0, 1e-10])).arraySync() // [0, 1e-10]
 */
export function log1p(x: TensorLike): Tensor {
  return unaryOp('Log1p', 'log1p', x, 'float');
}

/**
 * Elementwise square root, in float32 (NaN for negative input).
 * @example sqrt(tensor([4, 9])).arraySync() // [2, 3]
 */
export function sqrt(x: TensorLike): Tensor {
  return unaryOp('Sqrt', 'sqrt', x, 'float');
}

/**
 * Elementwise `x * x`; int32 stays int32.
 * @example square(tensor([-3, 2])).arraySync() // [9, 4]
 */
export function square(x: TensorLike): Tensor {
  return unaryOp('Square', 'square', x, 'numeric');
}

/**
 * Elementwise `1 / x`, in float32.
 * @example reciprocal(tensor([2, 4])).arraySync() // [0.5, 0.25]
 */
export function reciprocal(x: TensorLike): Tensor {
  return unaryOp('Reciprocal', 'reciprocal', x, 'float');
}

/**
 * Elementwise floor; int32 stays int32, as in NumPy 2.
 * @example floor(tensor([1.7, -1.2])).arraySync() // [1, -2]
 */
export function floor(x: TensorLike): Tensor {
  return unaryOp('Floor', 'floor', x, 'numeric');
}

/**
 * Elementwise ceiling; int32 stays int32, as in NumPy 2.
 * @example ceil(tensor([1.2, -1.7])).arraySync() // [2, -1]
 */
export function ceil(x: TensorLike): Tensor {
  return unaryOp('Ceil', 'ceil', x, 'numeric');
}

/**
 * Elementwise rounding to the nearest integer, halves to even as NumPy does; int32 stays int32.
 * @example round(tensor([0.5, 1.5, 2.5, -2.5])).arraySync() // [0, 2, 2, -2]
 */
export function round(x: TensorLike): Tensor {
  return unaryOp('Round', 'round', x, 'numeric');
}
