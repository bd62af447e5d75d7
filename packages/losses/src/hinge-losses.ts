import {
  all,
  equal,
  logicalOr,
  max,
  maximum,
  mean,
  mul,
  square,
  sub,
  sum,
  type Tensor,
  type TensorLike,
  tidy,
  where,
} from '@horn/tensor';
import { lossInputs } from './loss-inputs.js';

/**
 * Keras' label conversion for the hinge losses: when every label is 0 or 1 they become -1 or 1,
 * otherwise they are kept as given.
 * @example binaryLabelsToHinge(tensor([0, 1])).arraySync() // [-1, 1]
 */
export function binaryLabelsToHinge(yTrue: Tensor): Tensor {
  const isBinary = all(logicalOr(equal(yTrue, 0), equal(yTrue, 1)));
  return where(isBinary, sub(mul(yTrue, 2), 1), yTrue);
}

/**
 * Hinge loss over the last axis: `mean(max(1 - yTrue * yPred, 0), -1)`, labels -1/1 (0/1 are converted).
 * @example hinge([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [1.1, 1.5]
 */
export function hinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'hinge');
    return mean(maximum(sub(1, mul(binaryLabelsToHinge(t), p)), 0), -1);
  });
}

/**
 * Squared hinge loss over the last axis: `mean(square(max(1 - yTrue * yPred, 0)), -1)`.
 * @example squaredHinge([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [1.46, 2.26]
 */
export function squaredHinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'squaredHinge');
    return mean(square(maximum(sub(1, mul(binaryLabelsToHinge(t), p)), 0)), -1);
  });
}

/**
 * Categorical hinge loss: `max(neg - pos + 1, 0)` with `pos = sum(yTrue * yPred, -1)` and
 * `neg = max((1 - yTrue) * yPred, -1)`; labels one-hot.
 * @example categoricalHinge([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [1.2, 1.6]
 */
export function categoricalHinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'categoricalHinge');
    const pos = sum(mul(t, p), -1);
    const neg = max(mul(sub(1, t), p), -1);
    return maximum(sub(neg, pos).add(1), 0);
  });
}
