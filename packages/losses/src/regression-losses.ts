import {
  abs,
  add,
  div,
  lessEqual,
  log,
  maximum,
  mean,
  mul,
  neg,
  softplus,
  sqrt,
  square,
  sub,
  sum,
  type Tensor,
  type TensorLike,
  tidy,
  where,
} from '@horn/tensor';
import { axisOption, EPSILON, lossInputs, numberOption } from './loss-inputs.js';

/**
 * Mean of squared errors over the last axis: `mean(square(yTrue - yPred), -1)`, one value per sample.
 * @example meanSquaredError([[0, 1], [0, 0]], [[1, 1], [1, 0]]).arraySync() // [0.5, 0.5]
 */
export function meanSquaredError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'meanSquaredError');
    return mean(square(sub(t, p)), -1);
  });
}

/**
 * Mean of absolute errors over the last axis: `mean(abs(yTrue - yPred), -1)`.
 * @example meanAbsoluteError([[0, 1], [0, 0]], [[1, 1], [1, 0]]).arraySync() // [0.5, 0.5]
 */
export function meanAbsoluteError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'meanAbsoluteError');
    return mean(abs(sub(t, p)), -1);
  });
}

/**
 * `100 * mean(abs((yTrue - yPred) / max(abs(yTrue), 1e-7)), -1)`.
 * @example meanAbsolutePercentageError([[2, 4]], [[1, 5]]).arraySync() // [37.5]
 */
export function meanAbsolutePercentageError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'meanAbsolutePercentageError');
    return mul(mean(abs(div(sub(t, p), maximum(abs(t), EPSILON))), -1), 100);
  });
}

/**
 * `mean(square(log(max(yPred, 1e-7) + 1) - log(max(yTrue, 1e-7) + 1)), -1)`.
 * @example meanSquaredLogarithmicError([[0, 1]], [[1, 1]]).arraySync() // [0.2402265]
 */
export function meanSquaredLogarithmicError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'meanSquaredLogarithmicError');
    const logPred = log(add(maximum(p, EPSILON), 1));
    const logTrue = log(add(maximum(t, EPSILON), 1));
    return mean(square(sub(logPred, logTrue)), -1);
  });
}

/**
 * Options of {@link huber}.
 * @example
 * huber([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], { delta: 0.5 }).arraySync(); // [0.175, 0.1275]
 */
export interface HuberOptions {
  /** Where the loss turns from quadratic to linear. Default 1. */
  delta?: number;
}

/**
 * Huber loss over the last axis: `0.5 * e²` where `|e| <= delta`, else `delta * |e| - 0.5 * delta²`.
 * @example huber([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [0.18, 0.13]
 */
export function huber(yTrue: TensorLike, yPred: TensorLike, options: HuberOptions = {}): Tensor {
  const delta = numberOption(options.delta ?? 1, 'delta', 'huber', 0);
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'huber');
    const error = sub(p, t);
    const absError = abs(error);
    const quadratic = mul(square(error), 0.5);
    const linear = sub(mul(absError, delta), 0.5 * delta * delta);
    return mean(where(lessEqual(absError, delta), quadratic, linear), -1);
  });
}

/**
 * Mean of `log(cosh(yPred - yTrue))` over the last axis, computed stably as `x + softplus(-2x) - log 2`.
 * @example logCosh([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // [0.2168904, 0]
 */
export function logCosh(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'logCosh');
    const x = sub(p, t);
    return mean(sub(add(x, softplus(mul(x, -2))), Math.LN2), -1);
  });
}

/**
 * Options of {@link cosineSimilarity}.
 * @example
 * cosineSimilarity([[0, 1]], [[0, 2]], { axis: -1 }).arraySync(); // [-1]: same direction
 */
export interface CosineSimilarityOptions {
  /** The features axis along which similarity is measured. Default -1. */
  axis?: number;
}

/**
 * The Keras cosine-similarity LOSS: minus the cosine of the angle between `yTrue` and `yPred` along
 * `axis` (so -1 means identical directions). A zero vector gives 0.
 * @example cosineSimilarity([[0, 1], [1, 1], [1, 1]], [[1, 0], [1, 1], [-1, -1]]).arraySync() // [-0, -1, 1]
 */
export function cosineSimilarity(yTrue: TensorLike, yPred: TensorLike, options: CosineSimilarityOptions = {}): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'cosineSimilarity');
    const axis = axisOption(options.axis ?? -1, p.rank, 'cosineSimilarity');
    return neg(sum(mul(l2Normalize(t, axis), l2Normalize(p, axis)), axis));
  });
}

// x / max(||x||, eps), written as sqrt(max(sum(x²), eps²)) so a zero vector has a finite gradient.
function l2Normalize(x: Tensor, axis: number): Tensor {
  return div(x, sqrt(maximum(sum(square(x), axis, true), EPSILON * EPSILON)));
}
