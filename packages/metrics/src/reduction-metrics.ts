import type { KerasOptions } from '@horn/tensor';
import {
  mean,
  mul,
  scalar,
  squeezeOrExpandToSameRank,
  sum,
  type Tensor,
  type TensorLike,
  tidy,
  ValueError,
} from '@horn/tensor';
import { checkMetricConfig, Metric, type MetricConfig } from './metric.js';
import { broadcastWeights, describe, floatInput } from './metric-inputs.js';

/** What one batch adds to a reduction metric. */
interface BatchTotals {
  total: number;
  count: number;
}

/**
 * Keras' `reduce_to_samplewise_values` plus the sums `Mean` and `Sum` keep: values are reduced to one
 * per sample (with `reduce`, over the axes the weights do not have), weighted, then summed; `count` is
 * the sum of the (per-sample) weights, or the number of samples.
 */
function batchTotals(
  values: TensorLike,
  sampleWeight: TensorLike | null | undefined,
  reduce: typeof mean,
  op: string,
): BatchTotals {
  return tidy(() => {
    let v = floatInput(values, 'values', op);
    let count: Tensor | number;
    if (sampleWeight !== undefined && sampleWeight !== null) {
      let w: Tensor;
      [v, w] = squeezeOrExpandToSameRank(v, floatInput(sampleWeight, 'sampleWeight', op));
      const weightRank = w.rank;
      if (v.rank > weightRank) v = reduce(v, range(weightRank, v.rank));
      w = broadcastWeights(w, v.shape, op);
      v = mul(v, w);
      if (weightRank > 1) w = reduce(w, range(1, weightRank));
      count = sum(w);
    } else {
      count = v.rank >= 1 ? v.shape[0] : 1;
    }
    if (v.rank > 1) v = reduce(v, range(1, v.rank));
    return {
      total: sum(v).dataSync()[0],
      count: typeof count === 'number' ? count : count.dataSync()[0],
    };
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * The (weighted) mean of the values seen: `sum(values * w) / sum(w)`. Values with more than one
 * dimension count once per sample, as their mean.
 * @example
 * const m = new Mean();
 * m.updateState([1, 3, 5, 7]);
 * m.result().arraySync(); // 4
 * m.resetState();
 * m.updateState([1, 3, 5, 7], [1, 1, 0, 0]);
 * m.result().arraySync(); // 2
 */
export class Mean extends Metric {
  static override readonly className: string = 'Mean';
  static override readonly configKeys: readonly string[] = [];
  /** The weighted sum of the values seen. */
  protected total = 0;
  /** The sum of the weights (or the number of samples). */
  protected count = 0;

  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(config, 'mean');
  }

  /** Adds `values`, weighted by `sampleWeight` (a scalar, `[batch]`, or the values' shape). */
  updateState(values: TensorLike, sampleWeight?: TensorLike | null): void {
    this.accumulate(values, sampleWeight);
  }

  result(): Tensor {
    return scalar(this.count === 0 ? 0 : this.total / this.count);
  }

  resetState(): void {
    this.total = 0;
    this.count = 0;
  }

  /** Adds already computed per-sample values. */
  protected accumulate(values: TensorLike, sampleWeight: TensorLike | null | undefined): void {
    const batch = batchTotals(values, sampleWeight, mean, this.label);
    this.total += batch.total;
    this.count += batch.count;
  }
}

/**
 * The (weighted) sum of the values seen.
 * @example
 * const s = new Sum();
 * s.updateState([1, 3, 5, 7]);
 * s.result().arraySync(); // 16
 */
export class Sum extends Metric {
  static override readonly className: string = 'Sum';
  static override readonly configKeys: readonly string[] = [];
  private total = 0;

  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(config, 'sum');
  }

  /** Adds `values`, weighted by `sampleWeight`. */
  updateState(values: TensorLike, sampleWeight?: TensorLike | null): void {
    this.total += batchTotals(values, sampleWeight, sum, this.label).total;
  }

  result(): Tensor {
    return scalar(this.total);
  }

  resetState(): void {
    this.total = 0;
  }
}

/**
 * A per-sample metric function: `fn(yTrue, yPred, options)` gives one value per sample.
 * @example
 * const mae: MetricFunction = (yTrue, yPred) => abs(sub(yTrue, yPred)).mean(-1);
 * const m = new MeanMetricWrapper(mae, { name: 'mae' });
 * m.updateState([[0, 1]], [[1, 1]]);
 * m.result().arraySync(); // 0.5
 */
export type MetricFunction<O = undefined> = (yTrue: TensorLike, yPred: TensorLike, options?: O) => Tensor;

/**
 * The weighted mean of a per-sample metric function over every batch seen, as Keras'
 * `MeanMetricWrapper` (what `compile` makes of a plain function).
 * @example
 * const m = new MeanMetricWrapper((t, p) => abs(sub(t, p)).mean(-1), { name: 'mae' });
 * m.updateState([[0, 1]], [[1, 1]]);
 * m.result().arraySync(); // 0.5
 */
export class MeanMetricWrapper<O = undefined> extends Mean {
  static override readonly className: string = 'MeanMetricWrapper';
  static override readonly configKeys: readonly string[] = [];
  /** The wrapped function. */
  readonly fn: MetricFunction<O>;
  /** The options passed to `fn`. */
  protected readonly fnOptions: O | undefined;

  constructor(fn: MetricFunction<O>, config: KerasOptions<MetricConfig> = {}, fnOptions?: O) {
    if (typeof fn !== 'function') throw new ValueError(`MeanMetricWrapper: fn must be a function, got ${describe(fn)}`);
    super({
      ...checkMetricConfig(new.target.className, config),
      name: config.name ?? (fn.name || 'mean_metric_wrapper'),
    });
    this.fn = fn;
    this.fnOptions = fnOptions;
  }

  /** Adds `fn(yTrue, yPred)` for one batch, weighted by `sampleWeight`. */
  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    if (yPred === undefined || yPred === null) {
      throw new ValueError(`${this.label}: updateState(yTrue, yPred, sampleWeight?) needs yPred`);
    }
    tidy(() => {
      this.accumulate(this.fn(yTrue, yPred, this.fnOptions), sampleWeight);
    });
  }
}
