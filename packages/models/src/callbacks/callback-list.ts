import { ValueError } from '@horn/tensor';
import type { TrainableModel } from '../training/trainable-model.js';
import { Callback, type CallbackParams, type Logs } from './callback.js';
import { History } from './history.js';
import { ProgbarLogger } from './progbar-logger.js';

/**
 * Options of {@link CallbackList}.
 * @example
 * const params: CallbackParams = { verbose: 0, epochs: 1, steps: 1 };
 * const list = new CallbackList([new EarlyStopping()], { addHistory: true, addProgbar: false, model, params });
 * list.callbacks.map((c) => c.constructor.name); // ['EarlyStopping', 'History']
 */
export interface CallbackListOptions {
  /** Append a `History` unless one is listed (as `fit` does). Default false. */
  addHistory?: boolean;
  /** Prepend a `ProgbarLogger` unless one is listed (as `fit` does when verbose). Default false. */
  addProgbar?: boolean;
  /** Binds every callback to this model. */
  model?: TrainableModel;
  /** Sets every callback's params. */
  params?: CallbackParams;
}

/**
 * Callbacks called together, in order, as Keras' `CallbackList`: each hook waits for each callback
 * in turn. With `addHistory` / `addProgbar` it adds the default `History` (last) and
 * `ProgbarLogger` (first) unless the list already has one.
 * @example
 * const list = new CallbackList([new EarlyStopping()], { addHistory: true, model, params });
 * await list.onTrainBegin();
 */
export class CallbackList {
  /** The callbacks, in calling order. */
  readonly callbacks: Callback[];
  /** The `History` in the list, if any. */
  readonly history: History | null;
  /** The `ProgbarLogger` in the list, if any. */
  readonly progbar: ProgbarLogger | null;

  constructor(callbacks: readonly Callback[] = [], options: CallbackListOptions = {}) {
    if (!Array.isArray(callbacks)) {
      throw new ValueError(`callbacks must be an array of Callback, got ${typeof callbacks}`);
    }
    callbacks.forEach((cb, i) => {
      if (!(cb instanceof Callback)) {
        throw new ValueError(
          `callbacks[${i}] must be a Callback (extend Callback, or use LambdaCallback), got ${cb === null ? 'null' : typeof cb}`,
        );
      }
    });
    this.callbacks = [...callbacks];
    let history = this.callbacks.find((cb): cb is History => cb instanceof History) ?? null;
    let progbar = this.callbacks.find((cb): cb is ProgbarLogger => cb instanceof ProgbarLogger) ?? null;
    if (!history && options.addHistory) this.callbacks.push((history = new History()));
    if (!progbar && options.addProgbar) this.callbacks.unshift((progbar = new ProgbarLogger()));
    this.history = history;
    this.progbar = progbar;
    if (options.model) this.setModel(options.model);
    if (options.params) this.setParams(options.params);
  }

  /** Binds every callback to `model`. */
  setModel(model: TrainableModel): void {
    for (const cb of this.callbacks) cb.setModel(model);
  }

  /** Sets every callback's params. */
  setParams(params: CallbackParams): void {
    for (const cb of this.callbacks) cb.setParams(params);
  }

  async onTrainBegin(logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainBegin(logs);
  }

  async onTrainEnd(logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainEnd(logs);
  }

  async onEpochBegin(epoch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochBegin(epoch, logs);
  }

  async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochEnd(epoch, logs);
  }

  async onTrainBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainBatchBegin(batch, logs);
  }

  async onTrainBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainBatchEnd(batch, logs);
  }

  async onTestBegin(logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTestBegin(logs);
  }

  async onTestEnd(logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTestEnd(logs);
  }

  async onTestBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTestBatchBegin(batch, logs);
  }

  async onTestBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    for (const cb of this.callbacks) await cb.onTestBatchEnd(batch, logs);
  }

  /** Synchronous: `predict` is synchronous, so promises the hooks return are not awaited. */
  onPredictBegin(logs: Logs = {}): void {
    for (const cb of this.callbacks) void cb.onPredictBegin(logs);
  }

  onPredictEnd(logs: Logs = {}): void {
    for (const cb of this.callbacks) void cb.onPredictEnd(logs);
  }

  onPredictBatchBegin(batch: number, logs: Logs = {}): void {
    for (const cb of this.callbacks) void cb.onPredictBatchBegin(batch, logs);
  }

  onPredictBatchEnd(batch: number, logs: Logs = {}): void {
    for (const cb of this.callbacks) void cb.onPredictBatchEnd(batch, logs);
  }
}
