import { ValueError } from '@horn/tensor';
import type { NpyArray } from '../readers/npy.js';
import { parseNpz } from '../readers/npz.js';
import { objectArrayToSequences } from '../readers/pickle.js';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';
import { type ImdbOptions, int32Labels } from './imdb.js';
import { NumpyRandomState } from './numpy-random.js';
import type { TrainTestData } from './split.js';
import { loadWordIndex } from './word-index.js';
import { keepShorter, limitVocabulary, markAndShift } from './word-sequences.js';

/**
 * Where Reuters comes from: Keras's preprocessed `reuters.npz` (11,228 newswires, 46 topics).
 * @example
 * REUTERS_SOURCE.remote[0].name; // 'reuters.npz'
 * const files = await datasetFiles(REUTERS_SOURCE, { path: 'data/reuters' });
 */
export const REUTERS_SOURCE: DatasetSource = {
  id: 'reuters',
  envName: 'REUTERS',
  remote: [
    {
      name: 'reuters.npz',
      url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/reuters.npz',
      // Keras 3 pins this sha256 itself (keras/src/datasets/reuters.py).
      sha256: 'd6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916',
      size: 2110848,
    },
  ],
  local: [['reuters.npz']],
};

/**
 * Keras's `reuters_word_index.json` (word -> frequency rank). Keras pins its md5,
 * `4d44cc38712099c9e383dc6e5f11a921`; no copy was reachable to compute a sha256, so it is `null`:
 * the file is read from `{ path }` / `HORN_REUTERS_PATH` / `HORN_DATA_PATH/reuters`, never downloaded.
 * @example
 * REUTERS_WORD_INDEX_SOURCE.remote[0].sha256; // null: not pinned, so read from a path only
 * const words = await reuters.getWordIndex({ path: 'data/reuters' }); // reads reuters_word_index.json there
 */
export const REUTERS_WORD_INDEX_SOURCE: DatasetSource = {
  id: 'reuters',
  envName: 'REUTERS',
  remote: [
    {
      name: 'reuters_word_index.json',
      url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/reuters_word_index.json',
      sha256: null,
      size: 550378,
    },
  ],
  local: [['reuters_word_index.json']],
};

/**
 * Options of `reuters.loadData`: imdb's, plus the test fraction.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await reuters.loadData({ numWords: 10000, testSplit: 0.2, path: 'data/reuters' });
 * REUTERS_LABELS[yTrain.dataSync()[0]]; // the first newswire's topic
 */
export interface ReutersOptions extends ImdbOptions {
  /** The fraction of the (shuffled) newswires held out for testing. Default 0.2. */
  testSplit?: number;
}

/**
 * The 46 topic names, index = label (Keras's `reuters.get_label_names()`).
 * @example
 * REUTERS_LABELS[3]; // 'earn'
 * REUTERS_LABELS.length; // 46
 */
export const REUTERS_LABELS: readonly string[] = [
  'cocoa',
  'grain',
  'veg-oil',
  'earn',
  'acq',
  'wheat',
  'copper',
  'housing',
  'money-supply',
  'coffee',
  'sugar',
  'trade',
  'reserves',
  'ship',
  'cotton',
  'carcass',
  'crude',
  'nat-gas',
  'cpi',
  'money-fx',
  'interest',
  'gnp',
  'meal-feed',
  'alum',
  'oilseed',
  'gold',
  'tin',
  'strategic-metal',
  'livestock',
  'retail',
  'ipi',
  'iron-steel',
  'rubber',
  'heat',
  'jobs',
  'lei',
  'bop',
  'zinc',
  'orange',
  'pet-chem',
  'dlr',
  'gas',
  'silver',
  'wpi',
  'hog',
  'lead',
];

/**
 * The Reuters newswire topics, as `keras.datasets.reuters`: `loadData` gives word-index sequences
 * (`number[][]`; pad them with `padSequences`) and int32 topic labels 0..45, shuffled with NumPy's
 * `RandomState(seed)` as Keras and split after the shuffle: the first `floor(n·(1 − testSplit))`
 * train (8,982 of 11,228 by default). Index conventions as imdb: 0 padding, 1 start, 2 oov, words
 * from `indexFrom` 3. Files: `{ path }` / `HORN_REUTERS_PATH` / `HORN_DATA_PATH/reuters`, else
 * the cache, else a sha256-checked download of `reuters.npz`.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await reuters.loadData({ numWords: 10000 });
 * REUTERS_LABELS[yTrain.dataSync()[0]] // the first newswire's topic
 */
export const reuters = {
  loadData: async (options: ReutersOptions = {}): Promise<TrainTestData<number[][]>> => {
    const files = await datasetFiles(REUTERS_SOURCE, options);
    return prepareReuters(parseNpz(files.get('reuters.npz')!, 'reuters.npz'), options);
  },
  /**
   * `keras.datasets.reuters.get_word_index()`: word -> rank as a `Map`; in the sequences a word of
   * rank r is `r + indexFrom`. Read from a `path` folder (see {@link REUTERS_WORD_INDEX_SOURCE}).
   * @example decodeSequence(xTrain[0], await reuters.getWordIndex({ path: 'data/reuters' }))
   */
  getWordIndex: (options: SourceOptions = {}): Promise<Map<string, number>> =>
    loadWordIndex(REUTERS_WORD_INDEX_SOURCE, options),
  /**
   * The topic names, index = label.
   * @example reuters.getLabelNames()[3] // 'earn'
   */
  getLabelNames: (): readonly string[] => REUTERS_LABELS,
};

/**
 * Keras's `reuters.load_data` processing applied to the arrays of a `reuters.npz` (`x`, `y`):
 * shuffle everything, mark and shift, drop sequences not shorter than `maxlen`, limit the
 * vocabulary, then split.
 * @example prepareReuters(parseNpz(bytes), { numWords: 10000 })
 */
export function prepareReuters(
  arrays: Record<string, NpyArray>,
  options: ReutersOptions = {},
): TrainTestData<number[][]> {
  const { testSplit = 0.2, seed = 113 } = options;
  if (!(testSplit >= 0 && testSplit <= 1)) {
    throw new ValueError(`reuters: testSplit must be a fraction in [0, 1], got ${testSplit}`);
  }
  const x = arrays.x;
  const y = arrays.y;
  if (x?.pickle == null || y?.values == null) {
    throw new ValueError(
      `reuters: reuters.npz must hold an object array 'x' and labels 'y' (has ${Object.keys(arrays).join(', ')})`,
    );
  }
  const seqs = objectArrayToSequences(x.pickle, 'reuters.npz x');
  if (y.values.length !== seqs.length) throw new ValueError('reuters: y does not match x in length');
  const order = new NumpyRandomState(seed).permutation(seqs.length);
  let data = {
    seqs: markAndShift(
      Array.from(order, (i) => seqs[i]),
      options,
    ),
    labels: Array.from(order, (i) => y.values![i]),
  };
  if (options.maxlen) {
    data = keepShorter(data, options.maxlen);
    if (data.seqs.length === 0)
      throw new ValueError(`reuters: maxlen=${options.maxlen} removes every newswire; increase maxlen`);
  }
  const limited = limitVocabulary(data.seqs, data.seqs, options);
  const cut = Math.trunc(limited.length * (1 - testSplit));
  return [
    [limited.slice(0, cut), int32Labels(data.labels.slice(0, cut))],
    [limited.slice(cut), int32Labels(data.labels.slice(cut))],
  ];
}
