import type { DatasetSource, SourceOptions } from '../source/types.js';
import { loadMnistLike } from './mnist.js';
import type { TrainTestData } from './split.js';

const FASHION_URL = 'https://storage.googleapis.com/tensorflow/tf-keras-datasets';

const NAMES = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
] as const;

/**
 * Where Fashion-MNIST comes from: Zalando's four IDX files, from the folder Keras downloads them from.
 * @example
 * FASHION_MNIST_SOURCE.remote.length; // 4 IDX files, as MNIST
 * const files = await datasetFiles(FASHION_MNIST_SOURCE, { path: 'data/fashion-mnist' });
 */
export const FASHION_MNIST_SOURCE: DatasetSource = {
  id: 'fashion-mnist',
  envName: 'FASHION_MNIST',
  remote: [
    file(NAMES[0], '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84', 26421880),
    file(NAMES[1], 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845', 29515),
    file(NAMES[2], '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073', 4422102),
    file(NAMES[3], '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5', 5148),
  ],
  local: [NAMES, NAMES.map((n) => n.slice(0, -3))],
};

function file(name: string, sha256: string, size: number) {
  return { name, url: `${FASHION_URL}/${name}`, sha256, size };
}

/**
 * Fashion-MNIST's class names, by label.
 * @example
 * FASHION_MNIST_CLASSES[0]; // 'T-shirt/top'
 * FASHION_MNIST_CLASSES[9]; // 'Ankle boot'
 */
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/**
 * Zalando's Fashion-MNIST, as `keras.datasets.fashion_mnist.load_data()`: 60,000 training and
 * 10,000 test images `[n, 28, 28]` (int32 0..255), labels `[n]` (int32 0..9, names in
 * {@link FASHION_MNIST_CLASSES}). Sources as for {@link mnist} (env `HORN_FASHION_MNIST_PATH`,
 * cache folder `fashion-mnist`), downloading from `https://storage.googleapis.com/tensorflow/tf-keras-datasets/`.
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = await fashionMnist.loadData();
 */
export const fashionMnist = {
  loadData: (options: SourceOptions = {}): Promise<TrainTestData> => loadMnistLike(FASHION_MNIST_SOURCE, options),
};
