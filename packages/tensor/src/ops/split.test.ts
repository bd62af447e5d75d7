import { describe, expect, test } from 'vitest';
import { range, ShapeError, scalar, split, tensor, ValueError, zeros } from '../index.js';

describe('split', () => {
  test('into n equal parts (NumPy: split(arange(9), 3))', () => {
    expect(split(range(9), 3).map((t) => t.arraySync())).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
  });

  test('by sizes, with one -1, along axis 1 and a negative axis', () => {
    const x = range(12).reshape([2, 6]);
    const parts = split(x, [1, -1, 2], 1);
    expect(parts.map((t) => t.shape)).toEqual([
      [2, 1],
      [2, 3],
      [2, 2],
    ]);
    expect(parts.map((t) => t.arraySync())).toEqual([
      [[0], [6]],
      [
        [1, 2, 3],
        [7, 8, 9],
      ],
      [
        [4, 5],
        [10, 11],
      ],
    ]);
    expect(x.split(2, -1).map((t) => t.arraySync())).toEqual([
      [
        [0, 1, 2],
        [6, 7, 8],
      ],
      [
        [3, 4, 5],
        [9, 10, 11],
      ],
    ]);
    expect(split(x, [2, 0, 4], 1).map((t) => t.shape)).toEqual([
      [2, 2],
      [2, 0],
      [2, 4],
    ]);
  });

  test('int32 and zero-size dims', () => {
    const parts = split(tensor([1, 2, 3, 4], undefined, 'int32'), 2);
    expect(parts.map((t) => t.dtype)).toEqual(['int32', 'int32']);
    expect(parts.map((t) => t.arraySync())).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(split(zeros([0, 2]), 2).map((t) => t.shape)).toEqual([
      [0, 2],
      [0, 2],
    ]);
  });

  test('errors', () => {
    expect(() => split(range(10), 3)).toThrow(ValueError);
    expect(() => split(range(10), 3)).toThrow(/split: 3 parts do not divide dimension 0 of shape \[10\]/);
    expect(() => split(range(10), 0)).toThrow(ValueError);
    expect(() => split(range(10), [3, 3])).toThrow(/sum to 6.*size 10/);
    expect(() => split(range(10), [-1, -1])).toThrow(ValueError);
    expect(() => split(range(10), [8, 5, -1])).toThrow(ValueError);
    expect(() => split(range(10), 2, 1)).toThrow(ShapeError);
    expect(() => split(scalar(1), 1)).toThrow(ShapeError);
  });
});
