import { makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { asBytes, type BytesLike } from './bytes.js';

const SIDE = 32;
const PLANE = SIDE * SIDE;
const PIXELS = 3 * PLANE;

/**
 * Options of {@link readCifarBatch}.
 * @example
 * readCifarBatch(readFileSync('../shared/data/cifar10/test_batch_first1000.bin'), { labelBytes: 1 }).labels.shape; // [1000]
 * readCifarBatch(readFileSync('cifar-100-binary/test.bin'), { labelBytes: 2 }); // CIFAR-100: the fine label is kept
 */
export interface CifarBatchOptions {
  /** Label bytes before each image: 1 for CIFAR-10, 2 for CIFAR-100 (coarse, fine: the fine label is kept). Default 1. */
  labelBytes?: 1 | 2;
}

/**
 * Images and labels of a CIFAR binary batch.
 * @example
 * const { images, labels }: CifarBatch = readCifarBatch(readFileSync('../shared/data/cifar10/test_batch_first1000.bin'));
 * images.shape; // [1000, 32, 32, 3]
 * labels.dataSync().slice(0, 3); // Int32Array [3, 8, 8]: cat, ship, ship
 */
export interface CifarBatch {
  /** int32 `[n, 32, 32, 3]`, values 0..255, channels last (HWC) as Keras returns them. */
  images: Tensor;
  /** int32 `[n]`, the class of each image (0..9 for CIFAR-10). */
  labels: Tensor;
}

/**
 * Decodes CIFAR binary records into typed arrays: HWC pixels and labels.
 * @example parseCifarBatch(bytes).labels.length // 10000 for test_batch.bin
 */
export function parseCifarBatch(
  bytes: BytesLike,
  options: CifarBatchOptions = {},
  name = 'CIFAR data',
): { pixels: Int32Array; labels: Int32Array; count: number } {
  const data = asBytes(bytes);
  const labelBytes = options.labelBytes ?? 1;
  const record = labelBytes + PIXELS;
  if (data.length % record !== 0) {
    throw new ValueError(
      `readCifarBatch: ${name} holds ${data.length} bytes, not a whole number of ${record}-byte records (${labelBytes} label byte(s) + 3072 pixels)`,
    );
  }
  const count = data.length / record;
  const pixels = new Int32Array(count * PIXELS);
  const labels = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const base = n * record;
    labels[n] = data[base + labelBytes - 1];
    const src = base + labelBytes;
    const dst = n * PIXELS;
    // The file stores each image as three 32x32 planes (CHW: red, green, blue); Keras gives HWC.
    for (let p = 0; p < PLANE; p++) {
      const o = dst + p * 3;
      pixels[o] = data[src + p];
      pixels[o + 1] = data[src + PLANE + p];
      pixels[o + 2] = data[src + 2 * PLANE + p];
    }
  }
  return { pixels, labels, count };
}

/**
 * Reads a CIFAR binary batch (`data_batch_1.bin`, `test_batch.bin`: 1 label byte + 3,072 CHW pixel
 * bytes per record) into HWC images and labels.
 * @example
 * const { images, labels } = readCifarBatch(readFileSync('test_batch.bin'));
 * images.shape // [10000, 32, 32, 3]
 */
export function readCifarBatch(bytes: BytesLike, options: CifarBatchOptions = {}): CifarBatch {
  const { pixels, labels, count } = parseCifarBatch(bytes, options);
  return {
    images: makeTensor(pixels, [count, SIDE, SIDE, 3], 'int32'),
    labels: makeTensor(labels, [count], 'int32'),
  };
}
