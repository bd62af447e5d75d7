import type { KerasOptions } from '@horn/tensor';
import { dispose, type Tensor } from '@horn/tensor';
import { Callback, callbackOptions, type Logs } from './callback.js';
import { checkCount, checkFinite, type MonitorMode, monitorDirection, monitorValue } from './monitor.js';
import { type OutputStream, printLine } from './output-stream.js';

/**
 * Options of {@link EarlyStopping} (Keras 3's arguments in camelCase).
 * @example new EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true });
 */
export interface EarlyStoppingOptions {
  /** The quantity to watch. Default `'val_loss'`. */
  monitor?: string;
  /** The smallest change that counts as an improvement (its absolute value is used). Default 0. */
  minDelta?: number;
  /** Epochs without improvement after which training stops. Default 0. */
  patience?: number;
  /** 1 prints when it stops and when it restores weights. Default 0. */
  verbose?: 0 | 1;
  /** `'min'`, `'max'`, or `'auto'` (from the monitor's name). Default `'auto'`. */
  mode?: MonitorMode;
  /** A value the monitor must beat: until it does, the wait keeps counting. Default none. */
  baseline?: number | null;
  /** Put back the weights of the best epoch when training ends. Default false. */
  restoreBestWeights?: boolean;
  /** Epochs to wait before watching at all (warm-up). Default 0. */
  startFromEpoch?: number;
  /** Where the verbose messages go. Default `process.stdout`. */
  stream?: OutputStream;
}

/**
 * Stops training when a monitored quantity has stopped improving, as Keras 3's `EarlyStopping`:
 * after `patience` epochs without an improvement of more than `minDelta`, it sets
 * `model.stopTraining`; with `restoreBestWeights`, the weights of the best epoch are restored when
 * training ends (if any epoch was watched).
 * @example
 * const stop = new EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true });
 * await model.fit(x, y, { epochs: 100, validationSplit: 0.2, callbacks: [stop] });
 * stop.stoppedEpoch // the 0-based epoch it stopped at (0 if it never did)
 */
export class EarlyStopping extends Callback {
  static override readonly configKeys: readonly string[] = [
    'monitor',
    'minDelta',
    'patience',
    'verbose',
    'mode',
    'baseline',
    'restoreBestWeights',
    'startFromEpoch',
    'stream',
  ];
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: MonitorMode;
  readonly baseline: number | null;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The 0-based epoch training stopped at; 0 if it did not stop early. */
  stoppedEpoch = 0;
  /** The best monitored value so far (null before the first watched epoch). */
  best: number | null = null;
  /** The 0-based epoch of `best`. */
  bestEpoch = 0;
  private readonly direction: 'min' | 'max';
  private readonly stream: OutputStream | undefined;
  private bestWeights: Tensor[] | null = null;

  constructor(options: KerasOptions<EarlyStoppingOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    this.monitor = options.monitor ?? 'val_loss';
    this.mode = options.mode ?? 'auto';
    this.direction = monitorDirection('EarlyStopping', this.monitor, this.mode);
    this.minDelta = Math.abs(checkFinite('EarlyStopping', 'minDelta', options.minDelta ?? 0));
    this.patience = checkCount('EarlyStopping', 'patience', options.patience ?? 0);
    this.verbose = options.verbose ?? 0;
    this.baseline = options.baseline == null ? null : checkFinite('EarlyStopping', 'baseline', options.baseline);
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.startFromEpoch = checkCount('EarlyStopping', 'startFromEpoch', options.startFromEpoch ?? 0);
    this.stream = options.stream;
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestEpoch = 0;
    this.dropBestWeights();
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const current = monitorValue('EarlyStopping', this.monitor, logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    // If no best weights were kept yet, the current ones are the best.
    if (this.restoreBestWeights && this.bestWeights === null) this.keepWeights(epoch);
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepWeights(epoch);
      // Only restart the wait when both the baseline and the previous best are beaten.
      if (this.baseline === null || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0)
      printLine(this.stream, `Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.restoreBestWeights && this.bestWeights !== null) {
      if (this.verbose > 0) {
        printLine(this.stream, `Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      }
      this.model.setWeights(this.bestWeights);
    }
    this.dropBestWeights();
  }

  private isImprovement(value: number, reference: number | null): boolean {
    if (reference === null) return true;
    return this.direction === 'min' ? value + this.minDelta < reference : value - this.minDelta > reference;
  }

  private keepWeights(epoch: number): void {
    this.dropBestWeights();
    this.bestWeights = this.model.getWeights();
    this.bestEpoch = epoch;
  }

  private dropBestWeights(): void {
    if (this.bestWeights) dispose(this.bestWeights);
    this.bestWeights = null;
  }
}
