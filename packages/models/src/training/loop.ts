import { ValueError } from '@horn/tensor';
import type { CallbackList } from '../callbacks/callback-list.js';
import type { CompiledState, Logs } from './compiled-state.js';
import { sortedLogs } from './compiled-state.js';
import type { BatchSource } from './sources.js';
import { testStep, trainStep } from './train-step.js';
import type { TrainableModel } from './trainable-model.js';

let lastYield = 0;

/**
 * Lets the event loop run (timers, I/O, a redraw) when ~30 ms have passed since the last time, so a
 * long `fit` does not freeze the process or the page.
 * @example await yieldToEventLoop();
 */
export async function yieldToEventLoop(): Promise<void> {
  const now = performance.now();
  if (now - lastYield < 30) return;
  lastYield = now;
  await new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Options of {@link runTrainingLoop}. */
export interface TrainingLoopOptions {
  op: string;
  initialEpoch: number;
  epochs: number;
  /** Validation at the end of epochs `(epoch + 1) % validationFreq === 0`; null: none. */
  validation: BatchSource | null;
  validationFreq: number;
}

function warnOutOfData(op: string, steps: number | null, epoch: number, seen: number): void {
  console.warn(
    `${op}: the data ran out after ${seen} of ${steps} steps in epoch ${epoch + 1}; the epoch ends early. Make sure the data can provide stepsPerEpoch * epochs batches`,
  );
}

/**
 * Keras' fit loop: per epoch, reset the metrics, run training steps with their callbacks (stopping
 * early when `model.stopTraining` is set), then validate, then `onEpochEnd` with the training logs
 * and the `val_` ones. Returns the last epoch's logs.
 * @example const logs = await runTrainingLoop(model, compiled, source, callbacks, options);
 */
export async function runTrainingLoop(
  model: TrainableModel,
  compiled: CompiledState,
  source: BatchSource,
  callbacks: CallbackList,
  options: TrainingLoopOptions,
): Promise<Logs> {
  const { op, initialEpoch, epochs, validation, validationFreq } = options;
  let epochLogs: Logs = {};
  model.stopTraining = false;
  await callbacks.onTrainBegin();
  for (let epoch = initialEpoch; epoch < epochs; epoch++) {
    compiled.resetState();
    await callbacks.onEpochBegin(epoch);
    source.beginEpoch();
    let seen = 0;
    for (let step = 0; source.steps === null || step < source.steps; step++) {
      const batch = await source.next();
      if (!batch) {
        if (source.steps !== null) warnOutOfData(op, source.steps, epoch, seen);
        break;
      }
      try {
        await callbacks.onTrainBatchBegin(step);
        trainStep(op, model, compiled, batch.data);
      } finally {
        batch.owned.dispose();
      }
      seen++;
      await callbacks.onTrainBatchEnd(step, compiled.results());
      if (model.stopTraining) break;
      await yieldToEventLoop();
    }
    if (seen === 0 && source.steps === null) {
      throw new ValueError(
        `${op}: the dataset yielded no batch in epoch ${epoch + 1}; a generator can be iterated only once, so pass a re-iterable dataset (an array, or an object whose [Symbol.asyncIterator]() starts over) or set stepsPerEpoch`,
      );
    }
    epochLogs = compiled.results();
    if (validation && (epoch + 1) % validationFreq === 0) {
      const valLogs = await runTestLoop(model, compiled, validation, callbacks, op);
      epochLogs = { ...epochLogs, ...sortedLogs(Object.entries(valLogs).map(([k, v]) => [`val_${k}`, v])) };
    }
    await callbacks.onEpochEnd(epoch, epochLogs);
    if (model.stopTraining) break;
  }
  await callbacks.onTrainEnd(epochLogs);
  return epochLogs;
}

/**
 * Keras' evaluation loop: reset the metrics, run test steps over the source with their callbacks,
 * and return the logs (`loss` and the metrics).
 * @example const logs = await runTestLoop(model, compiled, source, callbacks, 'evaluate');
 */
export async function runTestLoop(
  model: TrainableModel,
  compiled: CompiledState,
  source: BatchSource,
  callbacks: CallbackList,
  op: string,
): Promise<Logs> {
  compiled.resetState();
  await callbacks.onTestBegin();
  source.beginEpoch();
  let logs: Logs = {};
  for (let step = 0; source.steps === null || step < source.steps; step++) {
    const batch = await source.next();
    if (!batch) break;
    try {
      await callbacks.onTestBatchBegin(step);
      testStep(op, model, compiled, batch.data);
    } finally {
      batch.owned.dispose();
    }
    logs = compiled.results();
    await callbacks.onTestBatchEnd(step, logs);
    await yieldToEventLoop();
  }
  logs = compiled.results();
  await callbacks.onTestEnd(logs);
  return logs;
}
