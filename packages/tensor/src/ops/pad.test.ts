import { describe, expect, test } from 'vitest';
import { pad, range, ShapeError, scalar, tensor, ValueError, zeros } from '../index.js';

describe('pad', () => {
  test('NumPy docs: np.pad([1, 2, 3, 4, 5], (2, 3), constant_values=(4, 4))', () => {
    expect(pad(tensor([1, 2, 3, 4, 5]), [[2, 3]], 4).arraySync()).toEqual([4, 4, 1, 2, 3, 4, 5, 4, 4, 4]);
  });

  test('zeros by default, in two dimensions', () => {
    expect(
      pad(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [
          [1, 0],
          [0, 2],
        ],
      ).arraySync(),
    ).toEqual([
      [0, 0, 0, 0],
      [1, 2, 0, 0],
      [3, 4, 0, 0],
    ]);
  });

  test('with a value, in three dimensions', () => {
    const p = range(4)
      .reshape([1, 2, 2])
      .pad(
        [
          [0, 1],
          [1, 0],
          [0, 1],
        ],
        -1,
      );
    expect(p.shape).toEqual([2, 3, 3]);
    expect(p.arraySync()).toEqual([
      [
        [-1, -1, -1],
        [0, 1, -1],
        [2, 3, -1],
      ],
      [
        [-1, -1, -1],
        [-1, -1, -1],
        [-1, -1, -1],
      ],
    ]);
  });

  test('dtypes: int32 truncates the value, bool takes value != 0', () => {
    const i = pad(tensor([1, 2], undefined, 'int32'), [[1, 1]], 7.9);
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([7, 1, 2, 7]);
    const b = pad(tensor([false]), [[1, 1]], 5);
    expect(b.dtype).toBe('bool');
    expect(b.arraySync()).toEqual([1, 0, 1]);
  });

  test('scalars, zero paddings and zero-size dims', () => {
    expect(pad(scalar(3), []).arraySync()).toBe(3);
    expect(pad(tensor([1, 2]), [[0, 0]]).arraySync()).toEqual([1, 2]);
    expect(
      pad(
        zeros([0, 2]),
        [
          [1, 1],
          [0, 0],
        ],
        5,
      ).arraySync(),
    ).toEqual([
      [5, 5],
      [5, 5],
    ]);
    expect(
      pad(zeros([0, 2]), [
        [0, 0],
        [1, 0],
      ]).shape,
    ).toEqual([0, 3]);
  });

  test('rejects negative paddings and a wrong number of pairs', () => {
    expect(() => pad(tensor([1, 2]), [[-1, 0]])).toThrow(ValueError);
    expect(() => pad(tensor([1, 2]), [[-1, 0]])).toThrow(/pad: paddings must be non-negative/);
    expect(() => pad(tensor([1, 2]), [[1.5, 0]])).toThrow(ValueError);
    expect(() =>
      pad(tensor([1, 2]), [
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(ShapeError);
    expect(() =>
      pad(tensor([1, 2]), [
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/pad: expected one \[before, after\] pair per dimension of \[2\]/);
    expect(() => pad(tensor([1, 2]), [[1]] as unknown as [number, number][])).toThrow(ShapeError);
  });
});
