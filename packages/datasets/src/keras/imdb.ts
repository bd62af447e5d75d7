import { makeTensor, ValueError } from '@horn/tensor';
import type { NpyArray } from '../readers/npy.js';
import { parseNpz } from '../readers/npz.js';
import { objectArrayToSequences } from '../readers/pickle.js';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';
import { NumpyRandomState } from './numpy-random.js';
import type { TrainTestData } from './split.js';

/** Where IMDB comes from: Keras's preprocessed `imdb.npz` (word indices by frequency rank). */
export const IMDB_SOURCE: DatasetSource = {
  id: 'imdb',
  envName: 'IMDB',
  remote: [
    {
      name: 'imdb.npz',
      url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb.npz',
      sha256: '69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f',
      size: 17464789,
    },
  ],
  local: [['imdb.npz']],
};

/** Options of `imdb.loadData`, Keras's `imdb.load_data` arguments in camelCase. */
export interface ImdbOptions extends SourceOptions {
  /** Keep the `numWords` most frequent words; rarer ones become `oovChar`. Default: all. */
  numWords?: number;
  /** Also treat the `skipTop` most frequent words as out of vocabulary. Default 0. */
  skipTop?: number;
  /** Drop reviews whose length (with the start mark) is not below `maxlen`. Default: keep all. */
  maxlen?: number;
  /** Seed of the shuffle (NumPy's RandomState, reproduced exactly). Default 113. */
  seed?: number;
  /** Index put at the start of every review; `null` for none. Default 1. */
  startChar?: number | null;
  /** Index of out-of-vocabulary words; `null` drops them. Default 2. */
  oovChar?: number | null;
  /** Offset added to every word index. Default 3. */
  indexFrom?: number;
}

/**
 * The IMDB movie-review sentiment set, as `keras.datasets.imdb.load_data()`: 25,000 training and
 * 25,000 test reviews as word-index sequences (`number[][]`, since reviews differ in length: use
 * `padSequences` from @horn/preprocessing to get a tensor) and labels int32 `[n]` (1 positive, 0 negative).
 * Keras's semantics, including its shuffle (seed 113) and its quirk that without `numWords` the
 * largest index is replaced by `oovChar`. Files: `{ path }` / `HORN_IMDB_PATH` / `HORN_DATA_PATH/imdb`
 * holding `imdb.npz`, else cache, else a download from Keras's storage, sha256-checked.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await imdb.loadData({ numWords: 10000 });
 */
export const imdb = {
  loadData: async (options: ImdbOptions = {}): Promise<TrainTestData<number[][]>> => {
    const files = await datasetFiles(IMDB_SOURCE, options);
    const arrays = parseNpz(files.get('imdb.npz')!, 'imdb.npz');
    return prepareImdb(arrays, options);
  },
};

/**
 * Keras's `imdb.load_data` processing applied to the arrays of an `imdb.npz`.
 * @example prepareImdb(parseNpz(bytes), { numWords: 10000 })
 */
export function prepareImdb(arrays: Record<string, NpyArray>, options: ImdbOptions = {}): TrainTestData<number[][]> {
  const { skipTop = 0, seed = 113, indexFrom = 3 } = options;
  const startChar = options.startChar === undefined ? 1 : options.startChar;
  const oovChar = options.oovChar === undefined ? 2 : options.oovChar;
  const rng = new NumpyRandomState(seed);
  const part = (x: string, y: string) => {
    const seqs = objectArrayToSequences(need(arrays, x).pickle ?? notObject(x), `imdb.npz ${x}`);
    const labels = need(arrays, y).values;
    if (labels === null || labels.length !== seqs.length)
      throw new ValueError(`imdb: ${y} does not match ${x} in length`);
    const order = rng.permutation(seqs.length);
    return {
      seqs: Array.from(order, (i) => (startChar !== null ? [startChar] : []).concat(seqs[i].map((w) => w + indexFrom))),
      labels: Array.from(order, (i) => labels[i]),
    };
  };
  let train = part('x_train', 'y_train');
  let test = part('x_test', 'y_test');
  if (options.maxlen) {
    const maxlen = options.maxlen;
    const keep = (p: typeof train) => {
      const idx = p.seqs.map((s, i) => (s.length < maxlen ? i : -1)).filter((i) => i >= 0);
      return { seqs: idx.map((i) => p.seqs[i]), labels: idx.map((i) => p.labels[i]) };
    };
    train = keep(train);
    test = keep(test);
    if (train.seqs.length === 0 || test.seqs.length === 0) {
      throw new ValueError(`imdb: maxlen=${maxlen} removes every review of a split; increase maxlen`);
    }
  }
  let numWords = options.numWords;
  if (!numWords) {
    numWords = 0;
    for (const s of [...train.seqs, ...test.seqs]) for (const w of s) if (w > numWords) numWords = w;
  }
  const limit = numWords;
  const vocab = (s: number[]) =>
    oovChar !== null
      ? s.map((w) => (w >= skipTop && w < limit ? w : oovChar))
      : s.filter((w) => w >= skipTop && w < limit);
  const labelTensor = (l: number[]) => makeTensor(Int32Array.from(l), [l.length], 'int32');
  return [
    [train.seqs.map(vocab), labelTensor(train.labels)],
    [test.seqs.map(vocab), labelTensor(test.labels)],
  ];
}

function need(arrays: Record<string, NpyArray>, key: string): NpyArray {
  const a = arrays[key];
  if (a === undefined)
    throw new ValueError(`imdb: imdb.npz has no array '${key}' (has ${Object.keys(arrays).join(', ')})`);
  return a;
}

function notObject(key: string): never {
  throw new ValueError(`imdb: imdb.npz array '${key}' is not an object array of sequences`);
}
