import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt, shapesEqual } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { mul } from './arithmetic.js';
import { cast } from './cast.js';
import { finiteOption, unaryOp } from './unary-op.js';

/**
 * Rectified linear unit `max(x, 0)`; int32 stays int32, NaN stays NaN.
 * @example relu(tensor([-1, 2])).arraySync() // [0, 2]
 */
export function relu(x: TensorLike): Tensor {
  return unaryOp('Relu', 'relu', x, 'numeric');
}

/**
 * `min(max(x, 0), 6)`; int32 stays int32.
 * @example relu6(tensor([-1, 3, 8])).arraySync() // [0, 3, 6]
 */
export function relu6(x: TensorLike): Tensor {
  return unaryOp('Relu6', 'relu6', x, 'numeric');
}

/**
 * Scaled exponential linear unit: `scale·x` for `x > 0`, `scale·alpha·(e^x - 1)` otherwise, with
 * Klambauer et al.'s `alpha ≈ 1.6733` and `scale ≈ 1.0507`.
 * @example selu(tensor([1])).arraySync() // [1.0507010]
 */
export function selu(x: TensorLike): Tensor {
  return unaryOp('Selu', 'selu', x, 'float');
}

/**
 * The logistic function `1 / (1 + e^-x)`, computed without overflow: `sigmoid(-1000) = 0`,
 * `sigmoid(1000) = 1`.
 * @example sigmoid(tensor([0])).arraySync() // [0.5]
 */
export function sigmoid(x: TensorLike): Tensor {
  return unaryOp('Sigmoid', 'sigmoid', x, 'float');
}

/**
 * Elementwise hyperbolic tangent.
 * @example tanh(tensor([0])).arraySync() // [0]
 */
export function tanh(x: TensorLike): Tensor {
  return unaryOp('Tanh', 'tanh', x, 'float');
}

/**
 * `log(1 + e^x)`, computed stably as `max(x, 0) + log1p(e^-|x|)`.
 * @example softplus(tensor([0])).arraySync() // [0.6931472]
 */
export function softplus(x: TensorLike): Tensor {
  return unaryOp('Softplus', 'softplus', x, 'float');
}

/**
 * `x / (1 + |x|)`.
 * @example softsign(tensor([1, -3])).arraySync() // [0.5, -0.75]
 */
export function softsign(x: TensorLike): Tensor {
  return unaryOp('Softsign', 'softsign', x, 'float');
}

/**
 * `x` for `x > 0`, `alpha·x` otherwise (Keras' default alpha is 0.2).
 * @example leakyRelu(tensor([-10, 5]), 0.1).arraySync() // [-1, 5]
 */
export function leakyRelu(x: TensorLike, alpha = 0.2): Tensor {
  return unaryOp('LeakyRelu', 'leakyRelu', x, 'float', { alpha: finiteOption(alpha, 'alpha', 'leakyRelu') });
}

/**
 * Exponential linear unit: `x` for `x > 0`, `alpha·(e^x - 1)` otherwise.
 * @example elu(tensor([-1, 2])).arraySync() // [-0.6321206, 2]
 */
export function elu(x: TensorLike, alpha = 1): Tensor {
  return unaryOp('Elu', 'elu', x, 'float', { alpha: finiteOption(alpha, 'alpha', 'elu') });
}

/**
 * Gaussian error linear unit `x·Φ(x)`, with the exact erf-based CDF, or with the tanh
 * approximation `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))` when `approximate` is true.
 * @example gelu(tensor([1])).arraySync() // [0.8413447]
 */
export function gelu(x: TensorLike, approximate = false): Tensor {
  if (typeof approximate !== 'boolean') {
    throw new ValueError(`gelu: approximate must be a boolean, got ${String(approximate)}`);
  }
  return unaryOp('Gelu', 'gelu', x, 'float', { approximate });
}

/**
 * `x · sigmoid(beta·x)` (SiLU when `beta = 1`), composed from Mul and Sigmoid.
 * @example swish(tensor([0, 1])).arraySync() // [0, 0.7310586]
 */
export function swish(x: TensorLike, beta = 1): Tensor {
  const t = cast(toTensor(x, 'x', 'swish'), 'float32');
  const b = finiteOption(beta, 'beta', 'swish');
  return mul(t, sigmoid(b === 1 ? t : mul(t, b)));
}

/**
 * The gradient of {@link relu} in one kernel: `dy * (x > 0 ? 1 : 0)`, where `x` is the input of
 * `relu` (or its output: both are positive at the same places). `dy` and `x` must have one shape;
 * the result is float32. Autograd uses it for `Relu` and for the fused convolution.
 * @example reluGrad(tensor([5, 5]), tensor([-1, 2])).arraySync() // [0, 5]
 */
export function reluGrad(dy: TensorLike, x: TensorLike): Tensor {
  const g = cast(toTensor(dy, 'dy', 'reluGrad'), 'float32');
  const t = toTensor(x, 'x', 'reluGrad');
  if (!shapesEqual(g.shape, t.shape)) {
    throw new ShapeError(`reluGrad: dy and x must have one shape, got dy ${fmt(g.shape)} and x ${fmt(t.shape)}`);
  }
  return ENGINE.runKernel('ReluGrad', { dy: g, x: t });
}
