import type { KerasOptions } from '@horn/tensor';
import { scalar, type Tensor, type TensorLike, tensor, ValueError } from '@horn/tensor';
import {
  accumulateConfusion,
  type ConfusionCounts,
  confusionInputs,
  NEG_INF,
  parseThresholds,
  zeroCounts,
} from './confusion-counts.js';
import { Metric, type MetricConfig } from './metric.js';
import { integerOption } from './metric-inputs.js';

/**
 * Config of {@link Precision} and {@link Recall}.
 * @example
 * const p = new Precision({ thresholds: [0.3, 0.6] });
 * p.updateState([0, 1, 1, 1], [1, 0, 1, 0.5]);
 * p.result().arraySync(); // [0.6667, 0.5]: one precision per threshold (as Keras)
 * const r = new Recall({ topK: 1, classId: 1 });
 * r.updateState([[0, 1, 0], [0, 1, 0]], [[0.1, 0.7, 0.2], [0.6, 0.3, 0.1]]);
 * r.result().arraySync(); // 0.5
 */
export interface PrecisionRecallConfig extends MetricConfig {
  /** One threshold or several in `[0, 1]` (one result each); predictions above count as positive. Default 0.5. */
  thresholds?: number | number[] | null;
  /** Count only the k highest predictions of each sample as positive. */
  topK?: number | null;
  /** Measure only this class (an index on the last axis). */
  classId?: number | null;
}

/** What Precision and Recall share: thresholds, topK, classId and the confusion counts. */
abstract class ThresholdedConfusionMetric extends Metric {
  static override readonly configKeys: readonly string[] = ['thresholds', 'topK', 'classId'];
  /** The thresholds used (with `topK` and no thresholds: Keras' -1e10, every top-k prediction counts). */
  readonly thresholds: readonly number[];
  readonly topK: number | null;
  readonly classId: number | null;
  protected counts: ConfusionCounts;
  private readonly initThresholds: number | number[] | null;

  constructor(config: KerasOptions<PrecisionRecallConfig>, defaultName: string) {
    super(config, defaultName);
    config = this.options as PrecisionRecallConfig;
    const op = (new.target as typeof Metric).className;
    this.topK = config.topK === undefined || config.topK === null ? null : integerOption(config.topK, 'topK', op, 1);
    this.classId =
      config.classId === undefined || config.classId === null ? null : integerOption(config.classId, 'classId', op, 0);
    this.initThresholds = config.thresholds ?? null;
    this.thresholds = parseThresholds(config.thresholds, this.topK === null ? 0.5 : NEG_INF, op);
    this.counts = zeroCounts(this.thresholds.length);
  }

  /** Adds one batch: labels are positive where non-zero; `sampleWeight` is per sample or per value. */
  updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    if (yPred === undefined || yPred === null) {
      throw new ValueError(`${this.label}: updateState(yTrue, yPred, sampleWeight?) needs yPred`);
    }
    const inputs = confusionInputs(yTrue, yPred, sampleWeight, this, this.label);
    accumulateConfusion(this.counts, inputs, this.thresholds);
  }

  resetState(): void {
    this.counts = zeroCounts(this.thresholds.length);
  }

  override getConfig(): PrecisionRecallConfig {
    return { ...super.getConfig(), thresholds: this.initThresholds, topK: this.topK, classId: this.classId };
  }

  /** `numerator / (numerator + other)` per threshold, 0 where both are 0: a scalar for one threshold. */
  protected ratio(numerator: Float64Array, other: Float64Array): Tensor {
    const values = Array.from(numerator, (n, j) => (n + other[j] === 0 ? 0 : n / (n + other[j])));
    return values.length === 1 ? scalar(values[0]) : tensor(values);
  }
}

/**
 * The fraction of predicted positives that are positive: `tp / (tp + fp)`, over every batch.
 * @example
 * const m = new Precision();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result().arraySync(); // 0.6666667
 */
export class Precision extends ThresholdedConfusionMetric {
  static override readonly className: string = 'Precision';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<PrecisionRecallConfig> = {}) {
    super(config, 'precision');
  }
  result(): Tensor {
    return this.ratio(this.counts.tp, this.counts.fp);
  }
}

/**
 * The fraction of positives predicted positive: `tp / (tp + fn)`, over every batch.
 * @example
 * const m = new Recall();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result().arraySync(); // 0.6666667
 */
export class Recall extends ThresholdedConfusionMetric {
  static override readonly className: string = 'Recall';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<PrecisionRecallConfig> = {}) {
    super(config, 'recall');
  }
  result(): Tensor {
    return this.ratio(this.counts.tp, this.counts.fn);
  }
}
