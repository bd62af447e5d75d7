import type { KerasOptions } from '@horn/tensor';
import {
  argMax,
  cast,
  equal,
  fmt,
  greater,
  mean,
  normalizeOptions,
  ShapeError,
  shapesEqual,
  squeeze,
  type Tensor,
  type TensorLike,
  tensor,
  tidy,
} from '@horn/tensor';
import { assertSameShape, floatInput, integerOption, matchingInputs, numberOption } from './metric-inputs.js';

/**
 * How often predictions equal labels, averaged over the last axis: one value per sample.
 * @example accuracy([[1], [2], [3], [4]], [[0], [2], [3], [4]]).arraySync() // [0, 1, 1, 1]
 */
export function accuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = matchingInputs(yTrue, yPred, 'accuracy');
    return mean(cast(equal(t, p), 'float32'), -1);
  });
}

/**
 * Options of {@link binaryAccuracy}.
 * @example
 * binaryAccuracy([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]], { threshold: 0.7 }).arraySync(); // [1, 1, 1, 1]
 */
export interface BinaryAccuracyOptions {
  /** Predictions above it count as 1. Default 0.5. */
  threshold?: number;
}

/**
 * How often `yPred > threshold` matches 0/1 labels, averaged over the last axis.
 * @example binaryAccuracy([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]).arraySync() // [1, 1, 1, 0]
 */
export function binaryAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: KerasOptions<BinaryAccuracyOptions> = {},
): Tensor {
  options = normalizeOptions('binaryAccuracy', options, ['threshold']) as BinaryAccuracyOptions;
  const threshold = numberOption(options.threshold ?? 0.5, 'threshold', 'binaryAccuracy');
  return tidy(() => {
    const [t, p] = matchingInputs(yTrue, yPred, 'binaryAccuracy');
    return mean(cast(equal(t, cast(greater(p, threshold), 'float32')), 'float32'), -1);
  });
}

/**
 * Whether the arg-max of one-hot labels equals the arg-max of the predictions (logits work too), per sample.
 * @example categoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]).arraySync() // [0, 1]
 */
export function categoricalAccuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const t = floatInput(yTrue, 'yTrue', 'categoricalAccuracy');
    const p = floatInput(yPred, 'yPred', 'categoricalAccuracy');
    assertSameShape(t, p, 'categoricalAccuracy');
    if (p.rank === 0) throw new ShapeError('categoricalAccuracy: expected yPred with a classes axis, got a scalar');
    return cast(equal(argMax(t, -1), argMax(p, -1)), 'float32');
  });
}

/**
 * Whether integer labels (`[batch]` or `[batch, 1]`) equal the arg-max of the predictions, per sample.
 * @example sparseCategoricalAccuracy([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]).arraySync() // [0, 1]
 */
export function sparseCategoricalAccuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const { labels, pred } = sparseInputs(yTrue, yPred, 'sparseCategoricalAccuracy');
    return cast(equal(labels, cast(argMax(pred, -1), 'float32')), 'float32');
  });
}

/**
 * Options of {@link topKCategoricalAccuracy} and {@link sparseTopKCategoricalAccuracy}.
 * @example
 * topKCategoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 2 }).arraySync(); // [1, 1]
 */
export interface TopKOptions {
  /** How many of the highest predictions count. Default 5. */
  k?: number;
}

/**
 * Whether the arg-max of one-hot labels is among the `k` highest predictions, per sample. As TF's
 * `in_top_k`, classes tied with the k-th highest are in, and a non-finite score is never in.
 * @example topKCategoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 }).arraySync() // [0, 1]
 */
export function topKCategoricalAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: KerasOptions<TopKOptions> = {},
): Tensor {
  options = normalizeOptions('topKCategoricalAccuracy', options, ['k']) as TopKOptions;
  const k = integerOption(options.k ?? 5, 'k', 'topKCategoricalAccuracy', 1);
  return tidy(() => {
    const t = floatInput(yTrue, 'yTrue', 'topKCategoricalAccuracy');
    const p = floatInput(yPred, 'yPred', 'topKCategoricalAccuracy');
    assertSameShape(t, p, 'topKCategoricalAccuracy');
    if (p.rank === 0) throw new ShapeError('topKCategoricalAccuracy: expected yPred with a classes axis, got a scalar');
    return inTopK(argMax(t, -1), p, k);
  });
}

/**
 * Whether integer labels (`[batch]` or `[batch, 1]`) are among the `k` highest predictions, per sample.
 * @example sparseTopKCategoricalAccuracy([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 }).arraySync() // [0, 1]
 */
export function sparseTopKCategoricalAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: KerasOptions<TopKOptions> = {},
): Tensor {
  options = normalizeOptions('sparseTopKCategoricalAccuracy', options, ['k']) as TopKOptions;
  const k = integerOption(options.k ?? 5, 'k', 'sparseTopKCategoricalAccuracy', 1);
  return tidy(() => {
    const { labels, pred } = sparseInputs(yTrue, yPred, 'sparseTopKCategoricalAccuracy');
    return inTopK(labels, pred, k);
  });
}

function sparseInputs(yTrue: TensorLike, yPred: TensorLike, op: string): { labels: Tensor; pred: Tensor } {
  const pred = floatInput(yPred, 'yPred', op);
  let labels = floatInput(yTrue, 'yTrue', op);
  if (pred.rank === 0) throw new ShapeError(`${op}: expected yPred with a classes axis, got a scalar`);
  if (labels.rank === pred.rank && labels.shape[labels.rank - 1] === 1) labels = squeeze(labels, -1);
  const expected = pred.shape.slice(0, -1);
  if (!shapesEqual(labels.shape, expected)) {
    throw new ShapeError(
      `${op}: expected integer labels yTrue of shape ${fmt(expected)} or ${fmt([...expected, 1])} ` +
        `for predictions yPred ${fmt(pred.shape)}, got yTrue ${fmt(labels.shape)}`,
    );
  }
  return { labels, pred };
}

// TF's in_top_k: the target is in when fewer than k classes score strictly higher.
function inTopK(labels: Tensor, pred: Tensor, k: number): Tensor {
  const classes = pred.shape[pred.rank - 1];
  const target = labels.dataSync();
  const scores = pred.dataSync();
  const out = new Float32Array(target.length);
  for (let row = 0; row < target.length; row++) {
    const label = target[row];
    if (!Number.isInteger(label) || label < 0 || label >= classes) continue;
    const base = row * classes;
    const score = scores[base + label];
    if (!Number.isFinite(score)) continue;
    let higher = 0;
    for (let j = 0; j < classes; j++) if (scores[base + j] > score) higher++;
    out[row] = higher < k ? 1 : 0;
  }
  return tensor(out, labels.shape);
}
