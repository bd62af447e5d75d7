import type { KerasOptions, Tensor, TensorLike } from '@horn/tensor';
import { Loss, type LossConfig } from './loss.js';
import { integerOption, numberOption } from './loss-inputs.js';
import {
  cosineSimilarity,
  huber,
  logCosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogarithmicError,
} from './regression-losses.js';

/**
 * {@link meanSquaredError} as a class.
 * @example new MeanSquaredError().apply([[0, 1], [0, 0]], [[1, 1], [1, 0]]).arraySync() // 0.5
 */
export class MeanSquaredError extends Loss {
  static override readonly className: string = 'MeanSquaredError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'mean_squared_error');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return meanSquaredError(yTrue, yPred);
  }
}

/**
 * {@link meanAbsoluteError} as a class.
 * @example new MeanAbsoluteError().apply([[0, 1], [0, 0]], [[1, 1], [1, 0]]).arraySync() // 0.5
 */
export class MeanAbsoluteError extends Loss {
  static override readonly className: string = 'MeanAbsoluteError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'mean_absolute_error');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return meanAbsoluteError(yTrue, yPred);
  }
}

/**
 * {@link meanAbsolutePercentageError} as a class.
 * @example new MeanAbsolutePercentageError().apply([[2, 4]], [[1, 5]]).arraySync() // 37.5
 */
export class MeanAbsolutePercentageError extends Loss {
  static override readonly className: string = 'MeanAbsolutePercentageError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'mean_absolute_percentage_error');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return meanAbsolutePercentageError(yTrue, yPred);
  }
}

/**
 * {@link meanSquaredLogarithmicError} as a class.
 * @example new MeanSquaredLogarithmicError().apply([[0, 1]], [[1, 1]]).arraySync() // 0.2402265
 */
export class MeanSquaredLogarithmicError extends Loss {
  static override readonly className: string = 'MeanSquaredLogarithmicError';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'mean_squared_logarithmic_error');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return meanSquaredLogarithmicError(yTrue, yPred);
  }
}

/**
 * Config of {@link Huber}.
 * @example
 * new Huber({ delta: 0.5 }).apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync(); // 0.1513
 */
export interface HuberConfig extends LossConfig {
  /** Where the loss turns from quadratic to linear. Default 1. */
  delta?: number;
}

/**
 * {@link huber} as a class (Keras' default name `'huber_loss'`).
 * @example new Huber().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // 0.155
 */
export class Huber extends Loss {
  static override readonly className: string = 'Huber';
  static override readonly configKeys: readonly string[] = ['delta'];
  readonly delta: number;
  constructor(config: KerasOptions<HuberConfig> = {}) {
    super(config, 'huber_loss');
    config = this.options as HuberConfig;
    this.delta = numberOption(config.delta ?? 1, 'delta', 'Huber', 0);
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return huber(yTrue, yPred, { delta: this.delta });
  }
  override getConfig(): HuberConfig {
    return { ...super.getConfig(), delta: this.delta };
  }
}

/**
 * {@link logCosh} as a class.
 * @example new LogCosh().apply([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // 0.1084452
 */
export class LogCosh extends Loss {
  static override readonly className: string = 'LogCosh';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'log_cosh');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return logCosh(yTrue, yPred);
  }
}

/**
 * Config of {@link CosineSimilarity}.
 * @example
 * new CosineSimilarity({ axis: -1 }).apply([[0, 1], [1, 1]], [[1, 0], [1, 1]]).arraySync(); // -0.5
 */
export interface CosineSimilarityConfig extends LossConfig {
  /** The features axis. Default -1. */
  axis?: number;
}

/**
 * {@link cosineSimilarity} as a class: the NEGATIVE cosine, so that minimizing it aligns the vectors.
 * @example new CosineSimilarity({ axis: 1 }).apply([[0, 1], [1, 1]], [[1, 0], [1, 1]]).arraySync() // -0.5
 */
export class CosineSimilarity extends Loss {
  static override readonly className: string = 'CosineSimilarity';
  static override readonly configKeys: readonly string[] = ['axis'];
  readonly axis: number;
  constructor(config: KerasOptions<CosineSimilarityConfig> = {}) {
    super(config, 'cosine_similarity');
    config = this.options as CosineSimilarityConfig;
    this.axis = integerOption(config.axis ?? -1, 'axis', 'CosineSimilarity');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return cosineSimilarity(yTrue, yPred, { axis: this.axis });
  }
  override getConfig(): CosineSimilarityConfig {
    return { ...super.getConfig(), axis: this.axis };
  }
}
