import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import { Callback, callbackOptions, type Logs } from './callback.js';
import { currentRate, optimizerOf } from './learning-rate.js';
import { checkCount, checkNonNegative, type MonitorMode, monitorDirection, monitorValue } from './monitor.js';
import { type OutputStream, printLine } from './output-stream.js';

/**
 * Options of {@link ReduceLROnPlateau} (Keras 3's arguments in camelCase).
 * @example new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 2 });
 */
export interface ReduceLROnPlateauOptions {
  /** The quantity to watch. Default `'val_loss'`. */
  monitor?: string;
  /** The rate is multiplied by this when it plateaus; must be < 1. Default 0.1. */
  factor?: number;
  /** Epochs without improvement before the rate is reduced. Default 10. */
  patience?: number;
  /** 1 prints each reduction. Default 0. */
  verbose?: 0 | 1;
  /** `'min'`, `'max'` or `'auto'` (from the monitor's name). Default `'auto'`. */
  mode?: MonitorMode;
  /** The smallest change that counts as an improvement. Default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before watching again. Default 0. */
  cooldown?: number;
  /** The rate is never reduced below this. Default 0. */
  minLr?: number;
  /** Where the verbose messages go. Default `process.stdout`. */
  stream?: OutputStream;
}

/**
 * Reduces the learning rate when a metric has stopped improving, as Keras 3's `ReduceLROnPlateau`:
 * after `patience` epochs without an improvement of more than `minDelta`, the optimizer's
 * `learningRate` becomes `max(rate * factor, minLr)`, then `cooldown` epochs pass before it
 * watches again. Adds `learning_rate` to each epoch's logs.
 * @example
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.2,
 *   callbacks: [new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 3, minLr: 1e-5 })] });
 */
export class ReduceLROnPlateau extends Callback {
  static override readonly configKeys: readonly string[] = [
    'monitor',
    'factor',
    'patience',
    'verbose',
    'mode',
    'minDelta',
    'cooldown',
    'minLr',
    'stream',
  ];
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: MonitorMode;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  /** The best monitored value so far. */
  best = 0;
  private readonly direction: 'min' | 'max';
  private readonly stream: OutputStream | undefined;

  constructor(options: KerasOptions<ReduceLROnPlateauOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    this.monitor = options.monitor ?? 'val_loss';
    this.factor = options.factor ?? 0.1;
    if (typeof this.factor !== 'number' || !(this.factor >= 0 && this.factor < 1)) {
      throw new ValueError(`ReduceLROnPlateau: factor must be in [0, 1) (it multiplies the rate), got ${this.factor}`);
    }
    this.patience = checkCount('ReduceLROnPlateau', 'patience', options.patience ?? 10);
    this.verbose = options.verbose ?? 0;
    this.mode = options.mode ?? 'auto';
    this.direction = monitorDirection('ReduceLROnPlateau', this.monitor, this.mode);
    this.minDelta = checkNonNegative('ReduceLROnPlateau', 'minDelta', options.minDelta ?? 1e-4);
    this.cooldown = checkCount('ReduceLROnPlateau', 'cooldown', options.cooldown ?? 0);
    this.minLr = checkNonNegative('ReduceLROnPlateau', 'minLr', options.minLr ?? 0);
    this.stream = options.stream;
    this.reset();
  }

  override onTrainBegin(): void {
    this.reset();
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const optimizer = optimizerOf(this.model, 'ReduceLROnPlateau');
    if (logs) logs.learning_rate = currentRate(optimizer, 'ReduceLROnPlateau');
    const current = monitorValue('ReduceLROnPlateau', this.monitor, logs);
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const improved =
      this.direction === 'min' ? current < this.best - this.minDelta : current > this.best + this.minDelta;
    if (improved) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const oldLr = currentRate(optimizer, 'ReduceLROnPlateau');
        // Keras compares with the float32 minimum rate.
        if (oldLr > Math.fround(this.minLr)) {
          const newLr = Math.max(oldLr * this.factor, this.minLr);
          optimizer.learningRate = newLr;
          if (this.verbose > 0) {
            printLine(this.stream, `\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${newLr}.`);
          }
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }

  private reset(): void {
    this.best = this.direction === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    this.cooldownCounter = 0;
    this.wait = 0;
  }
}
