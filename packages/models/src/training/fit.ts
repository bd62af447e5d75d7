import type { KerasOptions } from '@horn/tensor';
import { randomSource, Tensor, ValueError } from '@horn/tensor';
import type { Callback } from '../callbacks/callback.js';
import type { History } from '../callbacks/history.js';
import { checkPositiveInteger } from './batches.js';
import { requireCompiled } from './compile.js';
import { describeValue } from './compile-args.js';
import {
  type ClassWeight,
  classWeightsToSampleWeights,
  countSamples,
  isDataset,
  type ModelData,
  OwnedTensors,
  type SampleWeightData,
  sliceRows,
  splitAt,
  standardizeData,
  standardizeSampleWeights,
  standardizeTargets,
} from './data.js';
import { runTrainingLoop } from './loop.js';
import { callbackListFor, checkOptionKeys, resolveVerbose, type Verbosity } from './run-options.js';
import { type ArrayData, ArraySource, type BatchIterable, type BatchSource, DatasetSource } from './sources.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * Validation data: `[x, y]` or `[x, y, sampleWeight]` arrays (`[x]` or `[x, null]` for an `addLoss`-only model).
 * @example await model.fit(xTrain, yTrain, { epochs: 5, validationData: [xTest, yTest] });
 */
export type ValidationData =
  | readonly [ModelData]
  | readonly [ModelData, ModelData | null]
  | readonly [ModelData, ModelData | null, SampleWeightData];

/**
 * Options of {@link fit} (Keras 3's `fit` arguments in camelCase).
 * @example await model.fit(x, y, { epochs: 10, batchSize: 32, validationSplit: 0.2, verbose: 2 });
 */
export interface FitArgs {
  /** The epoch to stop at (with `initialEpoch`, the number of epochs run is `epochs - initialEpoch`). Default 1. */
  epochs?: number;
  /** Samples per gradient update. Default 32. */
  batchSize?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch; `'auto'` (default): 1 on a terminal, else 2. */
  verbose?: Verbosity;
  /** Callbacks; a `History` is added (and returned) and a `ProgbarLogger` when verbose. */
  callbacks?: Callback[];
  /** Fraction of the samples held out for validation: the LAST ones, taken before shuffling (Keras). */
  validationSplit?: number;
  /**
   * Data to validate on at epoch ends, `[x, y]` or `[x, y, sampleWeight]`, or a dataset of batches
   * (a generator or an iterable, re-iterated at each validation); overrides `validationSplit`.
   */
  validationData?: ValidationData | BatchIterable;
  /** Shuffle the training samples before each epoch. Default true. */
  shuffle?: boolean;
  /** Seed for the shuffle; default: the global stream (`setSeed`). */
  seed?: number;
  /** Class index to loss weight (single-output models); unlisted classes weigh 1. */
  classWeight?: ClassWeight;
  /** Per-sample loss weights `[n]` (for every output, or one per output). */
  sampleWeight?: SampleWeightData;
  /** The epoch to start at (to resume a previous run). Default 0. */
  initialEpoch?: number;
  /** Batches per epoch; the batch stream then continues across epochs. Default: one pass. */
  stepsPerEpoch?: number;
  /** Batch size for validation. Default `batchSize`. */
  validationBatchSize?: number;
  /** Validate every `validationFreq` epochs. Default 1. */
  validationFreq?: number;
}

const FIT_KEYS = [
  'epochs',
  'batchSize',
  'verbose',
  'callbacks',
  'validationSplit',
  'validationData',
  'shuffle',
  'seed',
  'classWeight',
  'sampleWeight',
  'initialEpoch',
  'stepsPerEpoch',
  'validationBatchSize',
  'validationFreq',
];

/**
 * Epoch options shared by `fit` and `fitDataset`, checked.
 * @example epochOptions('fit', { epochs: 5 }) // { epochs: 5, initialEpoch: 0, validationFreq: 1 }
 */
export function epochOptions(op: string, args: { epochs?: number; initialEpoch?: number; validationFreq?: number }) {
  const epochs = checkPositiveInteger(op, 'epochs', args.epochs ?? 1, true);
  const initialEpoch = checkPositiveInteger(op, 'initialEpoch', args.initialEpoch ?? 0, true);
  const validationFreq = checkPositiveInteger(op, 'validationFreq', args.validationFreq ?? 1);
  return { epochs, initialEpoch, validationFreq };
}

/**
 * Standardized validation arrays from `validationData`, or null.
 * @example validationArrays('fit', model, [xVal, yVal], owned)!.samples // xVal.shape[0]
 */
export function validationArrays(
  op: string,
  model: TrainableModel,
  data: ValidationData | undefined,
  owned: OwnedTensors,
): { arrays: ArrayData; samples: number } | null {
  if (data === undefined || data === null) return null;
  if (!Array.isArray(data) || data.length < 1 || data.length > 3) {
    throw new ValueError(`${op}: validationData must be [x, y] or [x, y, sampleWeight], got ${describeValue(data)}`);
  }
  const xs = standardizeData(op, 'validationData x', data[0], model.inputNames, owned);
  const ys = standardizeTargets(op, data[1], model, owned, 'validationData y');
  const sampleWeights = standardizeSampleWeights(op, data[2], model.outputNames, owned);
  const samples = countSamples(op, [
    ['validationData x', xs],
    ['validationData y', ys],
    ['validationData sampleWeight', sampleWeights],
  ]);
  return { arrays: { xs, ys, sampleWeights }, samples };
}

/**
 * A ValueError when `y` is an options object (`fit(x, { epochs: 5 })`), which would otherwise be
 * read as targets keyed by output name.
 */
function checkNotOptions(op: string, y: unknown, outputNames: readonly string[]): void {
  if (typeof y !== 'object' || y === null || Array.isArray(y) || y instanceof Tensor) return;
  const keys = Object.keys(y);
  const options = keys.filter((k) => FIT_KEYS.includes(k) && !outputNames.includes(k));
  if (options.length > 0) {
    throw new ValueError(
      `${op}: y holds options (${options.map((k) => `'${k}'`).join(', ')}); for a model without targets pass them third: fit(x, null, { ${options.join(', ')} })`,
    );
  }
}

/**
 * Trains a compiled model on arrays, as Keras 3's `model.fit`: epochs of shuffled mini-batches
 * (one optimizer step each), validation at epoch ends, callbacks throughout; returns the `History`
 * (also set as `model.history`). Logs use Keras names (`loss`, `accuracy`, `val_loss`,
 * `<output>_loss` for multi-output models). Leaks no tensors, and disposes none of the caller's.
 * `y` may be left out (undefined or null) for a model compiled without a loss whose loss comes
 * from `addLoss` alone: the loss is then the sum of `model.losses` (Keras 3 `fit(x)`); a model
 * compiled with a loss and given no `y` is a ValueError.
 * @example
 * model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
 * const history = await fit(model, xTrain, yTrain, { epochs: 5, batchSize: 128, validationSplit: 0.1 });
 * history.history.val_accuracy // one value per epoch
 */
export async function fit(
  model: TrainableModel,
  x: ModelData,
  y: ModelData | null | undefined,
  args: KerasOptions<FitArgs> = {},
): Promise<History> {
  const op = 'fit';
  args = checkOptionKeys(op, args, FIT_KEYS);
  const compiled = requireCompiled(model, op);
  const { epochs, initialEpoch, validationFreq } = epochOptions(op, args);
  const batchSize = checkPositiveInteger(op, 'batchSize', args.batchSize ?? 32);
  const stepsPerEpoch =
    args.stepsPerEpoch === undefined ? undefined : checkPositiveInteger(op, 'stepsPerEpoch', args.stepsPerEpoch);
  const verbose = resolveVerbose(op, args.verbose, args.callbacks ?? []);
  const owned = new OwnedTensors();
  try {
    const xs = standardizeData(op, 'x', x, model.inputNames, owned);
    checkNotOptions(op, y, model.outputNames);
    const ys = standardizeTargets(op, y, model, owned);
    let sampleWeights = standardizeSampleWeights(op, args.sampleWeight, model.outputNames, owned);
    if (args.classWeight !== undefined && args.classWeight !== null) {
      if (args.sampleWeight !== undefined && args.sampleWeight !== null) {
        throw new ValueError(`${op}: classWeight and sampleWeight cannot be used together (as in Keras)`);
      }
      if (ys.length !== 1)
        throw new ValueError(`${op}: classWeight is only supported for models with a single output and y`);
      sampleWeights = [owned.own(classWeightsToSampleWeights(op, ys[0], args.classWeight))];
    }
    let samples = countSamples(op, [
      ['x', xs],
      ['y', ys],
      ['sampleWeight', sampleWeights],
    ]);
    if (samples === 0) throw new ValueError(`${op}: x has no samples (its first dimension is 0)`);
    let train: ArrayData = { xs, ys, sampleWeights };
    const validationDataset = isDataset(args.validationData)
      ? new DatasetSource(op, args.validationData as BatchIterable, model, undefined, false)
      : null;
    let validation = validationDataset
      ? null
      : validationArrays(op, model, args.validationData as ValidationData | undefined, owned);
    if (!validation && !validationDataset && args.validationSplit !== undefined && args.validationSplit !== 0) {
      const at = splitAt(op, samples, args.validationSplit);
      const part = (ts: readonly (Tensor | null)[], start: number, size: number) =>
        sliceRows(ts, start, size).map((t) => (t ? owned.own(t) : null));
      const held = samples - at;
      validation = {
        arrays: {
          xs: part(xs, at, held) as Tensor[],
          ys: part(ys, at, held) as Tensor[],
          sampleWeights: part(sampleWeights, at, held),
        },
        samples: held,
      };
      train = {
        xs: part(xs, 0, at) as Tensor[],
        ys: part(ys, 0, at) as Tensor[],
        sampleWeights: part(sampleWeights, 0, at),
      };
      samples = at;
    }
    const shuffle = args.shuffle ?? true;
    const source = new ArraySource(train, samples, batchSize, shuffle, randomSource(args.seed), stepsPerEpoch);
    const validationSource: BatchSource | null = validationDataset
      ? validationDataset
      : validation
        ? new ArraySource(
            validation.arrays,
            validation.samples,
            checkPositiveInteger(op, 'validationBatchSize', args.validationBatchSize ?? batchSize),
            false,
            randomSource(0),
          )
        : null;
    const callbacks = callbackListFor(
      model,
      args.callbacks,
      {
        verbose,
        epochs,
        steps: source.steps,
        batchSize,
        samples,
        doValidation: validationSource !== null,
        metrics: metricNamesWithValidation(compiled.metricsNames, validationSource !== null),
      },
      true,
    );
    await runTrainingLoop(model, compiled, source, callbacks, {
      op,
      initialEpoch,
      epochs,
      validation: validationSource,
      validationFreq,
    });
    return callbacks.history!;
  } finally {
    owned.dispose();
  }
}

/**
 * The metric names the callbacks are told about: with `val_` copies when validating (TF.js' params.metrics).
 * @example metricNamesWithValidation(['loss'], true) // ['loss', 'val_loss']
 */
export function metricNamesWithValidation(names: readonly string[], validating: boolean): string[] {
  return validating ? [...names, ...names.map((n) => `val_${n}`)] : [...names];
}
