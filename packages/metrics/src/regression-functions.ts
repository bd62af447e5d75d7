import { abs, div, maximum, mean, mul, square, sub, type Tensor, type TensorLike, tidy } from '@horn/tensor';
import { EPSILON, matchingInputs } from './metric-inputs.js';

/**
 * Mean squared error over the last axis, one value per sample (the same formula as the loss).
 * @example meanSquaredError([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // [0.5, 0]
 */
export function meanSquaredError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = matchingInputs(yTrue, yPred, 'meanSquaredError');
    return mean(square(sub(t, p)), -1);
  });
}

/**
 * Mean absolute error over the last axis, one value per sample.
 * @example meanAbsoluteError([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // [0.5, 0]
 */
export function meanAbsoluteError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = matchingInputs(yTrue, yPred, 'meanAbsoluteError');
    return mean(abs(sub(t, p)), -1);
  });
}

/**
 * Mean absolute percentage error over the last axis, one value per sample, as Keras:
 * `100 · mean(|yTrue - yPred| / max(|yTrue|, 1e-7))` (the same formula as the loss).
 * @example meanAbsolutePercentageError([[2, 4], [1, -2]], [[1, 5], [1.5, -1]]).arraySync() // [37.5, 50]
 */
export function meanAbsolutePercentageError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = matchingInputs(yTrue, yPred, 'meanAbsolutePercentageError');
    return mul(mean(abs(div(sub(t, p), maximum(abs(t), EPSILON))), -1), 100);
  });
}
