import { ValueError } from '@horn/tensor';
import {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './accuracy-functions.js';
import {
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
} from './accuracy-metrics.js';
import { AUC } from './auc.js';
import { Precision, Recall } from './confusion-metrics.js';
import { F1Score, FBetaScore } from './f-score.js';
import { Metric, type MetricConfig } from './metric.js';
import { describe } from './metric-inputs.js';
import { Mean, MeanMetricWrapper, type MetricFunction, Sum } from './reduction-metrics.js';
import { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError } from './regression-functions.js';
import {
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  R2Score,
  RootMeanSquaredError,
} from './regression-metrics.js';

/**
 * A metric class that `getMetric` can build from a config.
 * @example
 * const cls: MetricClass = AUC;
 * cls.className; // 'AUC'
 * new cls({ name: 'auc_1' }).name; // 'auc_1'
 */
export interface MetricClass {
  readonly className: string;
  new (config?: MetricConfig): Metric;
}

/**
 * What {@link getMetric} resolves: a string id, a Metric, a per-sample function, or `{ className, config }`.
 * @example
 * getMetric('mae').name; // 'mean_absolute_error'
 * getMetric(meanAbsoluteError).name; // 'mean_absolute_error': this package's function gives its class
 * getMetric({ className: 'AUC', config: { numThresholds: 50 } }).className; // 'AUC'
 */
export type MetricIdentifier = string | Metric | MetricFunction | { className: string; config?: object };

interface Entry {
  ids: readonly string[];
  cls: MetricClass;
  fn?: (...args: never[]) => unknown;
}

// Each class with its ids: Keras' snake_case names, their camelCase forms, and Keras' aliases.
const ENTRIES: readonly Entry[] = [
  { ids: ['accuracy', 'acc'], cls: Accuracy, fn: accuracy },
  { ids: ['binary_accuracy', 'binaryAccuracy'], cls: BinaryAccuracy, fn: binaryAccuracy },
  { ids: ['categorical_accuracy', 'categoricalAccuracy'], cls: CategoricalAccuracy, fn: categoricalAccuracy },
  {
    ids: ['sparse_categorical_accuracy', 'sparseCategoricalAccuracy'],
    cls: SparseCategoricalAccuracy,
    fn: sparseCategoricalAccuracy,
  },
  {
    ids: ['top_k_categorical_accuracy', 'topKCategoricalAccuracy'],
    cls: TopKCategoricalAccuracy,
    fn: topKCategoricalAccuracy,
  },
  {
    ids: ['sparse_top_k_categorical_accuracy', 'sparseTopKCategoricalAccuracy'],
    cls: SparseTopKCategoricalAccuracy,
    fn: sparseTopKCategoricalAccuracy,
  },
  { ids: ['precision'], cls: Precision },
  { ids: ['recall'], cls: Recall },
  { ids: ['auc'], cls: AUC },
  { ids: ['f1_score', 'f1Score'], cls: F1Score },
  { ids: ['fbeta_score', 'fbetaScore'], cls: FBetaScore },
  { ids: ['mean'], cls: Mean },
  { ids: ['sum'], cls: Sum },
  { ids: ['mean_squared_error', 'meanSquaredError', 'mse'], cls: MeanSquaredError, fn: meanSquaredError },
  { ids: ['root_mean_squared_error', 'rootMeanSquaredError', 'rmse'], cls: RootMeanSquaredError },
  { ids: ['mean_absolute_error', 'meanAbsoluteError', 'mae'], cls: MeanAbsoluteError, fn: meanAbsoluteError },
  {
    ids: ['mean_absolute_percentage_error', 'meanAbsolutePercentageError', 'mape'],
    cls: MeanAbsolutePercentageError,
    fn: meanAbsolutePercentageError,
  },
  { ids: ['r2_score', 'r2Score'], cls: R2Score },
];

// Ids compare without case and underscores: 'top_k_categorical_accuracy', 'topKCategoricalAccuracy'
// and 'TopKCategoricalAccuracy' all resolve.
const key = (id: string) => id.replace(/_/g, '').toLowerCase();
const BY_ID = new Map<string, Entry>();
for (const entry of ENTRIES) {
  for (const id of [...entry.ids, entry.cls.className]) BY_ID.set(key(id), entry);
}

/**
 * Every string id {@link getMetric} accepts (snake_case and camelCase; class names work too).
 * @example metricIds().includes('sparse_categorical_accuracy') // true
 */
export function metricIds(): string[] {
  return ENTRIES.flatMap((e) => e.ids);
}

/**
 * Resolves a metric identifier to a fresh {@link Metric}: a string id (`'accuracy'`, `'acc'`, `'mse'`,
 * `'auc'`, `'sparse_categorical_accuracy'`, `'F1Score'`, ...) built with `config`, a Metric (returned as
 * is), one of this package's per-sample functions (its class), any other per-sample function (wrapped in
 * a {@link MeanMetricWrapper}), or `{ className, config }`. `'accuracy'` gives the plain {@link Accuracy};
 * to pick the accuracy that fits a loss as Keras' `compile` does, use {@link resolveAccuracy}.
 * @example getMetric('auc', { name: 'roc_auc' }).name // 'roc_auc'
 */
export function getMetric(identifier: MetricIdentifier, config: MetricConfig & Record<string, unknown> = {}): Metric {
  if (identifier instanceof Metric) return identifier;
  if (typeof identifier === 'string') return new (lookup(identifier).cls)(config);
  if (typeof identifier === 'function') {
    const entry = ENTRIES.find((e) => e.fn === identifier);
    return entry ? new entry.cls(config) : new MeanMetricWrapper(identifier, config);
  }
  if (typeof identifier === 'object' && identifier !== null && typeof identifier.className === 'string') {
    return new (lookup(identifier.className).cls)({ ...(identifier.config ?? {}), ...config });
  }
  throw new ValueError(
    `getMetric: expected a string id, a Metric, a metric function or { className, config }, got ${describe(identifier)}`,
  );
}

function lookup(id: string): Entry {
  const entry = BY_ID.get(key(id));
  if (!entry) throw new ValueError(`getMetric: unknown metric '${id}'; valid ids are ${metricIds().join(', ')}`);
  return entry;
}

/**
 * A loss as {@link resolveAccuracy} reads it: its id, or anything with a `className` or `name` (a Loss, a function).
 * @example
 * resolveAccuracy('binary_crossentropy').className; // 'BinaryAccuracy'
 * resolveAccuracy({ className: 'CategoricalCrossentropy' }).className; // 'CategoricalAccuracy'
 */
export type LossReference = string | { readonly className?: string; readonly name?: string } | null | undefined;

/**
 * Options of {@link resolveAccuracy}.
 * @example
 * const m = resolveAccuracy('mse', { name: 'acc', yTrueShape: [null, 1], yPredShape: [null, 10] });
 * m.className; // 'SparseCategoricalAccuracy': labels of last dimension 1, predictions of 10
 * m.name; // 'acc'
 */
export interface ResolveAccuracyOptions {
  /** The metric's name (Keras uses the string the user wrote: `'accuracy'` or `'acc'`). Default `'accuracy'`. */
  name?: string;
  /** Labels' shape, used when the loss does not decide (Keras 3's rule). */
  yTrueShape?: readonly (number | null)[];
  /** Predictions' shape, used when the loss does not decide. */
  yPredShape?: readonly (number | null)[];
}

const BINARY_LOSSES = ['binarycrossentropy', 'bce', 'binaryfocalcrossentropy', 'hinge', 'squaredhinge'];
const SPARSE_LOSSES = ['sparsecategoricalcrossentropy'];
const CATEGORICAL_LOSSES = ['categoricalcrossentropy', 'categoricalfocalcrossentropy', 'categoricalhinge'];

/**
 * The accuracy metric that `'accuracy'` means for a loss, for `compile`: binary crossentropy (and the
 * binary focal and hinge losses) give {@link BinaryAccuracy}, sparse categorical crossentropy gives
 * {@link SparseCategoricalAccuracy}, categorical crossentropy gives {@link CategoricalAccuracy}. For
 * other losses the shapes decide as in Keras 3 (predictions with last dimension 1: binary; labels of
 * lower rank or last dimension 1: sparse; else categorical); without shapes, categorical.
 * @example resolveAccuracy('sparse_categorical_crossentropy').className // 'SparseCategoricalAccuracy'
 */
export function resolveAccuracy(loss: LossReference, options: ResolveAccuracyOptions = {}): Metric {
  const config = { name: options.name ?? 'accuracy' };
  const id = typeof loss === 'string' ? loss : (loss?.className ?? loss?.name ?? '');
  const lossKey = key(id);
  if (BINARY_LOSSES.includes(lossKey)) return new BinaryAccuracy(config);
  if (SPARSE_LOSSES.includes(lossKey)) return new SparseCategoricalAccuracy(config);
  if (CATEGORICAL_LOSSES.includes(lossKey)) return new CategoricalAccuracy(config);
  const { yTrueShape, yPredShape } = options;
  if (yTrueShape && yPredShape && yPredShape.length > 0) {
    const predLast = yPredShape[yPredShape.length - 1];
    const trueLast = yTrueShape[yTrueShape.length - 1];
    if (predLast === 1) return new BinaryAccuracy(config);
    if (yTrueShape.length < yPredShape.length || (trueLast === 1 && predLast !== 1)) {
      return new SparseCategoricalAccuracy(config);
    }
  }
  return new CategoricalAccuracy(config);
}
