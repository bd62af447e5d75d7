import type { KerasOptions } from '@horn/tensor';
import { Callback, callbackOptions, type Logs } from './callback.js';
import { type OutputStream, printLine } from './output-stream.js';

/**
 * Options of {@link TerminateOnNaN} (not in Keras: where the message goes).
 * @example
 * const lines: string[] = [];
 * const stop = new TerminateOnNaN({ stream: { write: (s) => lines.push(s) } });
 * const history = await model.fit([[NaN, 2]], [[1]], { epochs: 3, verbose: 0, callbacks: [stop] });
 * lines; // ['Batch 0: Invalid loss, terminating training\n']
 * history.epoch; // [0]: stopped in the first epoch
 */
export interface TerminateOnNaNOptions {
  /** Default `process.stdout`. */
  stream?: OutputStream;
}

/**
 * Stops training as soon as the loss is NaN or infinite, as Keras' `TerminateOnNaN`: prints
 * `Batch 3: Invalid loss, terminating training` and sets `model.stopTraining`, so `fit` returns
 * after that batch (its epoch's logs are still recorded).
 * @example
 * const history = await model.fit(x, y, { epochs: 10, callbacks: [new TerminateOnNaN()] });
 */
export class TerminateOnNaN extends Callback {
  static override readonly configKeys: readonly string[] = ['stream'];
  /** Where training stopped (0-based), or null if the loss stayed finite. */
  terminatedAt: { epoch: number; batch: number } | null = null;
  private readonly stream: OutputStream | undefined;
  private epoch = 0;

  constructor(options: KerasOptions<TerminateOnNaNOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    this.stream = options.stream;
  }

  override onTrainBegin(): void {
    this.terminatedAt = null;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override onBatchEnd(batch: number, logs?: Logs): void {
    const loss = logs?.loss;
    if (loss !== undefined && !Number.isFinite(loss)) {
      printLine(this.stream, `Batch ${batch}: Invalid loss, terminating training`);
      this.terminatedAt = { epoch: this.epoch, batch };
      this.model.stopTraining = true;
    }
  }
}
