import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  type TopKOptions,
  topKCategoricalAccuracy,
} from './accuracy-functions.js';
import { checkMetricConfig, type MetricConfig } from './metric.js';
import { describe, integerOption } from './metric-inputs.js';
import { MeanMetricWrapper } from './reduction-metrics.js';

/**
 * How often predictions equal labels ({@link accuracy}), averaged over every batch.
 * @example
 * const m = new Accuracy();
 * m.updateState([[1], [2], [3], [4]], [[0], [2], [3], [4]]);
 * m.result().arraySync(); // 0.75
 */
export class Accuracy extends MeanMetricWrapper {
  static override readonly className: string = 'Accuracy';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(accuracy, { ...checkMetricConfig(new.target.className, config), name: config.name ?? 'accuracy' });
  }
}

/**
 * Config of {@link BinaryAccuracy}.
 * @example
 * const m = new BinaryAccuracy({ threshold: 0.7, name: 'acc_70' });
 * m.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]);
 * m.result().arraySync(); // 1: 0.6 is below 0.7, so it counts as 0
 */
export interface BinaryAccuracyConfig extends MetricConfig {
  /** In (0, 1): predictions above it count as 1. Default 0.5. */
  threshold?: number;
}

/**
 * How often `yPred > threshold` matches 0/1 labels ({@link binaryAccuracy}).
 * @example
 * const m = new BinaryAccuracy();
 * m.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]);
 * m.result().arraySync(); // 0.75
 */
export class BinaryAccuracy extends MeanMetricWrapper<{ threshold: number }> {
  static override readonly className: string = 'BinaryAccuracy';
  static override readonly configKeys: readonly string[] = ['threshold'];
  readonly threshold: number;
  constructor(config: KerasOptions<BinaryAccuracyConfig> = {}) {
    const threshold = thresholdOption(checkMetricConfig('BinaryAccuracy', config).threshold ?? 0.5);
    super(
      binaryAccuracy,
      { ...checkMetricConfig(new.target.className, config), name: config.name ?? 'binary_accuracy' },
      { threshold },
    );
    this.threshold = threshold;
  }
  override getConfig(): BinaryAccuracyConfig {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

// Keras refuses thresholds outside the open interval (0, 1) for the class (not for the function).
function thresholdOption(value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new ValueError(`BinaryAccuracy: threshold must be a number in (0, 1), got ${describe(value)}`);
  }
  return value;
}

/**
 * How often the arg-max of one-hot labels matches the arg-max of the predictions ({@link categoricalAccuracy}).
 * @example
 * const m = new CategoricalAccuracy();
 * m.updateState([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], [0.7, 0.3]);
 * m.result().arraySync(); // 0.3
 */
export class CategoricalAccuracy extends MeanMetricWrapper {
  static override readonly className: string = 'CategoricalAccuracy';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(categoricalAccuracy, {
      ...checkMetricConfig(new.target.className, config),
      name: config.name ?? 'categorical_accuracy',
    });
  }
}

/**
 * How often integer labels match the arg-max of the predictions ({@link sparseCategoricalAccuracy}).
 * @example
 * const m = new SparseCategoricalAccuracy();
 * m.updateState([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]);
 * m.result().arraySync(); // 0.5
 */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  static override readonly className: string = 'SparseCategoricalAccuracy';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<MetricConfig> = {}) {
    super(sparseCategoricalAccuracy, {
      ...checkMetricConfig(new.target.className, config),
      name: config.name ?? 'sparse_categorical_accuracy',
    });
  }
}

/**
 * Config of {@link TopKCategoricalAccuracy} and {@link SparseTopKCategoricalAccuracy}.
 * @example
 * const m = new SparseTopKCategoricalAccuracy({ k: 2, name: 'top2' });
 * m.updateState([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
 * m.result().arraySync(); // 1
 */
export interface TopKConfig extends MetricConfig, TopKOptions {}

/**
 * How often the one-hot label is among the `k` highest predictions ({@link topKCategoricalAccuracy}).
 * @example
 * const m = new TopKCategoricalAccuracy({ k: 1 });
 * m.updateState([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
 * m.result().arraySync(); // 0.5
 */
export class TopKCategoricalAccuracy extends MeanMetricWrapper<TopKOptions> {
  static override readonly className: string = 'TopKCategoricalAccuracy';
  static override readonly configKeys: readonly string[] = ['k'];
  readonly k: number;
  constructor(config: KerasOptions<TopKConfig> = {}) {
    const k = integerOption(
      checkMetricConfig('TopKCategoricalAccuracy', config).k ?? 5,
      'k',
      'TopKCategoricalAccuracy',
      1,
    );
    super(
      topKCategoricalAccuracy,
      { ...checkMetricConfig(new.target.className, config), name: config.name ?? 'top_k_categorical_accuracy' },
      { k },
    );
    this.k = k;
  }
  override getConfig(): TopKConfig {
    return { ...super.getConfig(), k: this.k };
  }
}

/**
 * How often the integer label is among the `k` highest predictions ({@link sparseTopKCategoricalAccuracy}).
 * @example
 * const m = new SparseTopKCategoricalAccuracy({ k: 1 });
 * m.updateState([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
 * m.result().arraySync(); // 0.5
 */
export class SparseTopKCategoricalAccuracy extends MeanMetricWrapper<TopKOptions> {
  static override readonly className: string = 'SparseTopKCategoricalAccuracy';
  static override readonly configKeys: readonly string[] = ['k'];
  readonly k: number;
  constructor(config: KerasOptions<TopKConfig> = {}) {
    const k = integerOption(
      checkMetricConfig('SparseTopKCategoricalAccuracy', config).k ?? 5,
      'k',
      'SparseTopKCategoricalAccuracy',
      1,
    );
    super(
      sparseTopKCategoricalAccuracy,
      { ...checkMetricConfig(new.target.className, config), name: config.name ?? 'sparse_top_k_categorical_accuracy' },
      { k },
    );
    this.k = k;
  }
  override getConfig(): TopKConfig {
    return { ...super.getConfig(), k: this.k };
  }
}
