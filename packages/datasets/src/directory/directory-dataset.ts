import { makeTensor, type Tensor } from '@horn/tensor';
import { NumpyRandomState } from '../keras/numpy-random.js';

/**
 * How labels are encoded: 'int' (int32 `[batch]`), 'categorical' (float32 one-hot `[batch, classes]`), 'binary' (float32 `[batch, 1]`), or null (none).
 * @example await imageDatasetFromDirectory('photos', { labelMode: 'categorical' });
 */
export type LabelMode = 'int' | 'categorical' | 'binary' | null;

/**
 * One batch with labels, in the `{ xs, ys }` shape `model.fit` / `fitDataset` take (TF.js's
 * dataset element; structurally the `DatasetElement` of @horn/models).
 * @example for await (const { xs, ys } of dataset) console.log(xs.shape, ys.shape);
 */
export interface LabeledBatch<X> {
  xs: X;
  ys: Tensor;
}

/** What a {@link DirectoryDataset} is built from. */
export interface DirectoryDatasetSpec<X> {
  filePaths: readonly string[];
  labels: Int32Array | null;
  labelMode: LabelMode;
  classNames: string[] | null;
  /** Samples per batch, or null to yield single samples. */
  batchSize: number | null;
  /** Reshuffle the files on every pass (a full seeded shuffle). */
  shuffle: boolean;
  seed: number;
  /** Reads the files of one batch (or of one sample, `batched` false). */
  load: (paths: readonly string[], batched: boolean) => Promise<X>;
}

/**
 * A dataset of files read from a directory, as Keras's `*_dataset_from_directory` returns: an async
 * iterable of batches (`{ xs, ys }`, or bare `xs` without labels) that `model.fit` accepts, read from
 * disk lazily, batch by batch, with fresh tensors each pass (fit disposes them after each step).
 * With `shuffle` the order is reshuffled every pass from the seed (Keras reshuffles with tf.data
 * within a buffer of 8 batches, whose order cannot be reproduced outside TensorFlow).
 * @example
 * const train = await imageDatasetFromDirectory('photos', { imageSize: [64, 64], seed: 1 });
 * console.log(train.classNames, train.length);
 * for await (const { xs, ys } of train) console.log(xs.shape, ys.shape);
 */
export class DirectoryDataset<E> implements AsyncIterable<E> {
  /** The class names, index = label (sub-folder names with inferred labels); null without labels. */
  readonly classNames: string[] | null;
  /** The files, in the order of the (first, unshuffled) pass. */
  readonly filePaths: readonly string[];
  /** Samples per batch, or null when samples come one by one. */
  readonly batchSize: number | null;
  private readonly rng: NumpyRandomState;

  constructor(private readonly spec: DirectoryDatasetSpec<unknown>) {
    this.classNames = spec.classNames;
    this.filePaths = spec.filePaths;
    this.batchSize = spec.batchSize;
    this.rng = new NumpyRandomState(spec.seed);
  }

  /** Elements per pass: batches (the last may be smaller), or samples when `batchSize` is null. */
  get length(): number {
    const n = this.spec.filePaths.length;
    return this.spec.batchSize === null ? n : Math.ceil(n / this.spec.batchSize);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<E> {
    const { filePaths, labels, labelMode, batchSize, load } = this.spec;
    const n = filePaths.length;
    const order = this.spec.shuffle ? this.rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
    const step = batchSize ?? 1;
    for (let start = 0; start < n; start += step) {
      const rows = order.subarray(start, Math.min(start + step, n));
      const xs = await load(
        Array.from(rows, (i) => filePaths[i]),
        batchSize !== null,
      );
      if (labels === null || labelMode === null) {
        yield xs as E;
        continue;
      }
      const ys = labelTensor(
        Array.from(rows, (i) => labels[i]),
        labelMode,
        this.spec.classNames?.length ?? 0,
        batchSize !== null,
      );
      yield { xs, ys } as E;
    }
  }
}

// Keras's labels_to_dataset: int32 labels, float32 [1] for binary, float32 one-hot for categorical.
function labelTensor(
  values: number[],
  mode: 'int' | 'categorical' | 'binary',
  numClasses: number,
  batched: boolean,
): Tensor {
  const lead = batched ? [values.length] : [];
  if (mode === 'int') return makeTensor(Int32Array.from(values), lead, 'int32');
  if (mode === 'binary') return makeTensor(Float32Array.from(values), [...lead, 1], 'float32');
  const out = new Float32Array(values.length * numClasses);
  // Like tf.one_hot, a label outside [0, numClasses) is an all-zero row.
  values.forEach((v, i) => {
    if (v >= 0 && v < numClasses) out[i * numClasses + v] = 1;
  });
  return makeTensor(out, [...lead, numClasses], 'float32');
}
