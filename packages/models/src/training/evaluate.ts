import { randomSource, scalar, type Tensor } from '@horn/tensor';
import type { Callback } from '../callbacks/callback.js';
import { checkPositiveInteger } from './batches.js';
import { requireCompiled } from './compile.js';
import type { CompiledState, Logs } from './compiled-state.js';
import {
  countSamples,
  type ModelData,
  OwnedTensors,
  type SampleWeightData,
  standardizeData,
  standardizeSampleWeights,
} from './data.js';
import { runTestLoop } from './loop.js';
import { callbackListFor, checkOptionKeys, resolveVerbose, type Verbosity } from './run-options.js';
import { ArraySource, type BatchSource, type Dataset, DatasetSource } from './sources.js';
import type { TrainableModel } from './trainable-model.js';

/** Options of {@link evaluate}. */
export interface EvaluateArgs {
  /** Samples per batch. Default 32. */
  batchSize?: number;
  /** 0 silent, 1 progress bar, 2 one line; `'auto'` (default): 1 on a terminal, else 2. */
  verbose?: Verbosity;
  /** Per-sample weights `[n]` (for every output, or one per output). */
  sampleWeight?: SampleWeightData;
  /** Batches to evaluate. Default: all. */
  steps?: number;
  /** Callbacks (their `onTest*` hooks run). */
  callbacks?: Callback[];
}

/** Options of {@link evaluateDataset}. */
export interface EvaluateDatasetArgs {
  verbose?: Verbosity;
  /** Batches to evaluate. Default: the whole dataset. */
  steps?: number;
  callbacks?: Callback[];
  /** Dispose each batch's tensors after its step. Default true, except for arrays of batches. */
  disposeBatches?: boolean;
}

/**
 * The logs as Keras' `_flatten_metrics_in_order` orders them: `metricsNames` first, then any other
 * key sorted; a single value alone.
 * @example flattenLogs(compiled, { accuracy: 0.9, loss: 0.2 }) // [0.2, 0.9]
 */
export function flattenLogs(compiled: CompiledState, logs: Logs): number | number[] {
  const names = compiled.metricsNames.filter((n) => n in logs);
  const rest = Object.keys(logs)
    .filter((k) => !names.includes(k))
    .sort();
  const values = [...names, ...rest].map((k) => logs[k]);
  return values.length === 1 ? values[0] : values;
}

function asScalars(values: number | number[]): Tensor | Tensor[] {
  return Array.isArray(values) ? values.map((v) => scalar(v)) : scalar(values);
}

async function evaluateSource(
  op: string,
  model: TrainableModel,
  source: BatchSource,
  verbose: Verbosity | undefined,
  callbacks: Callback[] | undefined,
): Promise<Tensor | Tensor[]> {
  const compiled = requireCompiled(model, op);
  const level = resolveVerbose(op, verbose, callbacks ?? []);
  const list = callbackListFor(model, callbacks, { verbose: level, epochs: 1, steps: source.steps }, false);
  const logs = await runTestLoop(model, compiled, source, list, op);
  return asScalars(flattenLogs(compiled, logs));
}

/**
 * Evaluates a compiled model on arrays, as TF.js' `evaluate` (Keras' `model.evaluate`): the loss
 * alone as a scalar tensor, or `[loss, ...metrics]` in `metricsNames` order. The loss includes
 * the model's regularization terms, as in Keras. The caller owns (and disposes) the results.
 * @example const [loss, accuracy] = (await evaluate(model, xTest, yTest)) as Tensor[];
 */
export async function evaluate(
  model: TrainableModel,
  x: ModelData,
  y: ModelData,
  args: EvaluateArgs = {},
): Promise<Tensor | Tensor[]> {
  const op = 'evaluate';
  args = checkOptionKeys(op, args, ['batchSize', 'verbose', 'sampleWeight', 'steps', 'callbacks']);
  requireCompiled(model, op);
  const batchSize = checkPositiveInteger(op, 'batchSize', args.batchSize ?? 32);
  const steps = args.steps === undefined ? undefined : checkPositiveInteger(op, 'steps', args.steps);
  const owned = new OwnedTensors();
  try {
    const xs = standardizeData(op, 'x', x, model.inputNames, owned);
    const ys = standardizeData(op, 'y', y, model.outputNames, owned);
    const sampleWeights = standardizeSampleWeights(op, args.sampleWeight, model.outputNames, owned);
    const samples = countSamples(op, [
      ['x', xs],
      ['y', ys],
      ['sampleWeight', sampleWeights],
    ]);
    const source = new ArraySource({ xs, ys, sampleWeights }, samples, batchSize, false, randomSource(0), steps);
    return await evaluateSource(op, model, source, args.verbose, args.callbacks);
  } finally {
    owned.dispose();
  }
}

/**
 * Evaluates a compiled model on a dataset of `[x, y]` batches, as TF.js' `evaluateDataset`.
 * @example const loss = await evaluateDataset(model, testBatches);
 */
export async function evaluateDataset(
  model: TrainableModel,
  dataset: Dataset,
  args: EvaluateDatasetArgs = {},
): Promise<Tensor | Tensor[]> {
  const op = 'evaluateDataset';
  args = checkOptionKeys(op, args, ['verbose', 'steps', 'callbacks', 'disposeBatches']);
  requireCompiled(model, op);
  const steps = args.steps === undefined ? undefined : checkPositiveInteger(op, 'steps', args.steps);
  const source = new DatasetSource(op, dataset, model, undefined, args.disposeBatches ?? !Array.isArray(dataset));
  const limited: BatchSource =
    steps === undefined ? source : { steps, beginEpoch: () => source.beginEpoch(), next: () => source.next() };
  return evaluateSource(op, model, limited, args.verbose, args.callbacks);
}
