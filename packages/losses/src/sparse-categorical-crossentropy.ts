import {
  clip,
  expandDims,
  fmt,
  log,
  logSoftmax,
  mul,
  neg,
  notEqual,
  oneHot,
  ShapeError,
  shapesEqual,
  squeeze,
  sum,
  type Tensor,
  type TensorLike,
  tensor,
  tidy,
  transpose,
  ValueError,
  where,
} from '@horn/tensor';
import { crossentropyOptions } from './crossentropy-losses.js';
import { axisOption, EPSILON, floatInput, integerOption } from './loss-inputs.js';

/**
 * Options of {@link sparseCategoricalCrossentropy}.
 * @example
 * sparseCategoricalCrossentropy([2, 255], [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]], { ignoreClass: 255 }).arraySync(); // [0.3567, 0]
 * sparseCategoricalCrossentropy([[1]], [[[0.2], [0.8]]], { axis: 1 }).arraySync(); // [[0.2231]]: classes on axis 1
 */
export interface SparseCategoricalCrossentropyOptions {
  /** `yPred` holds logits rather than probabilities. Default false. */
  fromLogits?: boolean;
  /** A label value (often -1 or 255) whose samples give 0 loss and are left out of the mean. */
  ignoreClass?: number | null;
  /** The classes axis of `yPred`. Default -1. */
  axis?: number;
}

const OP = 'sparseCategoricalCrossentropy';

interface SparseInputs {
  /** The integer labels, ignored ones replaced by 0, shape = yPred's without the classes axis. */
  labels: Tensor;
  /** yPred with the classes axis moved last. */
  pred: Tensor;
  /** true where the label is not `ignoreClass` (null without one). */
  valid: Tensor | null;
}

/**
 * Crossentropy of integer labels `yTrue` (shape `[batch, ...]` or `[batch, ..., 1]`) against class
 * scores `yPred` (`[batch, ..., classes]`): `-log(p[label])`, from logits through `logSoftmax`. From
 * probabilities `yPred` is clipped to `[1e-7, 1 - 1e-7]` and renormalized (as TF does). Labels must be
 * integers in `[0, classes)`; samples labelled `ignoreClass` give 0.
 * @example sparseCategoricalCrossentropy([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).arraySync() // [0.0512933, 2.3025851]
 */
export function sparseCategoricalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: SparseCategoricalCrossentropyOptions = {},
): Tensor {
  const { fromLogits } = crossentropyOptions({ fromLogits: options.fromLogits }, OP);
  const ignoreClass = ignoreClassOption(options.ignoreClass);
  return tidy(() => {
    const { labels, pred, valid } = sparseInputs(yTrue, yPred, options.axis ?? -1, ignoreClass);
    const classes = pred.shape[pred.rank - 1];
    const logProbs = fromLogits ? logSoftmax(pred, -1) : logSoftmax(log(clip(pred, EPSILON, 1 - EPSILON)), -1);
    const losses = neg(sum(mul(oneHot(labels, classes), logProbs), -1));
    return valid ? where(valid, losses, 0) : losses;
  });
}

/**
 * The samples that count for {@link sparseCategoricalCrossentropy} with `ignoreClass`: a bool tensor of
 * the per-sample loss shape, false where the label is `ignoreClass`. Null without `ignoreClass`.
 * @example sparseCategoricalValidMask([0, -1], [[0.5, 0.5], [0.5, 0.5]], -1)!.arraySync() // [true, false]
 */
export function sparseCategoricalValidMask(
  yTrue: TensorLike,
  yPred: TensorLike,
  ignoreClass: number | null | undefined,
  axis = -1,
): Tensor | null {
  const ignored = ignoreClassOption(ignoreClass);
  if (ignored === null) return null;
  return tidy(() => sparseInputs(yTrue, yPred, axis, ignored).valid as Tensor);
}

function ignoreClassOption(value: unknown): number | null {
  return value === undefined || value === null ? null : integerOption(value, 'ignoreClass', OP);
}

function sparseInputs(
  yTrue: TensorLike,
  yPred: TensorLike,
  axisValue: number,
  ignoreClass: number | null,
): SparseInputs {
  let pred = floatInput(yPred, 'yPred', OP);
  if (pred.rank === 0) throw new ShapeError(`${OP}: expected yPred with a classes axis, got a scalar`);
  const axis = axisOption(axisValue, pred.rank, OP);
  if (axis !== pred.rank - 1) {
    const perm = [...pred.shape.keys()].filter((d) => d !== axis);
    pred = transpose(pred, [...perm, axis]);
  }
  let labels = floatInput(yTrue, 'yTrue', OP);
  if (labels.rank === pred.rank && labels.shape[labels.rank - 1] === 1) labels = squeeze(labels, -1);
  const expected = pred.shape.slice(0, -1);
  if (!shapesEqual(labels.shape, expected)) {
    throw new ShapeError(
      `${OP}: expected integer labels yTrue of shape ${fmt(expected)} or ${fmt([...expected, 1])} for predictions ` +
        `yPred ${fmt(pred.shape)} (classes on axis ${axis}), got yTrue ${fmt(labels.shape)}`,
    );
  }
  const classes = pred.shape[pred.rank - 1];
  const values = labels.dataSync();
  const clean = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (ignoreClass !== null && v === ignoreClass) continue;
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw new ValueError(
        `${OP}: label ${v} at position ${i} is outside the valid range [0, ${classes}) of yPred ${fmt(pred.shape)}`,
      );
    }
    clean[i] = v;
  }
  if (ignoreClass === null) return { labels: tensor(clean, labels.shape, 'int32'), pred, valid: null };
  const valid = notEqual(labels, ignoreClass);
  // As Keras, the ignored rows of yPred are zeroed (here with where, so even NaN there cannot leak).
  return { labels: tensor(clean, labels.shape, 'int32'), pred: where(expandDims(valid, -1), pred, 0), valid };
}
