import { abs, mean, square, sub, type Tensor, type TensorLike, tidy } from '@horn/tensor';
import { matchingInputs } from './metric-inputs.js';

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
