// Keras 3's Discretization quantile summaries (keras/src/layers/preprocessing/discretization.py:
// summarize, merge_summaries, compress_summary, get_bin_boundaries), with NumPy's float32 and
// float64 steps reproduced (Math.fround where NumPy holds float32), so adapt finds Keras' boundaries.

/** A summary: partition values and their weights (counts), both float32 as Keras keeps them. */
export interface QuantileSummary {
  values: Float32Array;
  weights: Float32Array;
}

/**
 * An empty summary (Keras' `np.array([[], []])`).
 * @example emptySummary().values.length // 0
 */
export function emptySummary(): QuantileSummary {
  return { values: new Float32Array(0), weights: new Float32Array(0) };
}

/**
 * Keras' `summarize`: the sorted values taken every `max(n * epsilon, 1)` steps, each weighing that step.
 * @example summarize(new Float32Array([3, 1, 2]), 0.01).values // Float32Array [1, 2, 3]
 */
export function summarize(data: ArrayLike<number>, epsilon: number): QuantileSummary {
  const sorted = Float32Array.from(data).sort();
  const increment = sorted.length / (1 / epsilon);
  const step = Math.max(increment, 1);
  const start = Math.trunc(step - 1);
  const stride = Math.trunc(step);
  const values: number[] = [];
  for (let i = start; i < sorted.length; i += stride) values.push(sorted[i]);
  return { values: Float32Array.from(values), weights: new Float32Array(values.length).fill(Math.fround(step)) };
}

/**
 * Keras' `merge_summaries`: both summaries sorted together by value (stably), then compressed.
 * @example mergeSummaries(summarize(batch, 0.01), emptySummary(), 0.01)
 */
export function mergeSummaries(a: QuantileSummary, b: QuantileSummary, epsilon: number): QuantileSummary {
  const n = a.values.length + b.values.length;
  const values = new Float32Array(n);
  const weights = new Float32Array(n);
  values.set(a.values);
  values.set(b.values, a.values.length);
  weights.set(a.weights);
  weights.set(b.weights, a.values.length);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
  return compressSummary(
    { values: Float32Array.from(order, (i) => values[i]), weights: Float32Array.from(order, (i) => weights[i]) },
    epsilon,
  );
}

/**
 * Keras' `compress_summary`: re-partitions at the cumulative-weight fractions `epsilon, 2 epsilon,
 * ...` by linear interpolation (NumPy's `interp`); small summaries are returned as they are.
 * @example compressSummary(summary, 0.25).values.length // 4
 */
export function compressSummary(summary: QuantileSummary, epsilon: number): QuantileSummary {
  const n = summary.values.length;
  if (n * epsilon < 1) return summary;
  const count = Math.ceil(1 / epsilon);
  const cum = new Float32Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cum[i] = acc = Math.fround(acc + summary.weights[i]);
  const total = cum[n - 1];
  const percents = Float64Array.from(cum, (c) => Math.fround(c / total));
  const cumWeights = Float64Array.from(cum);
  const values = new Float32Array(count);
  const weights = new Float32Array(count);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const p = epsilon + i * epsilon;
    values[i] = interp(p, percents, summary.values);
    const c = interp(p, percents, cumWeights);
    weights[i] = c - previous;
    previous = c;
  }
  return { values, weights };
}

/**
 * Keras' `get_bin_boundaries`: the summary compressed to `numBins` parts, without the last value.
 * @example binBoundaries(summary, 4).length // 3
 */
export function binBoundaries(summary: QuantileSummary, numBins: number): number[] {
  const compressed = compressSummary(summary, 1 / numBins);
  return Array.from(compressed.values.subarray(0, Math.max(compressed.values.length - 1, 0)));
}

/** NumPy's `interp(x, xp, fp)` for increasing `xp`: clamped at both ends. */
function interp(x: number, xp: ArrayLike<number>, fp: ArrayLike<number>): number {
  const n = xp.length;
  if (x < xp[0]) return fp[0];
  if (x > xp[n - 1]) return fp[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xp[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  if (lo === n - 1 || xp[lo] === x) return fp[lo];
  const slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
  let y = slope * (x - xp[lo]) + fp[lo];
  if (Number.isNaN(y)) {
    y = slope * (x - xp[lo + 1]) + fp[lo + 1];
    if (Number.isNaN(y) && fp[lo] === fp[lo + 1]) y = fp[lo];
  }
  return y;
}
