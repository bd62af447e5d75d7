import type { KerasOptions } from '@horn/tensor';
import { randomSource, scalar, type Tensor, ValueError } from '@horn/tensor';
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
  standardizeTargets,
} from './data.js';
import { runTestLoop } from './loop.js';
import { callbackListFor, checkOptionKeys, resolveVerbose, type Verbosity } from './run-options.js';
import { ArraySource, type BatchSource, type Dataset, DatasetSource } from './sources.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * How `evaluate` reports, shared by its array and dataset forms. Keras 3 is the default: plain
 * numbers, the loss alone or `[loss, ...metrics]` in `metricsNames` order.
 * @example
 * const logs = (await model.evaluate(x, y, { verbose: 0, returnDict: true })) as Logs; // { loss, mae }
 * const loss = (await model.evaluate(x, y, { verbose: 0, returnTensors: true })) as Tensor[]; // scalar tensors; dispose them
 */
export interface EvaluateResultArgs {
  /** Return a record of log name to number (`{ loss, accuracy, priority_loss }`), as Keras' `return_dict=True`. */
  returnDict?: boolean;
  /**
   * Return scalar tensors instead of numbers (TF.js' `evaluate` form: a scalar or a list; the
   * caller disposes them). Cannot be combined with `returnDict`.
   */
  returnTensors?: boolean;
}

/**
 * Options of {@link evaluate}.
 * @example const [loss, accuracy] = (await model.evaluate(xTest, yTest, { batchSize: 128, verbose: 0 })) as number[];
 */
export interface EvaluateArgs extends EvaluateResultArgs {
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

/**
 * Options of {@link evaluateDataset}.
 * @example
 * const batches = [[tensor([[1, 2]]), tensor([[1]])], [tensor([[3, 4]]), tensor([[2]])]] as const;
 * await model.evaluateDataset(batches, { steps: 1, verbose: 0, callbacks: [], disposeBatches: false }); // the first batch's loss
 */
export interface EvaluateDatasetArgs extends EvaluateResultArgs {
  verbose?: Verbosity;
  /** Batches to evaluate. Default: the whole dataset. */
  steps?: number;
  callbacks?: Callback[];
  /** Whether the dataset hands its batch tensors over, to be disposed after their step. Default false (see fitDataset). */
  disposeBatches?: boolean;
}

/**
 * What `evaluate` resolves to: numbers (default), a record (`returnDict`) or tensors (`returnTensors`).
 * @example
 * model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
 * await model.evaluate(x, y, { verbose: 0 }); // [14.5, 3.5]: [loss, mae], as Keras 3
 * await model.evaluate(x, y, { verbose: 0, returnDict: true }); // { loss: 14.5, mae: 3.5 }
 */
export type EvaluateResult = number | number[] | Logs | Tensor | Tensor[];

const RESULT_KEYS = ['returnDict', 'returnTensors'];

/**
 * The logs as Keras' `_flatten_metrics_in_order` orders them: `metricsNames` first, then any other
 * key sorted; a single value alone.
 * @example flattenLogs(compiled, { accuracy: 0.9, loss: 0.2 }) // [0.2, 0.9]
 */
export function flattenLogs(compiled: CompiledState, logs: Logs): number | number[] {
  const names = compiled.metricsNames.filter((n) => Object.hasOwn(logs, n));
  const rest = Object.keys(logs)
    .filter((k) => !names.includes(k))
    .sort();
  const values = [...names, ...rest].map((k) => logs[k]);
  return values.length === 1 ? values[0] : values;
}

function checkResultArgs(op: string, args: EvaluateResultArgs): void {
  for (const key of RESULT_KEYS) {
    const v = (args as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'boolean') throw new ValueError(`${op}: ${key} must be a boolean, got ${v}`);
  }
  if (args.returnDict && args.returnTensors) {
    throw new ValueError(
      `${op}: returnDict and returnTensors cannot both be true; returnDict gives a record of numbers`,
    );
  }
}

function report(compiled: CompiledState, logs: Logs, args: EvaluateResultArgs): EvaluateResult {
  if (args.returnDict) return { ...logs };
  const values = flattenLogs(compiled, logs);
  if (!args.returnTensors) return values;
  return Array.isArray(values) ? values.map((v) => scalar(v)) : scalar(values);
}

async function evaluateSource(
  op: string,
  model: TrainableModel,
  source: BatchSource,
  args: { verbose?: Verbosity; callbacks?: Callback[] } & EvaluateResultArgs,
): Promise<EvaluateResult> {
  const compiled = requireCompiled(model, op);
  const level = resolveVerbose(op, args.verbose, args.callbacks ?? []);
  const list = callbackListFor(model, args.callbacks, { verbose: level, epochs: 1, steps: source.steps }, false);
  const logs = await runTestLoop(model, compiled, source, list, op);
  return report(compiled, logs, args);
}

/**
 * Evaluates a compiled model on arrays, as Keras 3's `model.evaluate`: resolves to plain numbers,
 * the loss alone or `[loss, ...metrics]` in `metricsNames` order; `returnDict: true` gives a
 * record by log name (`{ loss, accuracy }`), and `returnTensors: true` TF.js' scalar tensors
 * (which the caller disposes). The loss includes the model's regularization terms, as in Keras.
 * `y` may be left out for a model whose loss comes from `addLoss` alone.
 * @example
 * const [loss, accuracy] = (await evaluate(model, xTest, yTest)) as number[];
 * const { accuracy: acc } = (await evaluate(model, xTest, yTest, { returnDict: true })) as Logs;
 */
export async function evaluate(
  model: TrainableModel,
  x: ModelData,
  y: ModelData | null | undefined,
  args: KerasOptions<EvaluateArgs> = {},
): Promise<EvaluateResult> {
  const op = 'evaluate';
  args = checkOptionKeys(op, args, ['batchSize', 'verbose', 'sampleWeight', 'steps', 'callbacks', ...RESULT_KEYS]);
  checkResultArgs(op, args);
  requireCompiled(model, op);
  const batchSize = checkPositiveInteger(op, 'batchSize', args.batchSize ?? 32);
  const steps = args.steps === undefined ? undefined : checkPositiveInteger(op, 'steps', args.steps);
  const owned = new OwnedTensors();
  try {
    const xs = standardizeData(op, 'x', x, model.inputNames, owned);
    const ys = standardizeTargets(op, y, model, owned);
    const sampleWeights = standardizeSampleWeights(op, args.sampleWeight, model.outputNames, owned);
    const samples = countSamples(op, [
      ['x', xs],
      ['y', ys],
      ['sampleWeight', sampleWeights],
    ]);
    const source = new ArraySource({ xs, ys, sampleWeights }, samples, batchSize, false, randomSource(0), steps);
    return await evaluateSource(op, model, source, args);
  } finally {
    owned.dispose();
  }
}

/**
 * Evaluates a compiled model on a dataset of `[x, y]` batches (Keras' `evaluate(dataset)`, TF.js'
 * `evaluateDataset`), reporting as {@link evaluate}. The dataset's tensors stay the dataset's.
 * @example const loss = (await evaluateDataset(model, testBatches)) as number;
 */
export async function evaluateDataset(
  model: TrainableModel,
  dataset: Dataset,
  args: KerasOptions<EvaluateDatasetArgs> = {},
  op = 'evaluateDataset',
): Promise<EvaluateResult> {
  args = checkOptionKeys(op, args, ['verbose', 'steps', 'callbacks', 'disposeBatches', ...RESULT_KEYS]);
  checkResultArgs(op, args);
  requireCompiled(model, op);
  const steps = args.steps === undefined ? undefined : checkPositiveInteger(op, 'steps', args.steps);
  const source = new DatasetSource(op, dataset, model, undefined, args.disposeBatches ?? false);
  const limited: BatchSource =
    steps === undefined ? source : { steps, beginEpoch: () => source.beginEpoch(), next: () => source.next() };
  return evaluateSource(op, model, limited, args);
}
