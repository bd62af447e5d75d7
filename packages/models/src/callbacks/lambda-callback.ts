import type { KerasOptions } from '@horn/tensor';
import { Callback, callbackOptions, type HookResult, type Logs } from './callback.js';

type EpochHook = (epoch: number, logs?: Logs) => HookResult;
type BatchHook = (batch: number, logs?: Logs) => HookResult;
type PhaseHook = (logs?: Logs) => HookResult;

/**
 * The hooks of a {@link LambdaCallback}; any subset.
 * @example
 * const seen: string[] = [];
 * const hooks: LambdaCallbackHooks = {
 *   onTrainBegin: () => void seen.push('begin'),
 *   onBatchEnd: (batch) => void seen.push(`batch ${batch}`),
 *   onEpochEnd: async (epoch) => void seen.push(`epoch ${epoch}`),
 * };
 * await model.fit(x, y, { epochs: 1, batchSize: 1, verbose: 0, callbacks: [new LambdaCallback(hooks)] });
 * seen; // ['begin', 'batch 0', 'batch 1', 'epoch 0'] for 2 samples
 */
export interface LambdaCallbackHooks {
  onTrainBegin?: PhaseHook;
  onTrainEnd?: PhaseHook;
  onEpochBegin?: EpochHook;
  onEpochEnd?: EpochHook;
  onTrainBatchBegin?: BatchHook;
  onTrainBatchEnd?: BatchHook;
  /** Alias of `onTrainBatchBegin` (Keras' `on_batch_begin`). */
  onBatchBegin?: BatchHook;
  /** Alias of `onTrainBatchEnd` (Keras' `on_batch_end`). */
  onBatchEnd?: BatchHook;
  onTestBegin?: PhaseHook;
  onTestEnd?: PhaseHook;
  onTestBatchBegin?: BatchHook;
  onTestBatchEnd?: BatchHook;
  onPredictBegin?: PhaseHook;
  onPredictEnd?: PhaseHook;
  onPredictBatchBegin?: BatchHook;
  onPredictBatchEnd?: BatchHook;
}

const HOOK_NAMES: readonly string[] = [
  'onTrainBegin',
  'onTrainEnd',
  'onEpochBegin',
  'onEpochEnd',
  'onTrainBatchBegin',
  'onTrainBatchEnd',
  'onBatchBegin',
  'onBatchEnd',
  'onTestBegin',
  'onTestEnd',
  'onTestBatchBegin',
  'onTestBatchEnd',
  'onPredictBegin',
  'onPredictEnd',
  'onPredictBatchBegin',
  'onPredictBatchEnd',
];

/**
 * A callback from plain functions, as Keras' `LambdaCallback`.
 * @example
 * const log = new LambdaCallback({ onEpochEnd: (epoch, logs) => console.log(epoch, logs?.loss) });
 * await model.fit(x, y, { epochs: 3, callbacks: [log] });
 */
export class LambdaCallback extends Callback {
  static override readonly configKeys: readonly string[] = HOOK_NAMES;
  private readonly hooks: LambdaCallbackHooks;

  constructor(hooks: KerasOptions<LambdaCallbackHooks> = {}) {
    hooks = callbackOptions(new.target, hooks);
    super();
    this.hooks = hooks;
  }

  override onTrainBegin(logs?: Logs): HookResult {
    return this.hooks.onTrainBegin?.(logs);
  }
  override onTrainEnd(logs?: Logs): HookResult {
    return this.hooks.onTrainEnd?.(logs);
  }
  override onEpochBegin(epoch: number, logs?: Logs): HookResult {
    return this.hooks.onEpochBegin?.(epoch, logs);
  }
  override onEpochEnd(epoch: number, logs?: Logs): HookResult {
    return this.hooks.onEpochEnd?.(epoch, logs);
  }
  override onBatchBegin(batch: number, logs?: Logs): HookResult {
    return this.hooks.onBatchBegin?.(batch, logs);
  }
  override onBatchEnd(batch: number, logs?: Logs): HookResult {
    return this.hooks.onBatchEnd?.(batch, logs);
  }
  override async onTrainBatchBegin(batch: number, logs?: Logs): Promise<void> {
    await this.hooks.onTrainBatchBegin?.(batch, logs);
    await this.onBatchBegin(batch, logs);
  }
  override async onTrainBatchEnd(batch: number, logs?: Logs): Promise<void> {
    await this.hooks.onTrainBatchEnd?.(batch, logs);
    await this.onBatchEnd(batch, logs);
  }
  override onTestBegin(logs?: Logs): HookResult {
    return this.hooks.onTestBegin?.(logs);
  }
  override onTestEnd(logs?: Logs): HookResult {
    return this.hooks.onTestEnd?.(logs);
  }
  override onTestBatchBegin(batch: number, logs?: Logs): HookResult {
    return this.hooks.onTestBatchBegin?.(batch, logs);
  }
  override onTestBatchEnd(batch: number, logs?: Logs): HookResult {
    return this.hooks.onTestBatchEnd?.(batch, logs);
  }
  override onPredictBegin(logs?: Logs): HookResult {
    return this.hooks.onPredictBegin?.(logs);
  }
  override onPredictEnd(logs?: Logs): HookResult {
    return this.hooks.onPredictEnd?.(logs);
  }
  override onPredictBatchBegin(batch: number, logs?: Logs): HookResult {
    return this.hooks.onPredictBatchBegin?.(batch, logs);
  }
  override onPredictBatchEnd(batch: number, logs?: Logs): HookResult {
    return this.hooks.onPredictBatchEnd?.(batch, logs);
  }
}
