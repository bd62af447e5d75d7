import type { KerasOptions } from '@horn/tensor';
import { Callback, type CallbackParams, callbackOptions, type Logs } from './callback.js';
import { defaultOutputStream, type OutputStream } from './output-stream.js';
import { Progbar } from './progbar.js';

/**
 * Options of {@link ProgbarLogger} (not in Keras: where to write, and a clock for tests).
 * @example
 * const out: string[] = [];
 * let t = 0;
 * const logger = new ProgbarLogger({ stream: { write: (s) => out.push(s) }, clock: () => (t += 0.5) });
 * await model.fit(x, y, { epochs: 1, verbose: 2, callbacks: [logger] });
 * out; // ['1/1 - 1s - 500ms/step - loss: 14.5000\n']: times from the fake clock
 */
export interface ProgbarLoggerOptions {
  /** Default `process.stdout` (a console line printer in browsers). */
  stream?: OutputStream;
  /** Seconds since some origin. Default `performance.now() / 1000`. */
  clock?: () => number;
}

/**
 * Prints training progress as Keras 3 does (`fit` adds one when `verbose` is not 0):
 * `Epoch 1/5` (when there is more than one epoch), then with verbose 1 a bar redrawn in place,
 * `469/469 ━━━━━━━━━━━━━━━━━━━━ 12s 25ms/step - accuracy: 0.9512 - loss: 0.1631 - val_accuracy: 0.9601 - val_loss: 0.1377`,
 * or with verbose 2 one line per epoch, `469/469 - 12s - 25ms/step - accuracy: ...`. Validation
 * inside `fit` is silent; `evaluate` and `predict` get their own bar.
 * @example
 * const lines: string[] = [];
 * await model.fit(x, y, { epochs: 2, verbose: 2, callbacks: [new ProgbarLogger({ stream: { write: (s) => lines.push(s) } })] });
 */
export class ProgbarLogger extends Callback {
  static override readonly configKeys: readonly string[] = ['stream', 'clock'];
  private readonly stream: OutputStream;
  private readonly clock: (() => number) | undefined;
  private verbose: 0 | 1 | 2 = 1;
  private epochs = 1;
  private target: number | null = null;
  private seen = 0;
  private progbar: Progbar | null = null;
  private calledInFit = false;

  constructor(options: KerasOptions<ProgbarLoggerOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    this.stream = options.stream ?? defaultOutputStream();
    this.clock = options.clock;
  }

  /** Whether the stream is a terminal (what `verbose: 'auto'` looks at). */
  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  override setParams(params: CallbackParams): void {
    super.setParams(params);
    this.verbose = params.verbose;
    this.epochs = params.epochs;
    this.target = params.steps;
  }

  override onTrainBegin(): void {
    this.calledInFit = true;
  }

  override onTrainEnd(): void {
    this.calledInFit = false;
  }

  override onTestBegin(): void {
    if (!this.calledInFit) this.reset();
  }

  override onPredictBegin(): void {
    this.reset();
  }

  override onEpochBegin(epoch: number): void {
    this.reset();
    if (this.verbose && this.epochs > 1) this.stream.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    this.updateBar(batch, logs);
  }

  override onTestBatchEnd(batch: number, logs: Logs = {}): void {
    if (!this.calledInFit) this.updateBar(batch, logs);
  }

  override onPredictBatchEnd(batch: number): void {
    this.updateBar(batch, {});
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    this.finalize(logs);
  }

  override onTestEnd(logs: Logs = {}): void {
    if (!this.calledInFit) this.finalize(logs);
  }

  override onPredictEnd(): void {
    this.finalize({});
  }

  private reset(): void {
    this.seen = 0;
    this.progbar = null;
  }

  private bar(): Progbar | null {
    if (this.verbose === 0) return null;
    this.progbar ??= new Progbar({
      target: this.target,
      verbose: this.verbose,
      stream: this.stream,
      clock: this.clock,
    });
    return this.progbar;
  }

  private updateBar(batch: number, logs: Logs): void {
    const bar = this.bar();
    this.seen = batch + 1;
    if (bar && this.verbose === 1) bar.update(this.seen, Object.entries(logs));
  }

  private finalize(logs: Logs): void {
    const bar = this.bar();
    if (!bar) return;
    // An unknown step count (a dataset) is learned from the first epoch, as Keras.
    if (this.target === null) this.target = this.seen;
    if (bar.target === null) bar.target = this.target;
    bar.update(bar.target, Object.entries(logs), true);
  }
}
