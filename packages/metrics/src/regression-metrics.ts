import type { KerasOptions } from '@horn/tensor';
import {
  expandDims,
  fmt,
  ShapeError,
  scalar,
  square,
  sub,
  type Tensor,
  type TensorLike,
  tensor,
  tidy,
  ValueError,
} from '@horn/tensor';
import { checkMetricConfig, Metric, type MetricConfig } from './metric.js';
import { broadcastWeights, describe, floatInput, integerOption, matchingInputs } from './metric-inputs.js';
import { Mean, MeanMetricWrapper } from './reduction-metrics.js';
import { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError } from './regression-functions.js';

/**
 * The weighted mean of {@link meanSquaredError} over every batch.
 * @example
 * const m = new MeanSquaredError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result().arraySync(); // 0.25
 */
export class MeanSquaredError extends MeanMetricWrapper {
  static override readonly className: string = 'MeanSquaredError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(meanSquaredError, {
      ...checkMetricConfig(new.target.className, config),
      name: config.name ?? 'mean_squared_error',
    });
  }
}

/**
 * The weighted mean of {@link meanAbsoluteError} over every batch.
 * @example
 * const m = new MeanAbsoluteError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]], [1, 0]);
 * m.result().arraySync(); // 0.5
 */
export class MeanAbsoluteError extends MeanMetricWrapper {
  static override readonly className: string = 'MeanAbsoluteError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(meanAbsoluteError, {
      ...checkMetricConfig(new.target.className, config),
      name: config.name ?? 'mean_absolute_error',
    });
  }
}

/**
 * The weighted mean of {@link meanAbsolutePercentageError} over every batch (ids `'mape'`,
 * `'mean_absolute_percentage_error'`).
 * @example
 * const m = new MeanAbsolutePercentageError();
 * m.updateState([[2, 4], [1, -2]], [[1, 5], [1.5, -1]]);
 * m.result().arraySync(); // 43.75
 */
export class MeanAbsolutePercentageError extends MeanMetricWrapper {
  static override readonly className: string = 'MeanAbsolutePercentageError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(meanAbsolutePercentageError, { ...config, name: config.name ?? 'mean_absolute_percentage_error' });
  }
}

/**
 * The square root of the weighted mean squared error over every batch.
 * @example
 * const m = new RootMeanSquaredError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]], [1, 0]);
 * m.result().arraySync(); // 0.70710677
 */
export class RootMeanSquaredError extends Mean {
  static override readonly className: string = 'RootMeanSquaredError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super({ ...checkMetricConfig(new.target.className, config), name: config.name ?? 'root_mean_squared_error' });
  }

  /** Adds the squared errors of one batch. */
  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    if (yPred === undefined || yPred === null) {
      throw new ValueError(`${this.label}: updateState(yTrue, yPred, sampleWeight?) needs yPred`);
    }
    tidy(() => {
      const [t, p] = matchingInputs(yTrue, yPred, this.label);
      this.accumulate(square(sub(p, t)), sampleWeight);
    });
  }

  override result(): Tensor {
    return scalar(this.count === 0 ? 0 : Math.sqrt(this.total / this.count));
  }
}

/**
 * How {@link R2Score} combines the scores of several outputs.
 * @example
 * const m = new R2Score({ classAggregation: null });
 * m.updateState([[1, 2], [2, 4], [3, 7]], [[1.5, 2], [2, 5], [2.5, 6]]);
 * m.result().arraySync(); // [0.75, 0.8421]: one per output; 'varianceWeightedAverage' gives 0.8295
 */
export type R2ClassAggregation = 'uniformAverage' | 'varianceWeightedAverage' | null;

/**
 * Config of {@link R2Score}.
 * @example
 * const m = new R2Score({ classAggregation: 'uniform_average', numRegressors: 1 });
 * m.updateState([[1], [2], [3], [4]], [[1.1], [1.9], [3.2], [3.9]]);
 * m.result().arraySync(); // 0.979, the adjusted R² (Keras: 0.979)
 */
export interface R2ScoreConfig extends MetricConfig {
  /** `'uniformAverage'` (default), `'varianceWeightedAverage'`, or null for one score per output; snake_case accepted. */
  classAggregation?: R2ClassAggregation | 'uniform_average' | 'variance_weighted_average';
  /** Regressors for the adjusted R²; 0 (default) gives the plain R². */
  numRegressors?: number;
}

const AGGREGATIONS: Readonly<Record<string, R2ClassAggregation>> = {
  uniformAverage: 'uniformAverage',
  uniform_average: 'uniformAverage',
  varianceWeightedAverage: 'varianceWeightedAverage',
  variance_weighted_average: 'varianceWeightedAverage',
};

/**
 * The coefficient of determination, `1 - SS_res / SS_tot`, per output over every batch, as Keras'
 * `R2Score`. Inputs are `[batch, outputs]` (a `[batch]` vector counts as one output).
 * @example
 * const m = new R2Score();
 * m.updateState([[1], [4], [3]], [[2], [4], [4]]);
 * m.result().arraySync(); // 0.5714286
 */
export class R2Score extends Metric {
  static override readonly className: string = 'R2Score';
  static override readonly configKeys: readonly string[] = ['classAggregation', 'numRegressors'];
  readonly classAggregation: R2ClassAggregation;
  readonly numRegressors: number;
  private sum: Float64Array | null = null;
  private squaredSum: Float64Array | null = null;
  private totalMse: Float64Array | null = null;
  private count: Float64Array | null = null;
  private numSamples = 0;

  constructor(config: KerasOptions<R2ScoreConfig> = {}) {
    super(config, 'r2_score');
    config = this.options as R2ScoreConfig;
    const aggregation = config.classAggregation === undefined ? 'uniformAverage' : config.classAggregation;
    if (aggregation !== null && !Object.hasOwn(AGGREGATIONS, aggregation)) {
      throw new ValueError(
        `R2Score: classAggregation must be 'uniformAverage', 'varianceWeightedAverage' (or snake_case) or null, got ${describe(aggregation)}`,
      );
    }
    this.classAggregation = aggregation === null ? null : AGGREGATIONS[aggregation];
    this.numRegressors = integerOption(config.numRegressors ?? 0, 'numRegressors', 'R2Score', 0);
  }

  /** Adds one batch of `[batch, outputs]` targets and predictions, weighted per sample or per value. */
  updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    if (yPred === undefined || yPred === null) {
      throw new ValueError(`${this.label}: updateState(yTrue, yPred, sampleWeight?) needs yPred`);
    }
    tidy(() => {
      let [t, p] = matchingInputs(yTrue, yPred, this.label);
      if (p.rank === 1) [t, p] = [t.reshape([-1, 1]), p.reshape([-1, 1])];
      if (p.rank !== 2) {
        throw new ShapeError(
          `${this.label}: expected 2-D inputs [batch, outputs], got yTrue ${fmt(t.shape)} and yPred ${fmt(p.shape)}`,
        );
      }
      const [rows, outputs] = p.shape;
      this.build(outputs);
      const w = weightsFor(sampleWeight, t, this.label);
      const tv = t.dataSync();
      const pv = p.dataSync();
      for (let i = 0; i < rows * outputs; i++) {
        const c = i % outputs;
        const weight = w ? w[i] : 1;
        this.sum![c] += tv[i] * weight;
        this.squaredSum![c] += tv[i] * tv[i] * weight;
        this.totalMse![c] += (tv[i] - pv[i]) ** 2 * weight;
        this.count![c] += weight;
      }
      this.numSamples += rows * outputs;
    });
  }

  result(): Tensor {
    if (!this.sum) return scalar(0);
    const outputs = this.sum.length;
    const raw = new Array<number>(outputs);
    const totals = new Array<number>(outputs);
    for (let c = 0; c < outputs; c++) {
      const mean = this.sum[c] / this.count![c];
      totals[c] = this.squaredSum![c] - this.sum[c] * mean;
      const score = 1 - this.totalMse![c] / totals[c];
      raw[c] = score === Infinity || score === -Infinity ? 0 : score; // Keras maps ±inf (constant targets) to 0
    }
    let r2: number;
    if (this.classAggregation === null) return tensor(raw.map((s) => this.adjust(s)));
    if (this.classAggregation === 'uniformAverage') r2 = raw.reduce((a, b) => a + b, 0) / outputs;
    else r2 = raw.reduce((a, s, c) => a + s * totals[c], 0) / totals.reduce((a, b) => a + b, 0);
    return scalar(this.adjust(r2));
  }

  resetState(): void {
    for (const state of [this.sum, this.squaredSum, this.totalMse, this.count]) state?.fill(0);
    this.numSamples = 0;
  }

  override getConfig(): R2ScoreConfig {
    return { ...super.getConfig(), classAggregation: this.classAggregation, numRegressors: this.numRegressors };
  }

  // The adjusted R² 1 - (1 - R²)(n - 1)/(n - p - 1) where it is defined; Keras warns and skips it otherwise.
  private adjust(r2: number): number {
    const n = this.numSamples;
    const p = this.numRegressors;
    return p === 0 || p >= n - 1 ? r2 : 1 - ((1 - r2) * (n - 1)) / (n - p - 1);
  }

  private build(outputs: number): void {
    if (this.sum && this.sum.length !== outputs) {
      throw new ShapeError(`${this.label}: expected ${this.sum.length} outputs as in earlier batches, got ${outputs}`);
    }
    if (!this.sum) {
      this.sum = new Float64Array(outputs);
      this.squaredSum = new Float64Array(outputs);
      this.totalMse = new Float64Array(outputs);
      this.count = new Float64Array(outputs);
    }
  }
}

// Keras R2Score: a [batch] weight gets a features axis, then broadcasts to the targets' shape.
function weightsFor(sampleWeight: TensorLike | null | undefined, yTrue: Tensor, op: string): Float32Array | null {
  if (sampleWeight === undefined || sampleWeight === null) return null;
  const w = floatInput(sampleWeight, 'sampleWeight', op);
  return broadcastWeights(w.rank === 1 ? expandDims(w, 1) : w, yTrue.shape, op).dataSync() as Float32Array;
}
