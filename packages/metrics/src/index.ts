export {
  accuracy,
  type BinaryAccuracyOptions,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  type TopKOptions,
  topKCategoricalAccuracy,
} from './accuracy-functions.js';
export {
  Accuracy,
  BinaryAccuracy,
  type BinaryAccuracyConfig,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
  type TopKConfig,
} from './accuracy-metrics.js';
export { AUC, type AUCConfig } from './auc.js';
export { type ConfusionMatrixOptions, confusionMatrix } from './confusion-matrix.js';
export { Precision, type PrecisionRecallConfig, Recall } from './confusion-metrics.js';
export { F1Score, FBetaScore, type FBetaScoreConfig, type FScoreAverage } from './f-score.js';
export {
  getMetric,
  type LossReference,
  type MetricClass,
  type MetricIdentifier,
  metricIds,
  type ResolveAccuracyOptions,
  resolveAccuracy,
} from './get-metric.js';
export { Metric, type MetricConfig } from './metric.js';
export { EPSILON } from './metric-inputs.js';
export { auc, f1Score, mean, precision, r2Score, recall, rootMeanSquaredError } from './one-shot.js';
export { Mean, MeanMetricWrapper, type MetricFunction, Sum } from './reduction-metrics.js';
export { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError } from './regression-functions.js';
export {
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  type R2ClassAggregation,
  R2Score,
  type R2ScoreConfig,
  RootMeanSquaredError,
} from './regression-metrics.js';
