import type { KerasOptions } from '@horn/tensor';
import {
  type DType,
  fmt,
  normalizeOptions,
  ShapeError,
  squeezeOrExpandToSameRank,
  type Tensor,
  type TensorLike,
  tensor,
  tidy,
  ValueError,
} from '@horn/tensor';
import { floatInput } from './metric-inputs.js';

/**
 * Options of {@link confusionMatrix}.
 * @example
 * confusionMatrix([1, 2, 1], [2, 2, 1], 3, { weights: [0.5, 2, 1], dtype: 'float32' }).arraySync();
 * // [[0, 0, 0], [0, 1, 0.5], [0, 0, 2]]
 */
export interface ConfusionMatrixOptions {
  /** What each pair adds to its cell instead of 1 (shape of `predictions`). */
  weights?: TensorLike | null;
  /** The matrix' dtype: `'int32'` (default, weights truncated as TF casts them) or `'float32'`. */
  dtype?: Extract<DType, 'int32' | 'float32'>;
}

/**
 * The confusion matrix of integer class labels: rows are the true labels, columns the predictions, as
 * `tf.math.confusion_matrix`. Without `numClasses` it is one more than the largest label or prediction.
 * @example confusionMatrix([1, 2, 4], [2, 2, 4], 5).arraySync()[2] // [0, 0, 1, 0, 0]
 */
export function confusionMatrix(
  labels: TensorLike,
  predictions: TensorLike,
  numClasses?: number | null,
  options: KerasOptions<ConfusionMatrixOptions> = {},
): Tensor {
  const op = 'confusionMatrix';
  options = normalizeOptions(op, options, ['weights', 'dtype']) as ConfusionMatrixOptions;
  const dtype = options.dtype ?? 'int32';
  if (dtype !== 'int32' && dtype !== 'float32')
    throw new ValueError(`${op}: dtype must be 'int32' or 'float32', got ${String(dtype)}`);
  return tidy(() => {
    const [l, p] = squeezeOrExpandToSameRank(
      floatInput(labels, 'labels', op),
      floatInput(predictions, 'predictions', op),
      false,
    );
    if (l.rank !== 1 || p.rank !== 1 || l.size !== p.size) {
      throw new ShapeError(
        `${op}: labels and predictions must be 1-D of the same length, got labels ${fmt(l.shape)} and predictions ${fmt(p.shape)}`,
      );
    }
    const lv = l.dataSync();
    const pv = p.dataSync();
    let weights: ArrayLike<number> | null = null;
    if (options.weights !== undefined && options.weights !== null) {
      const w = floatInput(options.weights, 'weights', op);
      if (w.size !== p.size) {
        throw new ShapeError(`${op}: weights must match predictions ${fmt(p.shape)}, got weights ${fmt(w.shape)}`);
      }
      weights = w.dataSync();
    }
    let n = numClasses ?? 0;
    if (numClasses === undefined || numClasses === null)
      for (let i = 0; i < lv.length; i++) n = Math.max(n, lv[i] + 1, pv[i] + 1);
    else if (!Number.isInteger(numClasses) || numClasses < 0) {
      throw new ValueError(`${op}: numClasses must be a non-negative integer, got ${String(numClasses)}`);
    }
    const cells = new Float64Array(n * n);
    for (let i = 0; i < lv.length; i++) {
      for (const [what, v] of [
        ['label', lv[i]],
        ['prediction', pv[i]],
      ] as const) {
        if (!Number.isInteger(v) || v < 0 || v >= n) {
          throw new ValueError(`${op}: ${what} ${v} at position ${i} is not a class in [0, ${n})`);
        }
      }
      const w = weights ? weights[i] : 1;
      cells[lv[i] * n + pv[i]] += dtype === 'int32' ? Math.trunc(w) : w;
    }
    return tensor(cells, [n, n], dtype);
  });
}
