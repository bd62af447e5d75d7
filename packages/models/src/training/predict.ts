import type { KerasOptions } from '@horn/tensor';
import { concat, dispose, randomSource, type Tensor, type TensorLike, ValueError } from '@horn/tensor';
import type { Callback } from '../callbacks/callback.js';
import { BatchStream, checkPositiveInteger } from './batches.js';
import { type ModelData, OwnedTensors, sliceRows, standardizeData } from './data.js';
import { callbackListFor, checkOptionKeys, resolveVerbose, type Verbosity } from './run-options.js';
import { type Dataset, iteratorOf, splitElement } from './sources.js';
import { predictStep } from './train-step.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * What `predict` gives: one tensor, one per output, or a record by key for a model with dict outputs.
 * @example
 * model.predict([[1, 2]]); // one output: a Tensor
 * twoOutputs.predict([[1, 2]]); // a Tensor[] in output order
 * dictOutputs.predict([[2]]); // { double: Tensor } for a model built with outputs: { double: ... }
 */
export type PredictOutput = Tensor | Tensor[] | Record<string, Tensor>;

/**
 * Options of {@link predict}.
 * @example const probabilities = model.predict(xTest, { batchSize: 256, verbose: 0 }) as Tensor;
 */
export interface PredictArgs {
  /** Samples per batch. Default 32. */
  batchSize?: number;
  /** 0 silent, 1 progress bar, 2 one line; `'auto'` (default): 1 on a terminal, else 2. */
  verbose?: Verbosity;
  /** Batches to predict. Default: all. */
  steps?: number;
  /** Callbacks (their `onPredict*` hooks run, synchronously). */
  callbacks?: Callback[];
}

/**
 * The model's outputs for `x` in inference mode, computed in batches and concatenated, as Keras'
 * `model.predict`: one tensor, or one per output. Synchronous. The caller owns the results.
 * @example const probs = predict(model, xTest, { batchSize: 256 }) as Tensor; // [n, 10]
 */
export function predict(model: TrainableModel, x: ModelData, args: KerasOptions<PredictArgs> = {}): Tensor | Tensor[] {
  const op = 'predict';
  args = checkOptionKeys(op, args, ['batchSize', 'verbose', 'steps', 'callbacks']);
  const batchSize = checkPositiveInteger(op, 'batchSize', args.batchSize ?? 32);
  const steps = args.steps === undefined ? undefined : checkPositiveInteger(op, 'steps', args.steps);
  const owned = new OwnedTensors();
  const parts: Tensor[][] = [];
  try {
    const xs = standardizeData(op, 'x', x, model.inputNames, owned);
    const samples = xs[0].shape[0];
    const stream = new BatchStream(samples, batchSize, false, randomSource(0));
    const total = Math.min(steps ?? stream.batchesPerPass, stream.batchesPerPass);
    const verbose = resolveVerbose(op, args.verbose, args.callbacks ?? []);
    const callbacks = callbackListFor(model, args.callbacks, { verbose, epochs: 1, steps: total }, false);
    callbacks.onPredictBegin();
    stream.restart();
    for (let step = 0; step < total; step++) {
      const rows = stream.next() as { start: number; size: number };
      callbacks.onPredictBatchBegin(step);
      const batch = sliceRows(xs, rows.start, rows.size) as Tensor[];
      let out: Tensor[] = [];
      try {
        out = predictStep(model, batch);
        parts.push(out);
      } finally {
        // A model that passes an input through (an augmentation at inference) returns the batch itself.
        dispose(batch.filter((t) => !out.includes(t)));
      }
      callbacks.onPredictBatchEnd(step);
    }
    callbacks.onPredictEnd();
    if (parts.length === 0) return emptyLike(model, xs);
    return joinBatches(parts);
  } catch (e) {
    dispose(parts);
    throw e;
  } finally {
    owned.dispose();
  }
}

/**
 * The model's outputs over a dataset of batches (Keras' `predict(dataset)`), concatenated: each
 * element is `x`, `[x]`, `[x, y]` or `{ xs, ys }` (targets are ignored). The dataset's tensors stay
 * the dataset's; the caller owns the results.
 * @example const probs = (await predictDataset(model, testBatches)) as Tensor;
 */
export async function predictDataset(
  model: TrainableModel,
  dataset: Dataset,
  args: KerasOptions<Omit<PredictArgs, 'batchSize'>> = {},
): Promise<Tensor | Tensor[]> {
  const op = 'predict';
  args = checkOptionKeys(op, args, ['verbose', 'steps', 'callbacks']);
  const steps = args.steps === undefined ? undefined : checkPositiveInteger(op, 'steps', args.steps);
  const verbose = resolveVerbose(op, args.verbose, args.callbacks ?? []);
  const callbacks = callbackListFor(model, args.callbacks, { verbose, epochs: 1, steps: steps ?? null }, false);
  const iterator = iteratorOf(op, dataset);
  const parts: Tensor[][] = [];
  try {
    callbacks.onPredictBegin();
    for (let step = 0; steps === undefined || step < steps; step++) {
      const next = await iterator.next();
      if (next.done) break;
      callbacks.onPredictBatchBegin(step);
      const owned = new OwnedTensors();
      try {
        const xs = standardizeData(op, 'x', splitElement(op, next.value).x, model.inputNames, owned);
        const out = predictStep(model, xs);
        // A pass-through output is the dataset's own tensor: copy it so the caller owns every result.
        parts.push(out.map((t) => (xs.includes(t) ? t.clone() : t)));
      } finally {
        owned.dispose();
      }
      callbacks.onPredictBatchEnd(step);
    }
    callbacks.onPredictEnd();
  } catch (e) {
    dispose(parts);
    throw e;
  }
  if (parts.length === 0) throw new ValueError(`${op}: the dataset yielded no batch`);
  return joinBatches(parts);
}

// The per-batch outputs joined along the batch axis, one tensor per output (one batch: as it is).
function joinBatches(parts: Tensor[][]): Tensor | Tensor[] {
  const outputs = parts[0].map((_, o) =>
    parts.length === 1
      ? parts[0][o]
      : concat(
          parts.map((p) => p[o]),
          0,
        ),
  );
  if (parts.length > 1) dispose(parts);
  return outputs.length === 1 ? outputs[0] : outputs;
}

// Zero samples: run the model on the empty batch itself (shapes follow from the model).
function emptyLike(model: TrainableModel, xs: Tensor[]): Tensor | Tensor[] {
  const out = predictStep(model, xs);
  return out.length === 1 ? out[0] : out;
}

/**
 * The model's outputs for one batch in inference mode, as Keras' `predict_on_batch`.
 * @example const out = predictOnBatch(model, xBatch) as Tensor;
 */
export function predictOnBatch(model: TrainableModel, x: ModelData): Tensor | Tensor[] {
  const owned = new OwnedTensors();
  try {
    const out = predictStep(model, standardizeData('predictOnBatch', 'x', x as TensorLike, model.inputNames, owned));
    return out.length === 1 ? out[0] : out;
  } finally {
    owned.dispose();
  }
}
