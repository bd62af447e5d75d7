import { type Random, Tensor, ValueError } from '@horn/tensor';
import { BatchStream } from './batches.js';
import { describeValue } from './compile-args.js';
import {
  type ClassWeight,
  classWeightsToSampleWeights,
  countSamples,
  type ModelData,
  OwnedTensors,
  type SampleWeightData,
  sliceRows,
  standardizeData,
  standardizeSampleWeights,
  standardizeTargets,
  takeRows,
} from './data.js';
import type { StepData } from './train-step.js';
import type { TrainableModel } from './trainable-model.js';

/** A batch and the tensors to dispose once its step is done. */
export interface SourceBatch {
  data: StepData;
  owned: OwnedTensors;
}

/** Where a training or evaluation loop gets its batches. */
export interface BatchSource {
  /** Batches per epoch, or null when unknown (a dataset without `stepsPerEpoch`). */
  readonly steps: number | null;
  /** Called at the start of each epoch (or evaluation). */
  beginEpoch(): void;
  /** The next batch of this epoch, or null at its end. */
  next(): Promise<SourceBatch | null>;
}

/** Standardized arrays: a tensor per input, per output, a sample weight per output. */
export interface ArrayData {
  xs: Tensor[];
  ys: Tensor[];
  sampleWeights: (Tensor | null)[];
}

/**
 * Batches of in-memory arrays (Keras' array data adapter): shuffled per pass when asked, slices
 * otherwise. With `stepsPerEpoch`, epochs take that many batches from a stream that continues
 * across epochs.
 * @example new ArraySource(data, n, 32, true, randomSource(), undefined)
 */
export class ArraySource implements BatchSource {
  readonly steps: number;
  private readonly stream: BatchStream;

  constructor(
    private readonly arrays: ArrayData,
    samples: number,
    batchSize: number,
    shuffle: boolean,
    rng: Random,
    private readonly stepsPerEpoch?: number,
  ) {
    this.stream = new BatchStream(samples, batchSize, shuffle, rng);
    this.steps = stepsPerEpoch ?? this.stream.batchesPerPass;
  }

  beginEpoch(): void {
    if (this.stepsPerEpoch === undefined || this.stream.atPassEnd) this.stream.restart();
  }

  async next(): Promise<SourceBatch | null> {
    const rows = this.stream.next();
    if (!rows) return null;
    const owned = new OwnedTensors();
    const take = (ts: readonly (Tensor | null)[]) =>
      ('indices' in rows ? takeRows(ts, rows.indices) : sliceRows(ts, rows.start, rows.size)).map((t) =>
        t ? owned.own(t) : null,
      );
    const { xs, ys, sampleWeights } = this.arrays;
    return { data: { xs: take(xs) as Tensor[], ys: take(ys) as Tensor[], sampleWeights: take(sampleWeights) }, owned };
  }
}

/**
 * One element of a dataset: `[x, y]`, `[x, y, sampleWeight]`, or TF.js' `{ xs, ys, sampleWeight? }`;
 * for a model whose loss comes from `addLoss` alone (and for `predict`), `x` alone: a tensor,
 * `[x]` or `{ xs }`.
 * @example
 * const pair: DatasetElement = [tensor([[1, 2]]), tensor([[1]])];
 * const weighted: DatasetElement = [tensor([[1, 2]]), tensor([[1]]), tensor([0.5])];
 * const tfjsStyle: DatasetElement = { xs: tensor([[3, 4]]), ys: tensor([[2]]) };
 * await model.fitDataset([pair, weighted, tfjsStyle], { verbose: 0 });
 */
export type DatasetElement =
  | Tensor
  | readonly [ModelData]
  | readonly [ModelData, ModelData | null]
  | readonly [ModelData, ModelData | null, SampleWeightData]
  | { xs: ModelData; ys?: ModelData | null; sampleWeight?: SampleWeightData };

/**
 * A dataset of batches: an array, any iterable, or an async iterable (an async generator, a TF.js-like dataset).
 * @example
 * const dataset: Dataset = [[tensor([[1, 2]]), tensor([[1]])], [tensor([[3, 4]]), tensor([[2]])]];
 * await model.fitDataset(dataset, { epochs: 2, verbose: 0 }); // an array is re-read each epoch
 */
export type Dataset = AsyncIterable<DatasetElement> | Iterable<DatasetElement>;

/**
 * A dataset that is not an array (a generator, an async iterable, a Set): what `fit(dataset)`,
 * `evaluate(dataset)` and `predict(dataset)` take, since an array there is data (a list of tensors).
 * @example
 * async function* batches() {
 *   yield [tensor([[1, 2]]), tensor([[1]])];
 *   yield { xs: tensor([[3, 4]]), ys: tensor([[2]]) };
 * }
 * await model.fit(batches(), undefined, { epochs: 1, verbose: 0 }); // a generator: read once
 */
export type BatchIterable =
  | AsyncIterable<DatasetElement>
  | (Iterable<DatasetElement> & { readonly length?: undefined });

/**
 * A fresh iterator over a dataset, or a ValueError (naming `op`) for anything else.
 * @example const it = iteratorOf('fit', batches); await it.next();
 */
export function iteratorOf(op: string, dataset: Dataset): AsyncIterator<DatasetElement> | Iterator<DatasetElement> {
  if (typeof (dataset as AsyncIterable<DatasetElement>)[Symbol.asyncIterator] === 'function') {
    return (dataset as AsyncIterable<DatasetElement>)[Symbol.asyncIterator]();
  }
  if (typeof (dataset as Iterable<DatasetElement>)[Symbol.iterator] === 'function') {
    return (dataset as Iterable<DatasetElement>)[Symbol.iterator]();
  }
  throw new ValueError(
    `${op}: the dataset must be an iterable or an async iterable of [x, y] batches, got ${describeValue(dataset)}`,
  );
}

/**
 * The parts of a dataset element: `x`, `y` (undefined when absent) and the sample weights.
 * @example splitElement('fit', [x, y]) // { x, y, sw: undefined }
 */
export function splitElement(
  op: string,
  element: DatasetElement,
): { x: ModelData; y: ModelData | null | undefined; sw: SampleWeightData | undefined } {
  if (element instanceof Tensor) return { x: element, y: undefined, sw: undefined };
  if (Array.isArray(element) && element.length >= 1 && element.length <= 3) {
    return { x: element[0] as ModelData, y: element[1] as ModelData | null | undefined, sw: element[2] };
  }
  if (element !== null && typeof element === 'object' && !Array.isArray(element) && 'xs' in element) {
    const e = element as { xs: ModelData; ys?: ModelData | null; sampleWeight?: SampleWeightData };
    return { x: e.xs, y: e.ys, sw: e.sampleWeight };
  }
  throw new ValueError(
    `${op}: each dataset element must be [x, y], [x, y, sampleWeight], { xs, ys } or (without targets) x, got ${describeValue(element)}`,
  );
}

/**
 * Batches from a dataset. Without `stepsPerEpoch` each epoch iterates the dataset afresh; with it,
 * one iterator continues across epochs and is restarted when it runs out. Ownership: the tensors a
 * dataset yields belong to the dataset; they are read, never disposed, unless `disposeBatches` is
 * true (the dataset then hands each batch over, and it is disposed after its step). Tensors made
 * here (from nested arrays, casts, class weights) are disposed after the step either way.
 * @example const source = new DatasetSource('fitDataset', batches, model, undefined, true);
 */
export class DatasetSource implements BatchSource {
  readonly steps: number | null;
  private iterator: AsyncIterator<DatasetElement> | Iterator<DatasetElement> | null = null;

  constructor(
    private readonly op: string,
    private readonly dataset: Dataset,
    private readonly model: TrainableModel,
    private readonly stepsPerEpoch: number | undefined,
    private readonly disposeBatches: boolean,
    private readonly classWeight?: ClassWeight,
  ) {
    this.steps = stepsPerEpoch ?? null;
    iteratorOf(op, dataset);
  }

  beginEpoch(): void {
    if (this.stepsPerEpoch === undefined || this.iterator === null) this.iterator = iteratorOf(this.op, this.dataset);
  }

  async next(): Promise<SourceBatch | null> {
    this.iterator ??= iteratorOf(this.op, this.dataset);
    const result = await this.iterator.next();
    if (result.done) {
      this.iterator = null;
      return null;
    }
    return this.standardize(result.value);
  }

  private standardize(element: DatasetElement): SourceBatch {
    const { op, model } = this;
    const { x, y, sw } = splitElement(op, element);
    const owned = new OwnedTensors();
    const xs = standardizeData(op, 'x', x, model.inputNames, owned);
    const ys = standardizeTargets(op, y, model, owned);
    let sampleWeights = standardizeSampleWeights(op, sw, model.outputNames, owned);
    if (this.classWeight) {
      if (sw !== undefined) throw new ValueError(`${op}: classWeight and sampleWeight cannot be used together`);
      if (ys.length !== 1) throw new ValueError(`${op}: classWeight needs one target tensor per batch`);
      sampleWeights = [owned.own(classWeightsToSampleWeights(op, ys[0], this.classWeight))];
    }
    countSamples(op, [
      ['x', xs],
      ['y', ys],
      ['sampleWeight', sampleWeights],
    ]);
    if (this.disposeBatches) for (const t of [...xs, ...ys, ...sampleWeights]) if (t) owned.own(t);
    return { data: { xs, ys, sampleWeights }, owned };
  }
}
