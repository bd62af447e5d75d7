import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { parseIdx } from '../readers/idx.js';
import type { NpyArray } from '../readers/npy.js';

/**
 * Keras's return shape: `[[xTrain, yTrain], [xTest, yTest]]`.
 * @example
 * const data: TrainTestData = await mnist.loadData({ path: '../shared/data/mnist' });
 * const [[xTrain, yTrain], [xTest, yTest]] = data;
 * xTest.shape; // [10000, 28, 28]
 */
export type TrainTestData<X = Tensor, Y = Tensor> = [[X, Y], [X, Y]];

/**
 * Builds int32 image and label tensors from IDX bytes (as in the MNIST files), checking the image
 * size and that images and labels agree in count.
 * @example imagesAndLabels(files.get('t10k-images-idx3-ubyte.gz')!, files.get('t10k-labels-idx1-ubyte.gz')!, 'mnist test')
 */
export function imagesAndLabels(images: Uint8Array, labels: Uint8Array, what: string): [Tensor, Tensor] {
  const x = parseIdx(images, `${what} images`);
  const y = parseIdx(labels, `${what} labels`);
  return [uint8Tensor(x.values, x.shape, `${what} images`), uint8Tensor(y.values, y.shape, `${what} labels`)];
}

/**
 * Checks a uint8 array's rank and copies it into an int32 tensor.
 * @example uint8Tensor(npz.x_train.values, npz.x_train.shape, 'mnist.npz x_train')
 */
export function uint8Tensor(
  values: NpyArray['values'] | Int8Array | Int16Array,
  shape: number[],
  what: string,
): Tensor {
  if (!(values instanceof Uint8Array)) throw new ValueError(`${what}: expected uint8 data`);
  const out = new Int32Array(values.length);
  out.set(values);
  return makeTensor(out, shape, 'int32');
}

/**
 * Throws unless images `[n, ...]` and labels `[n]` have the same n and the images the expected shape.
 * @example checkPair(xTrain, yTrain, [28, 28], 'mnist train')
 */
export function checkPair(x: Tensor, y: Tensor, imageShape: readonly number[], what: string): void {
  const ok =
    x.shape.length === imageShape.length + 1 &&
    imageShape.every((d, i) => x.shape[i + 1] === d) &&
    y.shape.length === 1 &&
    y.shape[0] === x.shape[0];
  if (!ok) {
    throw new ValueError(
      `${what}: expected images [n, ${imageShape.join(', ')}] and labels [n], got [${x.shape.join(', ')}] and [${y.shape.join(', ')}]`,
    );
  }
}
