import type { KerasOptions } from '@horn/tensor';
import { randomSource, Tensor, ValueError } from '@horn/tensor';
import type { Callback } from '../callbacks/callback.js';
import type { History } from '../callbacks/history.js';
import { checkPositiveInteger } from './batches.js';
import { requireCompiled } from './compile.js';
import { type ClassWeight, isDataset, OwnedTensors } from './data.js';
import { epochOptions, metricNamesWithValidation, type ValidationData, validationArrays } from './fit.js';
import { runTrainingLoop } from './loop.js';
import { callbackListFor, checkOptionKeys, resolveVerbose, type Verbosity } from './run-options.js';
import { ArraySource, type BatchSource, type Dataset, DatasetSource } from './sources.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * Options of {@link fitDataset}.
 * @example
 * const batches = [[tensor([[1, 2]]), tensor([[1]])], [tensor([[3, 4]]), tensor([[2]])]] as const;
 * const history = await model.fitDataset(batches, {
 *   epochs: 3, initialEpoch: 1, verbose: 0, validationData: [tensor([[1, 2]]), tensor([[1]])], validationFreq: 2,
 * });
 * history.epoch; // [1, 2]
 */
export interface FitDatasetArgs {
  /** The epoch to stop at. Default 1. */
  epochs?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch; `'auto'` (default): 1 on a terminal, else 2. */
  verbose?: Verbosity;
  /** Callbacks; a `History` is added (and returned). */
  callbacks?: Callback[];
  /**
   * `[x, y]` or `[x, y, sampleWeight]` with x a tensor or a record of tensors by input name (batched
   * by `validationBatchSize`), or a dataset of batches.
   */
  validationData?: ValidationData | Dataset;
  /** Batch size for array validation data. Default 32. */
  validationBatchSize?: number;
  /** Batches taken from a validation dataset per validation. Default: all. */
  validationSteps?: number;
  /** Validate every `validationFreq` epochs. Default 1. */
  validationFreq?: number;
  /** Batches per epoch; one iterator then continues across epochs. Default: one pass over the dataset. */
  stepsPerEpoch?: number;
  /** The epoch to start at. Default 0. */
  initialEpoch?: number;
  /** Class index to loss weight (single-output models). */
  classWeight?: ClassWeight;
  /**
   * Whether the dataset hands its batch tensors over, to be disposed after their step. Default
   * false: the tensors a dataset yields belong to the dataset, and training never disposes them
   * (a batch can be reused after an epoch). Set true for a generator that makes a fresh batch per
   * step and keeps no reference to it, so device memory is freed as training goes.
   */
  disposeBatches?: boolean;
}

const KEYS = [
  'epochs',
  'verbose',
  'callbacks',
  'validationData',
  'validationBatchSize',
  'validationSteps',
  'validationFreq',
  'stepsPerEpoch',
  'initialEpoch',
  'classWeight',
  'disposeBatches',
];

// `[x, y]` arrays have a tensor (or a record of tensors) first; a dataset of batches has batches first.
const isArrayPair = (data: unknown): data is ValidationData =>
  Array.isArray(data) &&
  data.length >= 1 &&
  data.length <= 3 &&
  (data[0] instanceof Tensor ||
    (typeof data[0] === 'object' &&
      data[0] !== null &&
      !Array.isArray(data[0]) &&
      !('xs' in data[0]) &&
      !isDataset(data[0])));

/** A source that stops after `steps` batches of another. */
function limited(source: BatchSource, steps: number): BatchSource {
  return { steps, beginEpoch: () => source.beginEpoch(), next: () => source.next() };
}

/**
 * Trains a compiled model on a dataset of batches, as TF.js' `fitDataset` (Keras' `fit` on a
 * `tf.data.Dataset`): an array, iterable or async iterable (e.g. an async generator function's
 * result wrapped to restart) of `[x, y]`, `[x, y, sampleWeight]` or `{ xs, ys }` batches. Without
 * `stepsPerEpoch` each epoch iterates the dataset from its start, so it must be re-iterable.
 * `model.fit(dataset, args)` calls this. Ownership: the dataset's tensors stay the dataset's;
 * training reads them and disposes none, unless `disposeBatches: true` hands them over.
 * @example
 * const batches = { async *[Symbol.asyncIterator]() { for (const b of chunks) yield [b.x, b.y] as const; } };
 * await fitDataset(model, batches, { epochs: 3, validationData: [xVal, yVal] });
 */
export async function fitDataset(
  model: TrainableModel,
  dataset: Dataset,
  args: KerasOptions<FitDatasetArgs> = {},
  op = 'fitDataset',
): Promise<History> {
  args = checkOptionKeys(op, args, KEYS);
  const compiled = requireCompiled(model, op);
  const { epochs, initialEpoch, validationFreq } = epochOptions(op, args);
  const stepsPerEpoch =
    args.stepsPerEpoch === undefined ? undefined : checkPositiveInteger(op, 'stepsPerEpoch', args.stepsPerEpoch);
  if (args.classWeight && model.outputNames.length > 1) {
    throw new ValueError(`${op}: classWeight is only supported for models with a single output`);
  }
  const verbose = resolveVerbose(op, args.verbose, args.callbacks ?? []);
  const disposeBatches = args.disposeBatches ?? false;
  const source = new DatasetSource(op, dataset, model, stepsPerEpoch, disposeBatches, args.classWeight);
  const owned = new OwnedTensors();
  try {
    let validation: BatchSource | null = null;
    const v = args.validationData;
    if (v !== undefined && v !== null) {
      if (isArrayPair(v)) {
        const arrays = validationArrays(op, model, v, owned)!;
        const batchSize = checkPositiveInteger(op, 'validationBatchSize', args.validationBatchSize ?? 32);
        validation = new ArraySource(arrays.arrays, arrays.samples, batchSize, false, randomSource(0));
      } else {
        validation = new DatasetSource(op, v as Dataset, model, undefined, disposeBatches);
      }
      if (args.validationSteps !== undefined) {
        validation = limited(validation, checkPositiveInteger(op, 'validationSteps', args.validationSteps));
      }
    }
    const callbacks = callbackListFor(
      model,
      args.callbacks,
      {
        verbose,
        epochs,
        steps: source.steps,
        doValidation: validation !== null,
        metrics: metricNamesWithValidation(compiled.metricsNames, validation !== null),
      },
      true,
    );
    await runTrainingLoop(model, compiled, source, callbacks, { op, initialEpoch, epochs, validation, validationFreq });
    return callbacks.history!;
  } finally {
    owned.dispose();
  }
}
