import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { normalize } from './index.js';

const close = (actual: unknown, expected: number[][] | number[][][]) =>
  (actual as number[][]).flat(2).forEach((v, i) => {
    expect(v).toBeCloseTo((expected as number[][]).flat(2)[i], 6);
  });

const x = [
  [3, 4],
  [0, 0],
  [1, -2],
];

describe('normalize (Keras keras.utils.normalize, NumPy input)', () => {
  test('L2 along the last axis; a zero row stays zeros', () => {
    // keras.utils.normalize(np.array([[3., 4.], [0, 0], [1, -2]]))
    close(normalize(x).arraySync(), [
      [0.6, 0.8],
      [0, 0],
      [0.4472136, -0.89442719],
    ]);
    expect(normalize(x).dtype).toBe('float32');
  });

  test('orders 1, Infinity, -Infinity, 0, 3 and 0.5 as np.linalg.norm', () => {
    // keras.utils.normalize(x, order=1 / np.inf / -np.inf / 0 / 3 / 0.5) with x above
    close(normalize(x, -1, 1).arraySync(), [
      [0.42857143, 0.57142857],
      [0, 0],
      [0.33333333, -0.66666667],
    ]);
    close(normalize(x, -1, Infinity).arraySync(), [
      [0.75, 1],
      [0, 0],
      [0.5, -1],
    ]);
    close(normalize(x, -1, -Infinity).arraySync(), [
      [1, 1.33333333],
      [0, 0],
      [1, -2],
    ]);
    close(normalize(x, -1, 0).arraySync(), [
      [1.5, 2],
      [0, 0],
      [0.5, -1],
    ]);
    close(normalize(x, -1, 3).arraySync(), [
      [0.66697178, 0.8892957],
      [0, 0],
      [0.48074986, -0.96149971],
    ]);
    close(normalize(x, -1, 0.5).arraySync(), [
      [0.21539031, 0.28718708],
      [0, 0],
      [0.17157288, -0.34314575],
    ]);
  });

  test('a middle axis of a rank-3 tensor, and axis 0 as keras.ops.normalize', () => {
    // keras.utils.normalize(np.array([[[1., 2], [3, 4]], [[5, 6], [7, 8]]]), axis=1)
    close(normalize(tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]), 1).arraySync(), [
      [
        [0.31622777, 0.4472136],
        [0.9486833, 0.89442719],
      ],
      [
        [0.58123819, 0.6],
        [0.81373347, 0.8],
      ],
    ]);
    // keras.ops.normalize(np.array([[3., 4.], [6., 8.]]), axis=0) (Keras's NumPy path mis-broadcasts axis=0)
    close(normalize(tensor([3, 4, 6, 8], [2, 2]), 0).arraySync(), [
      [0.4472136, 0.4472136],
      [0.8944272, 0.8944272],
    ]);
  });

  test('refuses a scalar, a bad axis and a non-numeric order', () => {
    expect(() => normalize(tensor(5))).toThrow(/normalize: expected an array of rank >= 1/);
    expect(() => normalize(x, 2)).toThrow(/normalize/);
    expect(() => normalize(x, -1, Number.NaN)).toThrow(/normalize: order must be a number/);
  });
});
