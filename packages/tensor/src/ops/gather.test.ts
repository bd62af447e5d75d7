import { describe, expect, test } from 'vitest';
import { DTypeError, gather, range, ShapeError, scalar, tensor, ValueError, zeros } from '../index.js';

describe('gather', () => {
  const x = range(12).reshape([3, 4]);

  test('axis 0 with a vector of indices, repeats allowed', () => {
    expect(gather(x, tensor([2, 0, 2], undefined, 'int32')).arraySync()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
      [8, 9, 10, 11],
    ]);
  });

  test('axis 1 with 2-D indices: shape x[:1] + indices + x[2:]', () => {
    const g = gather(
      x,
      [
        [3, 0],
        [1, 1],
      ],
      1,
    );
    expect(g.shape).toEqual([3, 2, 2]);
    expect(g.arraySync()).toEqual([
      [
        [3, 0],
        [1, 1],
      ],
      [
        [7, 4],
        [5, 5],
      ],
      [
        [11, 8],
        [9, 9],
      ],
    ]);
    expect(x.gather([1], -1).arraySync()).toEqual([[1], [5], [9]]);
  });

  test('3-D x on the middle axis, scalar index, dtypes, empty indices', () => {
    const t = range(24, undefined, 1, 'int32').reshape([2, 3, 4]);
    const g = gather(t, [2, 0], 1);
    expect(g.dtype).toBe('int32');
    expect(g.arraySync()).toEqual([
      [
        [8, 9, 10, 11],
        [0, 1, 2, 3],
      ],
      [
        [20, 21, 22, 23],
        [12, 13, 14, 15],
      ],
    ]);
    const s = gather(x, scalar(1, 'int32'));
    expect(s.shape).toEqual([4]);
    expect(s.arraySync()).toEqual([4, 5, 6, 7]);
    expect(gather(tensor([true, false]), [1, 1, 0]).arraySync()).toEqual([0, 0, 1]);
    expect(gather(x, zeros([0], 'int32')).shape).toEqual([0, 4]);
    expect(gather(zeros([0, 3]), [2, 0], 1).shape).toEqual([0, 2]);
  });

  test('errors', () => {
    expect(() => gather(x, [3])).toThrow(ValueError);
    expect(() => gather(x, [0, 3])).toThrow('gather: index 3 at position 1 is out of range for a dimension of size 3');
    expect(() => gather(x, [-1])).toThrow(ValueError);
    expect(() => gather(x, [0.5])).toThrow(DTypeError);
    expect(() => gather(x, [true])).toThrow(DTypeError);
    expect(() => gather(x, [0], 2)).toThrow(ShapeError);
    expect(() => gather(scalar(1), [0])).toThrow(ShapeError);
  });
});
