import { makeTensor, ValueError } from '@horn/tensor';
import { parseCifarBatch } from '../readers/cifar.js';
import { untar } from '../readers/tar.js';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';
import type { TrainTestData } from './split.js';

const ARCHIVE = 'cifar-10-binary.tar.gz';
const FOLDER = 'cifar-10-batches-bin';
const BATCHES = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'];
const TEST = 'test_batch.bin';

/**
 * Where CIFAR-10 comes from: the authors' binary version (Krizhevsky, University of Toronto).
 * @example
 * CIFAR10_SOURCE.remote[0].name; // 'cifar-10-binary.tar.gz' (170,052,171 bytes)
 * CIFAR10_SOURCE.envName; // 'CIFAR10': HORN_CIFAR10_PATH points at a local copy
 */
export const CIFAR10_SOURCE: DatasetSource = {
  id: 'cifar10',
  envName: 'CIFAR10',
  remote: [
    {
      name: ARCHIVE,
      url: `https://www.cs.toronto.edu/~kriz/${ARCHIVE}`,
      sha256: 'c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd',
      size: 170052171,
    },
  ],
  local: [[...BATCHES, TEST], [...BATCHES, TEST].map((n) => `${FOLDER}/${n}`), [ARCHIVE]],
};

/**
 * CIFAR-10's class names, by label.
 * @example
 * CIFAR10_CLASSES[3]; // 'cat'
 * CIFAR10_CLASSES.length; // 10
 */
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;

/**
 * CIFAR-10, as `keras.datasets.cifar10.load_data()`: 50,000 training images (data batches 1-5 in
 * order) and 10,000 test images `[n, 32, 32, 3]`, channels last (the binary files are CHW per
 * record and are transposed), int32 values 0..255; labels int32 `[n]` (0..9, names in
 * {@link CIFAR10_CLASSES}). Keras returns labels as `[n, 1]`; Horn returns `[n]` like the other sets
 * (`y.reshape([-1, 1])` gives Keras's shape).
 *
 * Files: `{ path }` / `HORN_CIFAR10_PATH` / `HORN_DATA_PATH/cifar10` holding the six `.bin` batches
 * (directly or in `cifar-10-batches-bin/`) or `cifar-10-binary.tar.gz`; else the cache, else a
 * download of `https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz` (170 MB, sha256-checked).
 * Keras downloads the Python (pickle) version of the same images; Horn uses the binary one.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await cifar10.loadData();
 * xTrain.shape // [50000, 32, 32, 3]
 */
export const cifar10 = {
  loadData: async (options: SourceOptions = {}): Promise<TrainTestData> => {
    let files = await datasetFiles(CIFAR10_SOURCE, options);
    const archive = files.get(ARCHIVE);
    if (archive !== undefined) {
      const entries = untar(archive, ARCHIVE);
      files = new Map([...BATCHES, TEST].map((n) => [n, entries.get(`${FOLDER}/${n}`) ?? missing(n)]));
    }
    const get = (name: string) => files.get(name) ?? files.get(`${FOLDER}/${name}`) ?? missing(name);
    return [split(BATCHES.map(get), 'cifar10 train'), split([get(TEST)], 'cifar10 test')];
  },
};

function missing(name: string): never {
  throw new ValueError(`cifar10: ${ARCHIVE} has no entry ${FOLDER}/${name}`);
}

function split(batches: Uint8Array[], what: string): TrainTestData[0] {
  const parsed = batches.map((b, i) => parseCifarBatch(b, {}, `${what} batch ${i + 1}`));
  const count = parsed.reduce((n, p) => n + p.count, 0);
  const pixels = new Int32Array(count * 3072);
  const labels = new Int32Array(count);
  let at = 0;
  for (const p of parsed) {
    pixels.set(p.pixels, at * 3072);
    labels.set(p.labels, at);
    at += p.count;
  }
  return [makeTensor(pixels, [count, 32, 32, 3], 'int32'), makeTensor(labels, [count], 'int32')];
}
