import type { KerasOptions } from '@horn/tensor';
import {
  configKeysOf,
  logicalAnd,
  normalizeOptions,
  type Tensor,
  type TensorLike,
  tidy,
  ValueError,
} from '@horn/tensor';
import { describe } from './loss-inputs.js';
import { type Reduction, type ReductionId, reduceWeightedValues, standardizeReduction } from './reduction.js';

/**
 * Options every {@link Loss} takes.
 * @example
 * const loss = new MeanSquaredError({ name: 'mse', reduction: 'sum' });
 * loss.apply([[0], [1]], [[1], [3]]).arraySync(); // 5 (1 + 4)
 */
export interface LossConfig {
  /** The loss' name (Keras' default is the snake_case function name, e.g. `'binary_crossentropy'`). */
  name?: string;
  /** How per-sample losses are reduced. Default `'sumOverBatchSize'`. */
  reduction?: ReductionId;
}

/**
 * A loss function: per-sample losses (shape `[batch, ...]`, the last axis reduced) from labels and predictions.
 * @example
 * const absError: LossFunction = (yTrue, yPred) => sub(yPred, yTrue).abs().mean(-1);
 * getLoss(absError).apply([[0, 1]], [[1, 1]]).arraySync(); // 0.5
 */
export type LossFunction = (yTrue: TensorLike, yPred: TensorLike) => Tensor;

/**
 * The base of every loss class, as Keras' `keras.losses.Loss`. As in Keras, `call(yTrue, yPred)` is the
 * method a subclass overrides: it returns the unreduced losses, one per sample. `apply(yTrue, yPred,
 * sampleWeight?)` is Keras' `__call__` (a JS object cannot be called): it runs `call`, then applies the
 * mask, the sample weights and the reduction — as `Layer.apply` runs `Layer.call`. `compile`/`fit` use
 * `apply`, so a subclass trains with Keras' gradient and honours sample and class weights.
 * Arguments are always `yTrue` first, `yPred` second.
 * @example
 * class MeanCubedError extends Loss {
 *   call(yTrue: TensorLike, yPred: TensorLike) { return mean(abs(pow(sub(yTrue, yPred), 3)), -1); }
 * }
 * new MeanCubedError({ name: 'mce' }).apply([[0, 2]], [[1, 0]]).arraySync(); // 4.5
 */
export abstract class Loss {
  /** The Keras class name, used in configs. */
  static readonly className: string = 'Loss';
  /**
   * The option names this class adds itself (camelCase); the constructor accepts those of the
   * whole class chain, in camelCase or Keras' snake_case, and refuses any other by name. A
   * subclass that declares none (a custom loss with custom options) is only normalized.
   */
  static readonly configKeys: readonly string[] = ['name', 'reduction'];
  /** The loss' name. */
  readonly name: string;
  /** The reduction, in camelCase. */
  readonly reduction: Reduction;
  /** The constructor options in camelCase (Keras' snake_case renamed, undefined ones dropped). */
  protected readonly options: Readonly<Record<string, unknown>>;

  constructor(config: KerasOptions<LossConfig> = {}, defaultName = 'loss') {
    const className = (new.target as typeof Loss).className;
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new ValueError(
        `${className}: expected an options object, got ${describe(config)}; Keras' positional arguments are options here: new ${className}({ ... })`,
      );
    }
    this.options = normalizeOptions(className, config, configKeysOf(new.target, Loss));
    config = this.options as LossConfig;
    const name = config.name ?? defaultName;
    if (typeof name !== 'string' || name === '') {
      throw new ValueError(`${className}: name must be a non-empty string, got ${describe(name)}`);
    }
    this.name = name;
    this.reduction = standardizeReduction(
      config.reduction === undefined ? 'sumOverBatchSize' : config.reduction,
      className,
    );
  }

  /**
   * The unreduced losses, one per sample (Keras' `Loss.call`): what a subclass overrides. It is not
   * weighted or reduced; use {@link Loss.apply} for the loss value.
   * @example new MeanSquaredError().call([[0, 1], [0, 0]], [[1, 1], [1, 0]]).arraySync() // [0.5, 0.5]
   */
  abstract call(yTrue: TensorLike, yPred: TensorLike): Tensor;

  /**
   * The weighted, reduced loss (Keras' `Loss.__call__`): runs {@link Loss.call}, then weights and
   * reduces. A scalar, or the weighted per-sample losses with reduction `'none'`.
   * Sample weights are a scalar, one weight per sample (`[batch]`), or the per-sample losses' shape.
   * `mask` (Keras' mask on `yPred`, e.g. `[batch, steps]` of a sequence model; `compile` passes the
   * one the predictions carry) leaves masked values out: they weigh 0 and, for the mean reductions,
   * the others weigh `count / valid`, so the loss is the mean over the unmasked values.
   * @example new MeanSquaredError().apply([[0, 1], [0, 0]], [[1, 1], [1, 0]], [1, 0]).arraySync() // 0.25
   */
  apply(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null, mask?: Tensor | null): Tensor {
    return tidy(() => {
      const valid = this.validMask(yTrue, yPred);
      const both = mask && valid ? logicalAnd(mask, valid) : (mask ?? valid);
      return reduceWeightedValues(
        this.call(yTrue, yPred),
        sampleWeight,
        both,
        this.reduction,
        `${this.className} '${this.name}'`,
      );
    });
  }

  /** The class name of this instance (its constructor's static `className`). */
  get className(): string {
    return (this.constructor as typeof Loss).className;
  }

  /** A plain JSON-able config that the constructor (or `fromConfig`) turns back into an equal loss. */
  getConfig(): LossConfig {
    return { name: this.name, reduction: this.reduction };
  }

  /**
   * Builds a loss from a config, as `new this(config)`.
   * @example BinaryCrossentropy.fromConfig({ fromLogits: true }).fromLogits // true
   */
  static fromConfig<T extends Loss, C>(this: new (config: C) => T, config: C): T {
    return new this(config);
  }

  /** Samples that count in the reduction (a bool tensor of the per-sample shape), or null for all. */
  protected validMask(_yTrue: TensorLike, _yPred: TensorLike): Tensor | null {
    return null;
  }
}

/**
 * A loss class around any loss function, as Keras' `LossFunctionWrapper` (what `compile` does with a
 * plain function). Its config holds the name and reduction only: a custom function cannot be serialized.
 * @example
 * const loss = new LossFunctionWrapper((t, p) => meanSquaredError(t, p), { name: 'my_mse', reduction: 'sum' });
 * loss.apply([[0, 1]], [[1, 1]]).arraySync(); // 0.5
 */
export class LossFunctionWrapper extends Loss {
  static override readonly className: string = 'LossFunctionWrapper';
  static override readonly configKeys: readonly string[] = [];
  /** The wrapped function. */
  readonly fn: LossFunction;

  constructor(fn: LossFunction, config: KerasOptions<LossConfig> = {}) {
    if (typeof fn !== 'function')
      throw new ValueError(`LossFunctionWrapper: fn must be a function, got ${describe(fn)}`);
    super(config, fn.name || 'loss');
    this.fn = fn;
  }

  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return this.fn(yTrue, yPred);
  }
}
