import type { Tensor, TensorLike } from '@horn/tensor';
import { AUC, type AUCConfig } from './auc.js';
import { Precision, type PrecisionRecallConfig, Recall } from './confusion-metrics.js';
import { F1Score, type FBetaScoreConfig } from './f-score.js';
import { Mean } from './reduction-metrics.js';
import { R2Score, type R2ScoreConfig, RootMeanSquaredError } from './regression-metrics.js';

/**
 * {@link Precision} of one batch: a scalar (one value per threshold with several).
 * @example precision([0, 1, 1, 1], [1, 0, 1, 1]).arraySync() // 0.6666667
 */
export function precision(yTrue: TensorLike, yPred: TensorLike, config: PrecisionRecallConfig = {}): Tensor {
  const m = new Precision(config);
  m.updateState(yTrue, yPred);
  return m.result();
}

/**
 * {@link Recall} of one batch.
 * @example recall([0, 1, 1, 1], [1, 0, 1, 1]).arraySync() // 0.6666667
 */
export function recall(yTrue: TensorLike, yPred: TensorLike, config: PrecisionRecallConfig = {}): Tensor {
  const m = new Recall(config);
  m.updateState(yTrue, yPred);
  return m.result();
}

/**
 * {@link AUC} of one batch (Keras' threshold approximation).
 * @example auc([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]).arraySync() // 0.75
 */
export function auc(yTrue: TensorLike, yPred: TensorLike, config: AUCConfig = {}): Tensor {
  const m = new AUC(config);
  m.updateState(yTrue, yPred);
  return m.result();
}

/**
 * {@link F1Score} of one `[batch, classes]` batch.
 * @example f1Score([[1, 0], [0, 1]], [[0.9, 0.1], [0.6, 0.4]], { average: 'micro' }).arraySync() // 0.5
 */
export function f1Score(yTrue: TensorLike, yPred: TensorLike, config: Omit<FBetaScoreConfig, 'beta'> = {}): Tensor {
  const m = new F1Score(config);
  m.updateState(yTrue, yPred);
  return m.result();
}

/**
 * {@link R2Score} of one batch.
 * @example r2Score([[1], [4], [3]], [[2], [4], [4]]).arraySync() // 0.5714286
 */
export function r2Score(yTrue: TensorLike, yPred: TensorLike, config: R2ScoreConfig = {}): Tensor {
  const m = new R2Score(config);
  m.updateState(yTrue, yPred);
  return m.result();
}

/**
 * {@link RootMeanSquaredError} of one batch: a scalar.
 * @example rootMeanSquaredError([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // 0.5
 */
export function rootMeanSquaredError(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null): Tensor {
  const m = new RootMeanSquaredError();
  m.updateState(yTrue, yPred, sampleWeight);
  return m.result();
}

/**
 * The (weighted) {@link Mean} of values, each sample counting once.
 * @example mean([1, 3, 5, 7], [1, 1, 0, 0]).arraySync() // 2
 */
export function mean(values: TensorLike, sampleWeight?: TensorLike | null): Tensor {
  const m = new Mean();
  m.updateState(values, sampleWeight);
  return m.result();
}
