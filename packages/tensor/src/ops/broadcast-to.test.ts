import { describe, expect, test } from 'vitest';
import { broadcastTo, range, ShapeError, scalar, tensor, zeros } from '../index.js';

describe('broadcastTo', () => {
  test('NumPy docs: broadcast_to([1, 2, 3], (3, 3))', () => {
    expect(broadcastTo(tensor([1, 2, 3]), [3, 3]).arraySync()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  test('size-1 dims in the middle and new leading dims', () => {
    const x = tensor([[[1], [2]]]); // [1, 2, 1]
    const y = broadcastTo(x, [2, 2, 2, 3]);
    expect(y.shape).toEqual([2, 2, 2, 3]);
    expect(y.arraySync()).toEqual([
      [
        [
          [1, 1, 1],
          [2, 2, 2],
        ],
        [
          [1, 1, 1],
          [2, 2, 2],
        ],
      ],
      [
        [
          [1, 1, 1],
          [2, 2, 2],
        ],
        [
          [1, 1, 1],
          [2, 2, 2],
        ],
      ],
    ]);
    expect(
      tensor([[1], [2]])
        .broadcastTo([2, 2])
        .arraySync(),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  test('scalars, the same shape, dtypes and zero-size dims', () => {
    expect(broadcastTo(scalar(7), [2]).arraySync()).toEqual([7, 7]);
    expect(broadcastTo(scalar(7), []).arraySync()).toBe(7);
    expect(broadcastTo(range(4).reshape([2, 2]), [2, 2]).arraySync()).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const i = broadcastTo(tensor([1, 2], undefined, 'int32'), [2, 2]);
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(broadcastTo(tensor([true]), [3]).arraySync()).toEqual([1, 1, 1]);
    expect(broadcastTo(tensor([1]), [0]).shape).toEqual([0]);
    expect(broadcastTo(zeros([0, 1]), [2, 0, 3]).shape).toEqual([2, 0, 3]);
  });

  test('rejects shapes that are not a broadcast of x', () => {
    expect(() => broadcastTo(tensor([1, 2, 3]), [3, 2])).toThrow(ShapeError);
    expect(() => broadcastTo(tensor([1, 2, 3]), [3, 2])).toThrow(
      'broadcastTo: cannot broadcast a tensor of shape [3] to [3,2]',
    );
    expect(() => broadcastTo(zeros([2, 3]), [3])).toThrow(ShapeError);
    expect(() => broadcastTo(zeros([0]), [1])).toThrow(ShapeError);
    expect(() => broadcastTo(zeros([1]), [-1])).toThrow(ShapeError);
  });
});
