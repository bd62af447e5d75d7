import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import { Callback, callbackOptions, type Logs } from './callback.js';
import { currentRate, optimizerOf } from './learning-rate.js';
import { type OutputStream, printLine } from './output-stream.js';

/**
 * A schedule: the learning rate for a 0-based epoch, given the current rate.
 * @example
 * const halve: EpochSchedule = (epoch, learningRate) => learningRate / 2;
 * await model.fit(x, y, { epochs: 2, callbacks: [new LearningRateScheduler(halve)] }); // SGD 0.1: 0.05, then 0.025
 */
export type EpochSchedule = (epoch: number, learningRate: number) => number;

/**
 * Options of {@link LearningRateScheduler}.
 * @example
 * const lines: string[] = [];
 * const scheduler = new LearningRateScheduler((epoch, lr) => lr / 2, { verbose: 1, stream: { write: (s) => lines.push(s) } });
 * await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: [scheduler] }); // compiled with SGD({ learningRate: 0.1 })
 * lines; // ['\nEpoch 1: LearningRateScheduler setting learning rate to 0.05.\n']
 */
export interface LearningRateSchedulerOptions {
  /** 1 prints the rate set at each epoch. Default 0. */
  verbose?: 0 | 1;
  /** Where the verbose messages go. Default `process.stdout`. */
  stream?: OutputStream;
}

/**
 * Sets the learning rate at the start of each epoch from `schedule(epoch, learningRate)`, as
 * Keras 3's `LearningRateScheduler`; adds `learning_rate` to each epoch's logs.
 * @example
 * const halveAfter5 = (epoch: number, lr: number) => (epoch < 5 ? lr : lr * 0.5);
 * await model.fit(x, y, { epochs: 10, callbacks: [new LearningRateScheduler(halveAfter5)] });
 */
export class LearningRateScheduler extends Callback {
  static override readonly configKeys: readonly string[] = ['verbose', 'stream'];
  readonly schedule: EpochSchedule;
  readonly verbose: 0 | 1;
  private readonly stream: OutputStream | undefined;

  constructor(schedule: EpochSchedule, options: KerasOptions<LearningRateSchedulerOptions> = {}) {
    options = callbackOptions(new.target, options);
    super();
    if (typeof schedule !== 'function') {
      throw new ValueError(
        `LearningRateScheduler: schedule must be a function (epoch, lr) => lr, got ${typeof schedule}`,
      );
    }
    this.schedule = schedule;
    this.verbose = options.verbose ?? 0;
    this.stream = options.stream;
  }

  override onEpochBegin(epoch: number): void {
    const optimizer = optimizerOf(this.model, 'LearningRateScheduler');
    const lr = this.schedule(epoch, currentRate(optimizer, 'LearningRateScheduler'));
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
      throw new ValueError(
        `LearningRateScheduler: the schedule must return a non-negative finite number, got ${String(lr)} at epoch ${epoch}`,
      );
    }
    optimizer.learningRate = lr;
    if (this.verbose > 0)
      printLine(this.stream, `\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${lr}.`);
  }

  override onEpochEnd(_epoch: number, logs?: Logs): void {
    if (logs)
      logs.learning_rate = currentRate(optimizerOf(this.model, 'LearningRateScheduler'), 'LearningRateScheduler');
  }
}
