import { describe, expect, test } from 'vitest';
import { flip, range, ShapeError, scalar, tensor, ValueError, zeros } from '../index.js';

describe('flip', () => {
  test('course: np.flip([2, 1, 5, 3]) is [3, 5, 1, 2]', () => {
    expect(flip(tensor([2, 1, 5, 3])).arraySync()).toEqual([3, 5, 1, 2]);
  });

  test('one axis, negative axes, several axes and all axes (NumPy flip)', () => {
    const a = range(8).reshape([2, 2, 2]);
    // np.flip(A, 0) from the NumPy docs
    expect(flip(a, 0).arraySync()).toEqual([
      [
        [4, 5],
        [6, 7],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ]);
    // np.flip(A, 1)
    expect(flip(a, 1).arraySync()).toEqual([
      [
        [2, 3],
        [0, 1],
      ],
      [
        [6, 7],
        [4, 5],
      ],
    ]);
    expect(flip(a, -1).arraySync()).toEqual([
      [
        [1, 0],
        [3, 2],
      ],
      [
        [5, 4],
        [7, 6],
      ],
    ]);
    // np.flip(A) reverses every axis
    expect(flip(a).dataSync()).toEqual(new Float32Array([7, 6, 5, 4, 3, 2, 1, 0]));
    expect(a.flip([0, 2]).arraySync()).toEqual([
      [
        [5, 4],
        [7, 6],
      ],
      [
        [1, 0],
        [3, 2],
      ],
    ]);
    expect(flip(a, []).arraySync()).toEqual(a.arraySync());
  });

  test('dtypes, scalars, size-1 and zero-size dims', () => {
    const i = flip(tensor([1, 2, 3], undefined, 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([3, 2, 1]);
    expect(flip(tensor([true, false, false])).arraySync()).toEqual([0, 0, 1]);
    expect(flip(scalar(4)).arraySync()).toBe(4);
    expect(flip(tensor([[1, 2, 3]]), 0).arraySync()).toEqual([[1, 2, 3]]);
    expect(flip(zeros([0, 3]), 0).shape).toEqual([0, 3]);
    expect(flip(zeros([2, 0]), 1).shape).toEqual([2, 0]);
  });

  test('rejects bad axes', () => {
    expect(() => flip(zeros([2, 3]), 2)).toThrow(ShapeError);
    expect(() => flip(zeros([2, 3]), 2)).toThrow(/flip/);
    expect(() => flip(zeros([2, 3]), [0, -2])).toThrow(ValueError);
    expect(() => flip(scalar(1), 0)).toThrow(ShapeError);
  });
});
