import {
  broadcastTo,
  cast,
  div,
  equal,
  fmt,
  mul,
  reshape,
  ShapeError,
  scalar,
  squeezeOrExpandToSameRank,
  sum,
  type Tensor,
  type TensorLike,
  ValueError,
  where,
} from '@horn/tensor';
import { describe, floatInput } from './loss-inputs.js';

/**
 * How a {@link Loss} reduces its per-sample values:
 * - `'sumOverBatchSize'` (default): the weighted sum divided by the NUMBER OF VALUES (not by the sum of
 *   the weights), as Keras; `'mean'` is the same;
 * - `'sum'`: the weighted sum;
 * - `'meanWithSampleWeight'`: the weighted sum divided by the sum of the weights;
 * - `'none'`: the weighted per-sample values.
 * @example
 * const losses = new MeanSquaredError({ reduction: 'none' }).apply([[0], [1]], [[1], [3]]);
 * losses.arraySync(); // [1, 4]; with 'sum': 5; with 'sumOverBatchSize' (default): 2.5
 */
export type Reduction = 'sumOverBatchSize' | 'sum' | 'none' | 'mean' | 'meanWithSampleWeight';

/**
 * A {@link Reduction} in camelCase or Keras snake_case; `null` is Keras' `None` (no reduction).
 * @example
 * standardizeReduction('sum_over_batch_size'); // 'sumOverBatchSize'
 * new MeanSquaredError({ reduction: null }).apply([[0], [1]], [[1], [3]]).arraySync(); // [1, 4]: null is Keras' None
 */
export type ReductionId = Reduction | 'sum_over_batch_size' | 'mean_with_sample_weight' | null;

const REDUCTIONS: Readonly<Record<string, Reduction>> = {
  sumOverBatchSize: 'sumOverBatchSize',
  sum_over_batch_size: 'sumOverBatchSize',
  sum: 'sum',
  none: 'none',
  mean: 'mean',
  meanWithSampleWeight: 'meanWithSampleWeight',
  mean_with_sample_weight: 'meanWithSampleWeight',
};

/**
 * Validates a reduction id and returns its camelCase form.
 * @example standardizeReduction('sum_over_batch_size') // 'sumOverBatchSize'
 */
export function standardizeReduction(reduction: unknown, op = 'Loss'): Reduction {
  if (reduction === null) return 'none';
  if (typeof reduction === 'string' && Object.hasOwn(REDUCTIONS, reduction)) return REDUCTIONS[reduction];
  const valid = Object.keys(REDUCTIONS)
    .map((r) => `'${r}'`)
    .join(', ');
  throw new ValueError(`${op}: unknown reduction ${describe(reduction)}; expected one of ${valid} or null`);
}

/**
 * Keras' `reduce_weighted_values`: multiplies per-sample `values` by `sampleWeight` (broadcast per
 * sample: a `[batch]` weight scales every value of its sample), merges an optional validity `mask`,
 * then reduces as `reduction` says. A zero-size input reduces to 0.
 * @example reduceWeightedValues(tensor([1, 3]), [1, 0], null, 'sumOverBatchSize').arraySync() // 0.5
 */
export function reduceWeightedValues(
  values: Tensor,
  sampleWeight: TensorLike | null | undefined,
  mask: Tensor | null,
  reduction: Reduction,
  op = 'Loss',
): Tensor {
  let weights =
    sampleWeight === undefined || sampleWeight === null ? null : floatInput(sampleWeight, 'sampleWeight', op);
  if (mask) {
    let m = cast(mask, 'float32');
    if (reduction === 'sumOverBatchSize' || reduction === 'mean') {
      // Valid values get weight total / valid, so the mean over all values is the mean over the valid ones.
      m = mul(m, divNoNan(scalar(m.size), sum(m)));
    }
    weights = weights ? mul(perSampleWeights(weights, m, op), m) : m;
  }
  let weighted = values;
  if (weights) {
    weights = perSampleWeights(weights, values, op);
    weighted = mul(values, weights);
  }
  if (reduction === 'none' || weighted.rank === 0) return weighted;
  const total = sum(weighted);
  if (reduction === 'sum') return total;
  if (reduction === 'meanWithSampleWeight' && weights) return divNoNan(total, sum(weights));
  return weighted.size === 0 ? scalar(0) : div(total, weighted.size);
}

// a / b, or 0 where b is 0; the denominator is made safe first so no NaN reaches a gradient.
function divNoNan(a: Tensor, b: Tensor): Tensor {
  const zero = equal(b, 0);
  return where(zero, 0, div(a, where(zero, 1, b)));
}

/** Aligns sample weights to `values` (Keras' rank fix-up, then trailing 1s) and broadcasts them to its shape. */
function perSampleWeights(weights: Tensor, values: Tensor, op: string): Tensor {
  const [v, aligned] = squeezeOrExpandToSameRank(values, weights);
  let w = aligned;
  if (w.rank < v.rank) w = reshape(w, [...w.shape, ...new Array<number>(v.rank - w.rank).fill(1)]);
  const fits = w.rank === v.rank && w.shape.every((d, i) => d === 1 || d === v.shape[i]);
  if (!fits) {
    throw new ShapeError(
      `${op}: sampleWeight of shape ${fmt(weights.shape)} cannot weight per-sample losses of shape ${fmt(values.shape)}; ` +
        'expected a scalar, one weight per sample, or the losses shape',
    );
  }
  return reshape(broadcastTo(w, v.shape), values.shape);
}
