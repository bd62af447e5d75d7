import type { KerasOptions } from '@horn/tensor';
import { fmt, ShapeError, scalar, type Tensor, type TensorLike, ValueError } from '@horn/tensor';
import { type ConfusionCounts, type ConfusionInputs, confusionInputs, zeroCounts } from './confusion-counts.js';
import { Metric, type MetricConfig } from './metric.js';
import { booleanOption, describe, EPSILON, integerOption } from './metric-inputs.js';

/**
 * Config of {@link AUC}.
 * @example
 * const m = new AUC({ numThresholds: 3, curve: 'ROC', summationMethod: 'interpolation' });
 * m.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
 * m.result().arraySync(); // 0.75 (Keras: 0.75)
 * const pr = new AUC({ curve: 'PR', thresholds: [0.25, 0.5, 0.75] }); // 0.8873 on the same data
 */
export interface AUCConfig extends MetricConfig {
  /** How many thresholds discretize the curve (> 1). Default 200. */
  numThresholds?: number;
  /** `'ROC'` (default) or `'PR'` (precision-recall); lowercase accepted. */
  curve?: 'ROC' | 'PR' | 'roc' | 'pr';
  /** `'interpolation'` (default), `'minoring'` or `'majoring'`. */
  summationMethod?: 'interpolation' | 'minoring' | 'majoring';
  /** Explicit thresholds in `[0, 1]` instead of `numThresholds` evenly spaced ones. */
  thresholds?: number[] | null;
  /** One AUC per label column of `[batch, labels]` inputs, then averaged. Default false (all values pooled). */
  multiLabel?: boolean;
  /** The number of label columns with `multiLabel` (otherwise taken from the first batch). */
  numLabels?: number | null;
  /** Weights of the labels: in the average with `multiLabel`, else weights of each label's values. */
  labelWeights?: number[] | null;
  /** Predictions are logits; a sigmoid is applied first. Default false. */
  fromLogits?: boolean;
}

const SUMMATIONS: Readonly<Record<string, 'interpolation' | 'minoring' | 'majoring'>> = {
  interpolation: 'interpolation',
  Interpolation: 'interpolation',
  minoring: 'minoring',
  Minoring: 'minoring',
  majoring: 'majoring',
  Majoring: 'majoring',
};

const divNoNan = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * The area under the ROC or precision-recall curve, approximated over thresholds exactly as Keras'
 * `AUC`: confusion counts at `numThresholds` thresholds (`-1e-7`, evenly spaced in (0, 1), `1 + 1e-7`),
 * then a Riemann sum (ROC: the trapezoidal rule) or, for PR with `'interpolation'`, Davis & Goadrich's
 * interpolation.
 * @example
 * const m = new AUC({ numThresholds: 3 });
 * m.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
 * m.result().arraySync(); // 0.75
 */
export class AUC extends Metric {
  static override readonly className: string = 'AUC';
  static override readonly configKeys: readonly string[] = [
    'numThresholds',
    'curve',
    'summationMethod',
    'thresholds',
    'multiLabel',
    'numLabels',
    'labelWeights',
    'fromLogits',
  ];
  readonly numThresholds: number;
  readonly curve: 'ROC' | 'PR';
  readonly summationMethod: 'interpolation' | 'minoring' | 'majoring';
  readonly multiLabel: boolean;
  readonly numLabels: number | null;
  readonly labelWeights: readonly number[] | null;
  readonly fromLogits: boolean;
  private readonly cuts: Float32Array;
  private readonly evenlySpaced: boolean;
  private readonly initThresholds: number[] | null;
  private labels: number;
  private counts: ConfusionCounts;

  constructor(config: KerasOptions<AUCConfig> = {}) {
    super(config, 'auc');
    config = this.options as AUCConfig;
    let inner: number[];
    if (config.thresholds !== undefined && config.thresholds !== null) {
      const given = config.thresholds;
      if (!Array.isArray(given) || given.some((t) => typeof t !== 'number' || !(t >= 0 && t <= 1))) {
        throw new ValueError(`AUC: thresholds must be a list of numbers in [0, 1], got ${describe(given)}`);
      }
      inner = [...given].sort((a, b) => a - b);
      this.initThresholds = inner;
      this.numThresholds = inner.length + 2;
      this.evenlySpaced = evenlySpaced([0, ...inner, 1]);
    } else {
      const n = config.numThresholds ?? 200;
      if (typeof n !== 'number' || !Number.isInteger(n) || n <= 1) {
        throw new ValueError(`AUC: numThresholds must be an integer > 1, got ${describe(n)}`);
      }
      inner = Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1));
      this.initThresholds = null;
      this.numThresholds = n;
      this.evenlySpaced = true;
    }
    // Endpoints just outside [0, 1], so predictions of exactly 0 or 1 fall inside the curve.
    this.cuts = Float32Array.from([0 - EPSILON, ...inner, 1 + EPSILON]);
    const curve = config.curve ?? 'ROC';
    if (curve !== 'ROC' && curve !== 'PR' && curve !== 'roc' && curve !== 'pr') {
      throw new ValueError(`AUC: curve must be 'ROC' or 'PR', got ${describe(curve)}`);
    }
    this.curve = curve.toUpperCase() as 'ROC' | 'PR';
    const summation = config.summationMethod ?? 'interpolation';
    if (typeof summation !== 'string' || !Object.hasOwn(SUMMATIONS, summation)) {
      throw new ValueError(
        `AUC: summationMethod must be 'interpolation', 'minoring' or 'majoring', got ${describe(summation)}`,
      );
    }
    this.summationMethod = SUMMATIONS[summation];
    this.multiLabel = booleanOption(config.multiLabel ?? false, 'multiLabel', 'AUC');
    this.fromLogits = booleanOption(config.fromLogits ?? false, 'fromLogits', 'AUC');
    const numLabels = config.numLabels ?? null;
    if (numLabels !== null && !this.multiLabel)
      throw new ValueError('AUC: numLabels is needed only when multiLabel is true');
    this.numLabels = numLabels === null ? null : integerOption(numLabels, 'numLabels', 'AUC', 1);
    const weights = config.labelWeights ?? null;
    if (weights !== null && (!Array.isArray(weights) || weights.some((w) => typeof w !== 'number' || !(w >= 0)))) {
      throw new ValueError(`AUC: labelWeights must be a list of non-negative numbers, got ${describe(weights)}`);
    }
    this.labelWeights = weights === null ? null : [...weights];
    this.labels = this.multiLabel ? (this.numLabels ?? 0) : 1;
    this.counts = zeroCounts(this.numThresholds * this.labels);
  }

  /** The thresholds used, endpoints included (Keras' `thresholds` property). */
  get thresholds(): number[] {
    return Array.from(this.cuts);
  }

  /** Adds one batch: labels are positive where non-zero; `sampleWeight` is per sample or per value. */
  updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    if (yPred === undefined || yPred === null) {
      throw new ValueError(`${this.label}: updateState(yTrue, yPred, sampleWeight?) needs yPred`);
    }
    const inputs = confusionInputs(yTrue, yPred, sampleWeight, {}, this.label);
    if (this.fromLogits) inputs.preds = inputs.preds.map((x) => 1 / (1 + Math.exp(-x)));
    const columns = this.multiLabel ? this.checkLabels(inputs.shape) : 1;
    const weights = this.multiLabel ? inputs.weights : this.withLabelWeights(inputs);
    for (let label = 0; label < columns; label++) this.accumulate(inputs, weights, label, columns);
  }

  result(): Tensor {
    if (this.labels === 0) return scalar(0);
    const T = this.numThresholds;
    const areas = Array.from({ length: this.labels }, (_, l) => {
      const at = (a: Float64Array, j: number) => a[j * this.labels + l];
      const { tp, fp, tn, fn } = this.counts;
      let area = 0;
      for (let j = 0; j < T - 1; j++) {
        if (this.curve === 'PR' && this.summationMethod === 'interpolation') {
          area += prInterpolationTerm(at(tp, j), at(fp, j), at(tp, j + 1), at(fp, j + 1), at(fn, j + 1));
          continue;
        }
        const point = (k: number): [number, number] => {
          const recall = divNoNan(at(tp, k), at(tp, k) + at(fn, k));
          if (this.curve === 'ROC') return [divNoNan(at(fp, k), at(fp, k) + at(tn, k)), recall];
          return [recall, divNoNan(at(tp, k), at(tp, k) + at(fp, k))];
        };
        const [x0, y0] = point(j);
        const [x1, y1] = point(j + 1);
        const height =
          this.summationMethod === 'interpolation'
            ? (y0 + y1) / 2
            : this.summationMethod === 'minoring'
              ? Math.min(y0, y1)
              : Math.max(y0, y1);
        area += (x0 - x1) * height;
      }
      return area;
    });
    if (!this.multiLabel) return scalar(areas[0]);
    if (!this.labelWeights) return scalar(areas.reduce((a, b) => a + b, 0) / areas.length);
    const w = this.labelWeights;
    return scalar(
      divNoNan(
        areas.reduce((a, s, l) => a + s * (w[l] ?? 0), 0),
        w.reduce((a, b) => a + b, 0),
      ),
    );
  }

  resetState(): void {
    this.counts = zeroCounts(this.numThresholds * this.labels);
  }

  override getConfig(): AUCConfig {
    const config: AUCConfig = {
      ...super.getConfig(),
      numThresholds: this.numThresholds,
      curve: this.curve,
      summationMethod: this.summationMethod,
      multiLabel: this.multiLabel,
      numLabels: this.numLabels,
      labelWeights: this.labelWeights ? [...this.labelWeights] : null,
      fromLogits: this.fromLogits,
    };
    if (this.initThresholds) config.thresholds = [...this.initThresholds];
    return config;
  }

  private checkLabels(shape: readonly number[]): number {
    if (shape.length !== 2)
      throw new ShapeError(`${this.label}: with multiLabel, yPred must be 2-D [batch, labels], got ${fmt(shape)}`);
    if (this.labels === 0) {
      this.labels = shape[1];
      this.counts = zeroCounts(this.numThresholds * this.labels);
    }
    if (shape[1] !== this.labels) {
      throw new ShapeError(
        `${this.label}: expected ${this.labels} labels (yPred [batch, ${this.labels}]), got ${fmt(shape)}`,
      );
    }
    return this.labels;
  }

  // Without multiLabel, labelWeights weight each label column's values before they are pooled.
  private withLabelWeights(inputs: ConfusionInputs): Float32Array | null {
    if (!this.labelWeights) return inputs.weights;
    const last = inputs.shape.at(-1) ?? 1;
    const w = this.labelWeights;
    if (w.length !== last && w.length !== 1) {
      throw new ShapeError(`${this.label}: ${w.length} labelWeights for predictions of shape ${fmt(inputs.shape)}`);
    }
    return Float32Array.from(
      inputs.preds,
      (_, i) => (inputs.weights ? inputs.weights[i] : 1) * w[w.length === 1 ? 0 : i % last],
    );
  }

  // A prediction counts as positive at thresholds 0..bucket. Keras' evenly spaced path finds the bucket as
  // ceil(p * (T - 1)) - 1 of p clipped to [0, 1] (at least 0: the first threshold is below 0); other
  // thresholds compare p > t. Then a reverse cumulative sum turns buckets into counts.
  private accumulate(inputs: ConfusionInputs, weights: Float32Array | null, label: number, columns: number): void {
    const T = this.numThresholds;
    const tpBucket = new Float64Array(T);
    const fpBucket = new Float64Array(T);
    let totalTrue = 0;
    let totalFalse = 0;
    for (let i = label; i < inputs.preds.length; i += columns) {
      const w = weights ? weights[i] : 1;
      const positive = inputs.labels[i] === 1;
      if (positive) totalTrue += w;
      else totalFalse += w;
      const bucket = this.bucketOf(inputs.preds[i]);
      if (bucket < 0) continue;
      if (positive) tpBucket[bucket] += w;
      else fpBucket[bucket] += w;
    }
    const { tp, fp, tn, fn } = this.counts;
    let tpRun = 0;
    let fpRun = 0;
    for (let j = T - 1; j >= 0; j--) {
      tpRun += tpBucket[j];
      fpRun += fpBucket[j];
      const k = j * this.labels + label;
      tp[k] += tpRun;
      fp[k] += fpRun;
      fn[k] += totalTrue - tpRun;
      tn[k] += totalFalse - fpRun;
    }
  }

  private bucketOf(p: number): number {
    if (Number.isNaN(p)) return -1; // above no threshold
    if (this.evenlySpaced) {
      return Math.max(Math.ceil(Math.fround(Math.min(Math.max(p, 0), 1) * (this.numThresholds - 1))) - 1, 0);
    }
    let above = 0;
    while (above < this.numThresholds && p > this.cuts[above]) above++;
    return above - 1;
  }
}

// NumPy's allclose(thresholds, arange(n) / (n - 1), atol=1e-7), as Keras' is_evenly_distributed_thresholds.
function evenlySpaced(thresholds: readonly number[]): boolean {
  const n = thresholds.length;
  if (n < 3) return false;
  return thresholds.every((t, i) => {
    const even = Math.fround(i / (n - 1));
    return Math.abs(t - even) <= EPSILON + 1e-5 * Math.abs(even);
  });
}

// One interval of Keras' interpolate_pr_auc (Davis & Goadrich 2006): precision interpolated through
// the true and false positive counts between thresholds j (A) and j + 1 (B).
function prInterpolationTerm(tpA: number, fpA: number, tpB: number, fpB: number, fnB: number): number {
  const dtp = tpA - tpB;
  const pA = tpA + fpA;
  const pB = tpB + fpB;
  const slope = divNoNan(dtp, Math.max(pA - pB, 0));
  const intercept = tpB - slope * pB;
  const ratio = pA > 0 && pB > 0 ? divNoNan(pA, Math.max(pB, 0)) : 1;
  return divNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tpB + fnB, 0));
}
