import { configKeysOf, normalizeOptions, ValueError } from '@horn/tensor';
import type { Logs } from '../training/compiled-state.js';
import type { TrainableModel } from '../training/trainable-model.js';

export type { Logs } from '../training/compiled-state.js';

/**
 * What a hook may return: nothing, or a promise `fit` and `evaluate` wait for.
 * @example
 * class SlowDown extends Callback {
 *   override onEpochEnd(): HookResult {
 *     return new Promise((resolve) => setTimeout(resolve, 10)); // fit waits for it
 *   }
 * }
 */
export type HookResult = void | Promise<void>;

/**
 * What `fit` / `evaluate` / `predict` tell the callbacks (Keras' `params`, plus TF.js' extras).
 * @example
 * class PrintParams extends Callback {
 *   override onTrainBegin() {
 *     const { epochs, steps, batchSize, samples }: CallbackParams = this.params;
 *     console.log(epochs, steps, batchSize, samples); // 3 2 2 3 for fit(x of 3 samples, { epochs: 3, batchSize: 2 })
 *   }
 * }
 */
export interface CallbackParams {
  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  verbose: 0 | 1 | 2;
  /** The last epoch (exclusive), as `fit`'s `epochs`. */
  epochs: number;
  /** Batches per epoch (or per evaluation / prediction); null when unknown (a dataset without `stepsPerEpoch`). */
  steps: number | null;
  /** Samples per batch, when arrays are batched. */
  batchSize?: number;
  /** Training samples, when known. */
  samples?: number;
  /** Whether `fit` validates at epoch ends. */
  doValidation?: boolean;
  /** The log names of the compiled metrics (`metricsNames`), with `val_` ones when validating. */
  metrics?: string[];
}

/**
 * The base of every callback, with Keras' hooks: override the ones you need. `fit` calls
 * `onTrainBegin`, then per epoch `onEpochBegin`, per batch `onTrainBatchBegin` / `onTrainBatchEnd`
 * (whose defaults call the aliases `onBatchBegin` / `onBatchEnd`), validation's `onTest*` hooks,
 * `onEpochEnd(epoch, logs)` with the epoch's logs (`loss`, `accuracy`, `val_loss`, ...), and
 * `onTrainEnd`. Hooks may return a promise; training waits for it. Set `this.model.stopTraining`
 * to stop after the current batch.
 * @example
 * class PrintLoss extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs) { console.log(epoch, logs.loss); }
 * }
 * await model.fit(x, y, { epochs: 3, callbacks: [new PrintLoss()] });
 */
export class Callback {
  /**
   * The option names this class adds itself (camelCase); a built-in callback accepts those, in
   * camelCase or Keras' snake_case, and refuses any other by name.
   */
  static readonly configKeys: readonly string[] = [];
  /** The training parameters (`epochs`, `steps`, `verbose`, ...), set by `fit` / `evaluate` / `predict`. */
  params: CallbackParams = { verbose: 0, epochs: 1, steps: null };
  private boundModel: TrainableModel | null = null;

  /**
   * Checks the options of a callback class that reads none itself (unknown keys are refused);
   * callbacks with options read theirs with {@link callbackOptions} before calling `super()`.
   */
  constructor(options?: object) {
    normalizeOptions(new.target.name, options, configKeysOf(new.target, Callback));
  }

  /** The model being trained; throws before `setModel` (before `fit` starts). */
  get model(): TrainableModel {
    if (!this.boundModel) {
      throw new ValueError(`${this.constructor.name}: no model is set yet; callbacks get their model when fit starts`);
    }
    return this.boundModel;
  }

  /** Binds the callback to a model (done by `fit`, `evaluate` and `predict`). */
  setModel(model: TrainableModel): void {
    this.boundModel = model;
  }

  /** Sets the training parameters (done by `fit`, `evaluate` and `predict`). */
  setParams(params: CallbackParams): void {
    this.params = params;
  }

  /** Before the first epoch. */
  onTrainBegin(_logs?: Logs): HookResult {}
  /** After the last epoch, with the last epoch's logs. */
  onTrainEnd(_logs?: Logs): HookResult {}
  /** At the start of each epoch (0-based). */
  onEpochBegin(_epoch: number, _logs?: Logs): HookResult {}
  /** At the end of each epoch, with its training and validation logs; a callback may add keys. */
  onEpochEnd(_epoch: number, _logs?: Logs): HookResult {}
  /** Before each training batch (0-based within the epoch); calls `onBatchBegin` by default. */
  onTrainBatchBegin(batch: number, logs?: Logs): HookResult {
    return this.onBatchBegin(batch, logs);
  }
  /** After each training batch, with the epoch's running logs; calls `onBatchEnd` by default. */
  onTrainBatchEnd(batch: number, logs?: Logs): HookResult {
    return this.onBatchEnd(batch, logs);
  }
  /** Alias of `onTrainBatchBegin` (Keras' `on_batch_begin`). */
  onBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** Alias of `onTrainBatchEnd` (Keras' `on_batch_end`). */
  onBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  /** At the start of `evaluate` and of each validation run. */
  onTestBegin(_logs?: Logs): HookResult {}
  /** At the end of `evaluate` and of each validation run, with its logs. */
  onTestEnd(_logs?: Logs): HookResult {}
  /** Before each evaluation batch. */
  onTestBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** After each evaluation batch, with the running logs. */
  onTestBatchEnd(_batch: number, _logs?: Logs): HookResult {}
  /** At the start of `predict` (synchronous: a returned promise is not awaited). */
  onPredictBegin(_logs?: Logs): HookResult {}
  /** At the end of `predict` (synchronous). */
  onPredictEnd(_logs?: Logs): HookResult {}
  /** Before each prediction batch (synchronous). */
  onPredictBatchBegin(_batch: number, _logs?: Logs): HookResult {}
  /** After each prediction batch (synchronous). */
  onPredictBatchEnd(_batch: number, _logs?: Logs): HookResult {}
}

/**
 * A callback's options in camelCase (Keras' `restore_best_weights` is `restoreBestWeights`), with
 * unknown keys refused by name when `cls` declares its `configKeys`.
 * @example options = callbackOptions(new.target, options);
 */
export function callbackOptions<T extends object>(
  cls: abstract new (...args: never[]) => Callback,
  options: T | undefined,
): T {
  return normalizeOptions(cls.name, options, configKeysOf(cls, Callback)) as T;
}
