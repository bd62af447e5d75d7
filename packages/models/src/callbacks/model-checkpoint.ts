import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import { ownValue } from '../own-keys.js';
import { refuseKerasArchive } from '../saving/keras-archive-paths.js';
import type { SavableModel } from '../training/trainable-model.js';
import { Callback, callbackOptions, type Logs } from './callback.js';
import { formatFilepath } from './format-filepath.js';
import { checkFinite, type MonitorMode, monitorDirection } from './monitor.js';
import { type OutputStream, printLine } from './output-stream.js';

/**
 * Options of {@link ModelCheckpoint} (Keras 3's arguments in camelCase).
 * @example new ModelCheckpoint('best-model', { monitor: 'val_accuracy', saveBestOnly: true });
 */
export interface ModelCheckpointOptions {
  /** The quantity `saveBestOnly` compares. Default `'val_loss'`. */
  monitor?: string;
  /** 1 prints a line per save decision. Default 0. */
  verbose?: 0 | 1;
  /** Save only when the monitored quantity improves (the last save is then the best model). Default false. */
  saveBestOnly?: boolean;
  /** `model.saveWeights(path)` instead of `model.save(path)`. Default false. */
  saveWeightsOnly?: boolean;
  /** `'min'`, `'max'` or `'auto'` (from the monitor's name). Default `'auto'`. */
  mode?: MonitorMode;
  /** `'epoch'`: at each epoch end; a number n: every n training batches. Default `'epoch'`. */
  saveFreq?: 'epoch' | number;
  /** With `saveBestOnly`, a value the first save must beat. Default none. */
  initialValueThreshold?: number | null;
  /** Where the verbose messages go. Default `process.stdout`. */
  stream?: OutputStream;
}

/**
 * Saves the model (or its weights) during training, as Keras 3's `ModelCheckpoint`. `filepath` may
 * hold `{epoch}` (1-based), `{batch}` and any log value with a Python format spec:
 * `'ckpt/model-{epoch:02d}-{val_loss:.2f}'`. With `saveBestOnly`, it saves only when `monitor`
 * improves on the best so far. It calls `model.save(path, { overwrite: true })`, which writes the
 * training config and the optimizer's state (so `loadModel` resumes training exactly, as Keras), or
 * with `saveWeightsOnly` `model.saveWeights(path, { overwrite: true })` (the weights alone).
 * @example
 * const ckpt = new ModelCheckpoint('./best-model', { monitor: 'val_accuracy', saveBestOnly: true });
 * await model.fit(x, y, { epochs: 10, validationSplit: 0.1, callbacks: [ckpt] });
 * ckpt.best // the best val_accuracy seen
 */
export class ModelCheckpoint extends Callback {
  static override readonly configKeys: readonly string[] = [
    'monitor',
    'verbose',
    'saveBestOnly',
    'saveWeightsOnly',
    'mode',
    'saveFreq',
    'initialValueThreshold',
    'stream',
  ];
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: 0 | 1;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly mode: MonitorMode;
  readonly saveFreq: 'epoch' | number;
  /** The best monitored value so far (starts at +/-Infinity, or `initialValueThreshold`). */
  best: number;
  /** The paths saved to, in order. */
  readonly saved: string[] = [];
  private readonly direction: 'min' | 'max';
  private readonly stream: OutputStream | undefined;
  private batchesSinceSave = 0;
  private currentEpoch = 0;

  constructor(filepath: string, options: KerasOptions<ModelCheckpointOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    if (typeof filepath !== 'string' || filepath === '') {
      throw new ValueError(`ModelCheckpoint: filepath must be a non-empty string, got ${String(filepath)}`);
    }
    this.saveWeightsOnly = options.saveWeightsOnly ?? false;
    // Keras 3 wants '.keras' / '.weights.h5' here; Horn cannot write those yet: say so now, not after an epoch.
    refuseKerasArchive(filepath, 'ModelCheckpoint', 'save', this.saveWeightsOnly ? 'weights' : 'model');
    this.filepath = filepath;
    this.monitor = options.monitor ?? 'val_loss';
    this.verbose = options.verbose ?? 0;
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.mode = options.mode ?? 'auto';
    this.direction = monitorDirection('ModelCheckpoint', this.monitor, this.mode);
    const freq = options.saveFreq ?? 'epoch';
    if (freq !== 'epoch' && !(typeof freq === 'number' && Number.isInteger(freq) && freq > 0)) {
      throw new ValueError(`ModelCheckpoint: saveFreq must be 'epoch' or a positive integer, got ${String(freq)}`);
    }
    this.saveFreq = freq;
    const threshold = options.initialValueThreshold;
    this.best =
      threshold == null
        ? this.direction === 'min'
          ? Number.POSITIVE_INFINITY
          : Number.NEGATIVE_INFINITY
        : checkFinite('ModelCheckpoint', 'initialValueThreshold', threshold);
    this.stream = options.stream;
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  override async onTrainBatchEnd(batch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    this.batchesSinceSave += 1;
    if (this.batchesSinceSave >= this.saveFreq) {
      this.batchesSinceSave = 0;
      await this.saveModel(this.currentEpoch, batch, logs ?? {});
    }
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    if (this.saveFreq === 'epoch') await this.saveModel(epoch, null, logs ?? {});
  }

  private async saveModel(epoch: number, batch: number | null, logs: Logs): Promise<void> {
    const values: Record<string, number> = { ...logs, epoch: epoch + 1 };
    if (batch !== null && !Object.hasOwn(logs, 'batch')) values.batch = batch + 1;
    const path = formatFilepath(this.filepath, values);
    if (!this.saveBestOnly) {
      if (this.verbose > 0) printLine(this.stream, `\nEpoch ${epoch + 1}: saving model to ${path}`);
      await this.write(path);
      return;
    }
    const current = ownValue(logs, this.monitor);
    if (current === undefined) {
      console.warn(`ModelCheckpoint: can save best model only with ${this.monitor} available, skipping`);
      return;
    }
    const improved = this.direction === 'min' ? current < this.best : current > this.best;
    if (improved) {
      if (this.verbose > 0) {
        printLine(
          this.stream,
          `\nEpoch ${epoch + 1}: ${this.monitor} improved from ${fixed5(this.best)} to ${fixed5(current)}, saving model to ${path}`,
        );
      }
      this.best = current;
      await this.write(path);
    } else if (this.verbose > 0) {
      printLine(this.stream, `\nEpoch ${epoch + 1}: ${this.monitor} did not improve from ${fixed5(this.best)}`);
    }
  }

  private async write(path: string): Promise<void> {
    const model = this.model as Partial<SavableModel>;
    const method = this.saveWeightsOnly ? 'saveWeights' : 'save';
    if (typeof model[method] !== 'function') {
      throw new ValueError(`ModelCheckpoint: the model has no ${method}() method to save to '${path}'`);
    }
    if (this.saveWeightsOnly) await model.saveWeights!(path, { overwrite: true });
    else await model.save!(path, { overwrite: true });
    this.saved.push(path);
  }
}

function fixed5(v: number): string {
  return Number.isFinite(v) ? v.toFixed(5) : v > 0 ? 'inf' : Number.isNaN(v) ? 'nan' : '-inf';
}
