import { setOwn } from '../own-keys.js';
import { Callback, type Logs } from './callback.js';

/**
 * Records every epoch's logs, as Keras' `History`: `fit` adds one and returns it, and sets
 * `model.history` to it at each epoch end.
 * @example
 * const history = await model.fit(x, y, { epochs: 3, validationSplit: 0.2 });
 * history.history.loss      // [0.9, 0.5, 0.3]
 * history.history.val_loss  // [...]
 * history.epoch             // [0, 1, 2]
 */
export class History extends Callback {
  static override readonly configKeys: readonly string[] = [];
  /** Metric name to its value at each epoch. */
  readonly history: Record<string, number[]> = {};
  /** The epochs recorded (0-based; `initialEpoch` shifts them). */
  epoch: number[] = [];

  override onTrainBegin(): void {
    this.epoch = [];
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) {
      if (!Object.hasOwn(this.history, key)) setOwn(this.history, key, []);
      this.history[key].push(value);
    }
    this.model.history = this;
  }
}
