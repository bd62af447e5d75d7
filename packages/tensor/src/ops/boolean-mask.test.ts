import { describe, expect, test } from 'vitest';
import { DTypeError, ShapeError, tensor } from '../index.js';
import { booleanMask, booleanMaskAsync } from './boolean-mask.js';

// Expected values are NumPy's x[mask] (and x[:, mask] for axis 1), as TF's boolean_mask documents.
describe('booleanMask', () => {
  const x = () =>
    tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);

  test('a 1-D mask keeps rows: x[[True, False, True]] -> [[1, 2], [5, 6]]', () => {
    expect(booleanMask(x(), [true, false, true]).arraySync()).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(booleanMask(tensor([0, 1, 2, 3]), tensor([true, false, true, false])).arraySync()).toEqual([0, 2]);
  });

  test('a mask over two dimensions flattens them: x[m] for a [3, 2] mask', () => {
    const mask = [
      [true, false],
      [false, true],
      [true, true],
    ];
    expect(booleanMask(x(), mask).arraySync()).toEqual([1, 4, 5, 6]);
    const x3 = tensor(
      Array.from({ length: 12 }, (_, i) => i),
      [2, 3, 2],
    );
    // np.arange(12).reshape(2, 3, 2)[np.array([[True, False, True], [False, False, True]])] -> [[0, 1], [4, 5], [10, 11]]
    expect(
      booleanMask(x3, [
        [true, false, true],
        [false, false, true],
      ]).arraySync(),
    ).toEqual([
      [0, 1],
      [4, 5],
      [10, 11],
    ]);
  });

  test('axis: x[:, [False, True]] -> [[2], [4], [6]]; negative axes; all-false gives a zero-size dimension', () => {
    expect(booleanMask(x(), [false, true], 1).arraySync()).toEqual([[2], [4], [6]]);
    expect(booleanMask(x(), [true, false], -1).arraySync()).toEqual([[1], [3], [5]]);
    const none = booleanMask(x(), [false, false, false]);
    expect(none.shape).toEqual([0, 2]);
  });

  test('keeps the dtype; the async form gives the same', async () => {
    const ints = booleanMask(tensor([7, 8, 9], [3], 'int32'), [true, true, false]);
    expect(ints.dtype).toBe('int32');
    expect(ints.arraySync()).toEqual([7, 8]);
    expect((await booleanMaskAsync(x(), [false, true, true])).arraySync()).toEqual([
      [3, 4],
      [5, 6],
    ]);
  });

  test('bad input: a numeric mask, a scalar mask, a mask that does not fit', () => {
    expect(() => booleanMask(x(), tensor([1, 0, 1]))).toThrow(DTypeError);
    expect(() => booleanMask(x(), tensor([1, 0, 1]))).toThrow(
      /booleanMask: mask must be a bool tensor \(or booleans\), got dtype float32/,
    );
    expect(() => booleanMask(x(), tensor(true))).toThrow(/mask must have rank 1 or more, got a scalar/);
    expect(() => booleanMask(x(), [true, false])).toThrow(ShapeError);
    expect(() => booleanMask(x(), [true, false])).toThrow(
      /booleanMask: mask of shape \[2\] must match the dimensions of x from axis 0; x has shape \[3,2\]/,
    );
    expect(() => booleanMask(x(), [true, false, true], 1)).toThrow(/from axis 1/);
    expect(() => booleanMask(x(), [true, false, true], 2)).toThrow(ShapeError);
  });
});
