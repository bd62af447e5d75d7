import { parseNpz } from '../readers/npz.js';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';
import { checkPair, imagesAndLabels, type TrainTestData, uint8Tensor } from './split.js';

const MNIST_URL = 'https://storage.googleapis.com/cvdf-datasets/mnist';

const IDX_NAMES = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
] as const;

/**
 * Where MNIST comes from: the four original IDX files (LeCun & Cortes), on TensorFlow's mirror.
 * @example
 * MNIST_SOURCE.remote.map((f) => f.name); // ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']
 * const files = await datasetFiles(MNIST_SOURCE, { path: '../shared/data/mnist' });
 */
export const MNIST_SOURCE: DatasetSource = {
  id: 'mnist',
  envName: 'MNIST',
  remote: [
    file(IDX_NAMES[0], '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609', 9912422),
    file(IDX_NAMES[1], '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c', 28881),
    file(IDX_NAMES[2], '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6', 1648877),
    file(IDX_NAMES[3], 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6', 4542),
  ],
  local: [IDX_NAMES, IDX_NAMES.map((n) => n.slice(0, -3)), ['mnist.npz']],
};

function file(name: string, sha256: string, size: number) {
  return { name, url: `${MNIST_URL}/${name}`, sha256, size };
}

/**
 * The MNIST handwritten digits, as `keras.datasets.mnist.load_data()`: 60,000 training and 10,000
 * test images `[n, 28, 28]` (int32 values 0..255) with labels `[n]` (int32 0..9).
 *
 * Files come from, in order: `{ path }` (a folder with the four IDX files, gzip
 * `train-images-idx3-ubyte.gz`... or un-gzipped `train-images-idx3-ubyte`..., or Keras's `mnist.npz`),
 * `HORN_MNIST_PATH`, `HORN_DATA_PATH/mnist`, the cache (`$HORN_HOME/datasets/mnist`), and a download
 * of the IDX files from `https://storage.googleapis.com/cvdf-datasets/mnist/` checked by sha256.
 * Offline: point `path` (or `HORN_MNIST_PATH`) at a folder with the four `.gz` files.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await mnist.loadData({ path: '../shared/data/mnist' });
 * xTrain.shape // [60000, 28, 28]
 */
export const mnist = {
  loadData: (options: SourceOptions = {}): Promise<TrainTestData> => loadMnistLike(MNIST_SOURCE, options),
};

/**
 * Loads MNIST-format files (IDX, gzip or raw, or a Keras-style npz) of a source into Keras's split.
 * @example await loadMnistLike(MNIST_SOURCE, { path: 'data/mnist' })
 */
export async function loadMnistLike(source: DatasetSource, options: SourceOptions): Promise<TrainTestData> {
  const files = await datasetFiles(source, options);
  let split: TrainTestData;
  const npz = files.get('mnist.npz');
  if (npz !== undefined) {
    const arrays = parseNpz(npz, 'mnist.npz');
    const get = (key: string) => {
      const a = arrays[key];
      return uint8Tensor(a?.values ?? null, a?.shape ?? [], `mnist.npz ${key}`);
    };
    split = [
      [get('x_train'), get('y_train')],
      [get('x_test'), get('y_test')],
    ];
  } else {
    const gz = files.has(IDX_NAMES[0]);
    const name = (i: number) => (gz ? IDX_NAMES[i] : IDX_NAMES[i].slice(0, -3));
    split = [
      imagesAndLabels(files.get(name(0))!, files.get(name(1))!, `${source.id} train`),
      imagesAndLabels(files.get(name(2))!, files.get(name(3))!, `${source.id} test`),
    ];
  }
  checkPair(split[0][0], split[0][1], [28, 28], `${source.id} train`);
  checkPair(split[1][0], split[1][1], [28, 28], `${source.id} test`);
  return split;
}
