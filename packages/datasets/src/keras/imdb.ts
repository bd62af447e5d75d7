import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import type { NpyArray } from '../readers/npy.js';
import { parseNpz } from '../readers/npz.js';
import { objectArrayToSequences } from '../readers/pickle.js';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';
import { NumpyRandomState } from './numpy-random.js';
import type { TrainTestData } from './split.js';
import { loadWordIndex } from './word-index.js';
import { keepShorter, type LabelledSequences, limitVocabulary, markAndShift } from './word-sequences.js';

/**
 * Where IMDB comes from: Keras's preprocessed `imdb.npz` (word indices by frequency rank).
 * @example
 * IMDB_SOURCE.remote[0].name; // 'imdb.npz'
 * const files = await datasetFiles(IMDB_SOURCE, { path: 'data/imdb' });
 */
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

/**
 * Keras's `imdb_word_index.json` (word -> frequency rank, 88,584 words; 1,641,221 bytes). Keras
 * pins its md5, `bfafd718b763782e994055a2d397834f`; no copy of the file was reachable to compute
 * the sha256 Horn pins, so it is `null` for now: the file is read from `{ path }` /
 * `HORN_IMDB_PATH` / `HORN_DATA_PATH/imdb` and never downloaded. To pin it: download the file,
 * check `md5sum` gives Keras's md5, and put its `sha256sum` here.
 * @example
 * IMDB_WORD_INDEX_SOURCE.remote[0].sha256; // null: not pinned, so read from a path only
 * const words = await imdb.getWordIndex({ path: 'data/imdb' }); // reads imdb_word_index.json there
 */
export const IMDB_WORD_INDEX_SOURCE: DatasetSource = {
  id: 'imdb',
  envName: 'IMDB',
  remote: [
    {
      name: 'imdb_word_index.json',
      url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json',
      sha256: null,
      size: 1641221,
    },
  ],
  local: [['imdb_word_index.json']],
};

/**
 * Options of `imdb.loadData`, Keras's `imdb.load_data` arguments in camelCase.
 * @example
 * const [[xTrain, yTrain]] = await imdb.loadData({ numWords: 10000, skipTop: 20, maxlen: 200, seed: 113, path: 'data/imdb' });
 * // every index in xTrain is < 10000; the 20 most frequent words and the rarer ones are oovChar (2)
 */
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
  /**
   * `keras.datasets.imdb.get_word_index()`: word -> frequency rank (1 the most frequent) as a
   * `Map`. In `loadData`'s sequences a word of rank r is `r + indexFrom` (3 by default): 0 is
   * padding, 1 the start mark, 2 out of vocabulary, so 'the' (rank 1) is 4. `decodeSequence`
   * applies these conventions. The file comes from `{ path }` / `HORN_IMDB_PATH` /
   * `HORN_DATA_PATH/imdb` (see {@link IMDB_WORD_INDEX_SOURCE}).
   * @example
   * const words = await imdb.getWordIndex({ path: 'data/imdb' });
   * const [[xTrain]] = await imdb.loadData({ path: 'data/imdb' });
   * decodeSequence(xTrain[0], words) // '[START] ...' the first review's words
   */
  getWordIndex: (options: SourceOptions = {}): Promise<Map<string, number>> =>
    loadWordIndex(IMDB_WORD_INDEX_SOURCE, options),
};

/**
 * Keras's `imdb.load_data` processing applied to the arrays of an `imdb.npz`.
 * @example prepareImdb(parseNpz(bytes), { numWords: 10000 })
 */
export function prepareImdb(arrays: Record<string, NpyArray>, options: ImdbOptions = {}): TrainTestData<number[][]> {
  const rng = new NumpyRandomState(options.seed ?? 113);
  const part = (x: string, y: string): LabelledSequences => {
    const seqs = objectArrayToSequences(need(arrays, x).pickle ?? notObject(x), `imdb.npz ${x}`);
    const labels = need(arrays, y).values;
    if (labels === null || labels.length !== seqs.length)
      throw new ValueError(`imdb: ${y} does not match ${x} in length`);
    const order = rng.permutation(seqs.length);
    return {
      seqs: markAndShift(
        Array.from(order, (i) => seqs[i]),
        options,
      ),
      labels: Array.from(order, (i) => labels[i]),
    };
  };
  let train = part('x_train', 'y_train');
  let test = part('x_test', 'y_test');
  if (options.maxlen) {
    train = keepShorter(train, options.maxlen);
    test = keepShorter(test, options.maxlen);
    if (train.seqs.length === 0 || test.seqs.length === 0) {
      throw new ValueError(`imdb: maxlen=${options.maxlen} removes every review of a split; increase maxlen`);
    }
  }
  const all = [...train.seqs, ...test.seqs];
  return [
    [limitVocabulary(train.seqs, all, options), int32Labels(train.labels)],
    [limitVocabulary(test.seqs, all, options), int32Labels(test.labels)],
  ];
}

/**
 * Labels as an int32 tensor `[n]`.
 * @example int32Labels([0, 1]).dtype // 'int32'
 */
export function int32Labels(labels: readonly number[]): Tensor {
  return makeTensor(Int32Array.from(labels), [labels.length], 'int32');
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
