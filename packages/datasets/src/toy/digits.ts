import { makeTensor, type Tensor } from '@horn/tensor';
import { parseCsv } from '../readers/csv.js';
import { DIGITS_CSV_GZ_BASE64 } from './data/digits.js';
import { gzipBase64ToText, type ToyDataset } from './toy-dataset.js';

/**
 * The digits bunch: the toy-set fields plus the 8x8 images.
 * @example
 * const { images, data, target } = digits.loadData();
 * images.shape; // [1797, 8, 8]
 * data.shape; // [1797, 64]
 */
export interface DigitsDataset extends ToyDataset {
  /** The same pixels as `data`, float32 `[1797, 8, 8]`. */
  images: Tensor;
}

/**
 * The UCI optical handwritten digits, as `sklearn.datasets.load_digits()`: 1,797 images of 8x8
 * pixels with values 0..16, flattened in `data` (float32 `[1797, 64]`, features `pixel_<row>_<col>`)
 * and kept in `images` (`[1797, 8, 8]`); target int32 0..9. Ships inside the package.
 * @example
 * digits.loadData().data.shape // [1797, 64]
 */
export const digits = {
  loadData: (): DigitsDataset => {
    const table = parseCsv(gzipBase64ToText(DIGITS_CSV_GZ_BASE64));
    const n = table.rows;
    const pixels = new Float32Array(n * 64);
    const target = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < 64; c++) pixels[r * 64 + c] = table.values[r * 65 + c];
      target[r] = table.values[r * 65 + 64];
    }
    const featureNames: string[] = [];
    for (let row = 0; row < 8; row++) for (let col = 0; col < 8; col++) featureNames.push(`pixel_${row}_${col}`);
    return {
      data: makeTensor(pixels, [n, 64], 'float32'),
      images: makeTensor(pixels.slice(), [n, 8, 8], 'float32'),
      target: makeTensor(target, [n], 'int32'),
      featureNames,
      targetNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    };
  },
};
