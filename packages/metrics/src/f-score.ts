import type { KerasOptions } from '@horn/tensor';
import { fmt, ShapeError, scalar, type Tensor, type TensorLike, tensor, tidy, ValueError } from '@horn/tensor';
import { checkMetricConfig, Metric, type MetricConfig } from './metric.js';
import { assertSameShape, broadcastWeights, describe, EPSILON, floatInput } from './metric-inputs.js';

/**
 * How {@link FBetaScore} combines the per-class scores: null keeps one per class.
 * @example
 * const perClass = new F1Score({ average: null }); // result: one F1 per class, shape [numClasses]
 * const overall = new F1Score({ average: 'micro' }); // result: one F1 from the pooled counts
 */
export type FScoreAverage = 'micro' | 'macro' | 'weighted' | null;

/**
 * Config of {@link FBetaScore} and {@link F1Score}.
 * @example
 * const m = new FBetaScore({ beta: 2, average: 'macro', threshold: 0.5 });
 * m.updateState([[1, 0], [0, 1], [1, 0]], [[0.9, 0.2], [0.6, 0.7], [0.3, 0.1]]);
 * m.result().arraySync(); // 0.75 (Keras: 0.75)
 */
export interface FBetaScoreConfig extends MetricConfig {
  /** null (default: one score per class), `'micro'`, `'macro'` or `'weighted'`. */
  average?: FScoreAverage;
  /** Recall weighs `beta` times as much as precision. Default 1 (F1); must be > 0. */
  beta?: number;
  /** Predictions above it are positive; null (default) marks the highest of each row positive. In (0, 1]. */
  threshold?: number | null;
}

/**
 * The F-beta score `(1 + β²) P R / (β² P + R)` over `[batch, classes]` multi-hot labels, as Keras'
 * `FBetaScore` (epsilons included). With `average: null` the result has one score per class.
 * @example
 * const m = new FBetaScore({ beta: 2, threshold: 0.5 });
 * m.updateState([[1, 1, 1], [1, 0, 0], [1, 1, 0]], [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]]);
 * m.result().arraySync(); // [0.3846154, 0.9090909, 0.8333333]
 */
export class FBetaScore extends Metric {
  static override readonly className: string = 'FBetaScore';
  static override readonly configKeys: readonly string[] = ['average', 'beta', 'threshold'];
  readonly average: FScoreAverage;
  readonly beta: number;
  readonly threshold: number | null;
  private tp: Float64Array | null = null;
  private fp: Float64Array | null = null;
  private fn: Float64Array | null = null;
  private support: Float64Array | null = null;
  private classes = 0;

  constructor(config: KerasOptions<FBetaScoreConfig> = {}, defaultName = 'fbeta_score') {
    super(config, defaultName);
    config = this.options as FBetaScoreConfig;
    const op = (new.target as typeof Metric).className;
    const average = config.average ?? null;
    if (average !== null && average !== 'micro' && average !== 'macro' && average !== 'weighted') {
      throw new ValueError(`${op}: average must be null, 'micro', 'macro' or 'weighted', got ${describe(average)}`);
    }
    this.average = average;
    const beta = config.beta ?? 1;
    if (typeof beta !== 'number' || !Number.isFinite(beta) || beta <= 0) {
      throw new ValueError(`${op}: beta must be a number > 0, got ${describe(beta)}`);
    }
    this.beta = beta;
    const threshold = config.threshold ?? null;
    if (threshold !== null && (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1))) {
      throw new ValueError(`${op}: threshold must be null or a number in (0, 1], got ${describe(threshold)}`);
    }
    this.threshold = threshold;
  }

  /** Adds one `[batch, classes]` batch; `sampleWeight` has one weight per sample. */
  updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    if (yPred === undefined || yPred === null) {
      throw new ValueError(`${this.label}: updateState(yTrue, yPred, sampleWeight?) needs yPred`);
    }
    tidy(() => {
      const t = floatInput(yTrue, 'yTrue', this.label);
      const p = floatInput(yPred, 'yPred', this.label);
      if (t.rank !== 2 || p.rank !== 2) {
        throw new ShapeError(
          `${this.label}: expected 2-D inputs [batch, classes], got yTrue ${fmt(t.shape)} and yPred ${fmt(p.shape)}`,
        );
      }
      assertSameShape(t, p, this.label);
      const [rows, classes] = p.shape;
      this.build(classes);
      const weights =
        sampleWeight === undefined || sampleWeight === null
          ? null
          : broadcastWeights(
              floatInput(sampleWeight, 'sampleWeight', this.label).reshape([-1, 1]),
              [rows, 1],
              this.label,
            ).dataSync();
      const tv = t.dataSync();
      const pv = p.dataSync();
      const slot = (c: number) => (this.average === 'micro' ? 0 : c);
      for (let r = 0; r < rows; r++) {
        const w = weights ? weights[r] : 1;
        const base = r * classes;
        let rowMax = -Infinity;
        if (this.threshold === null) for (let c = 0; c < classes; c++) rowMax = Math.max(rowMax, pv[base + c]);
        for (let c = 0; c < classes; c++) {
          const v = pv[base + c];
          // Without a threshold the row's maximum is positive, unless it is ~0 (so [0, 0, 0] stays negative).
          const predicted =
            this.threshold === null ? (v >= rowMax && Math.abs(v) > 1e-9 ? 1 : 0) : v > this.threshold ? 1 : 0;
          const truth = tv[base + c];
          const k = slot(c);
          this.tp![k] += predicted * truth * w;
          this.fp![k] += predicted * (1 - truth) * w;
          this.fn![k] += (1 - predicted) * truth * w;
          this.support![k] += truth * w;
        }
      }
    });
  }

  result(): Tensor {
    if (!this.tp) return scalar(0);
    const b2 = this.beta * this.beta;
    const scores = Array.from(this.tp, (tp, k) => {
      const precision = tp / (tp + this.fp![k] + EPSILON);
      const recall = tp / (tp + this.fn![k] + EPSILON);
      return ((precision * recall) / (b2 * precision + recall + EPSILON)) * (1 + b2);
    });
    if (this.average === null) return tensor(scores);
    if (this.average === 'weighted') {
      const total = this.support!.reduce((a, b) => a + b, 0);
      return scalar(scores.reduce((a, s, k) => a + (s * this.support![k]) / (total + EPSILON), 0));
    }
    return scalar(scores.reduce((a, b) => a + b, 0) / scores.length);
  }

  resetState(): void {
    for (const state of [this.tp, this.fp, this.fn, this.support]) state?.fill(0);
  }

  override getConfig(): FBetaScoreConfig {
    return { ...super.getConfig(), average: this.average, beta: this.beta, threshold: this.threshold };
  }

  private build(classes: number): void {
    const size = this.average === 'micro' ? 1 : classes;
    if (this.tp && this.classes !== classes) {
      throw new ShapeError(`${this.label}: expected ${this.classes} classes as in earlier batches, got ${classes}`);
    }
    if (!this.tp) {
      this.classes = classes;
      this.tp = new Float64Array(size);
      this.fp = new Float64Array(size);
      this.fn = new Float64Array(size);
      this.support = new Float64Array(size);
    }
  }
}

/**
 * The F1 score (the F-beta score with beta 1), as Keras' `F1Score`.
 * @example
 * const m = new F1Score({ threshold: 0.5 });
 * m.updateState([[1, 1, 1], [1, 0, 0], [1, 1, 0]], [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]]);
 * m.result().arraySync(); // [0.5, 0.8, 0.6666667]
 */
export class F1Score extends FBetaScore {
  static override readonly className: string = 'F1Score';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<Omit<FBetaScoreConfig, 'beta'>> = {}) {
    if (checkMetricConfig('F1Score', config) && 'beta' in config && config.beta !== undefined) {
      throw new ValueError(
        "F1Score: unknown option 'beta' (F1Score is FBetaScore with beta 1; use FBetaScore for another beta); valid options are 'average', 'threshold', 'name', 'dtype'",
      );
    }
    super({ ...config, beta: 1 }, 'f1_score');
  }

  override getConfig(): Omit<FBetaScoreConfig, 'beta'> {
    const { beta: _beta, ...config } = super.getConfig();
    return config;
  }
}
