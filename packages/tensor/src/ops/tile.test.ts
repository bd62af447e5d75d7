import { describe, expect, test } from 'vitest';
import { range, ShapeError, scalar, tensor, tile, ValueError, zeros } from '../index.js';

describe('tile', () => {
  test('TF docs: tile([[1, 2, 3], [4, 5, 6]], [1, 2]) and [2, 1] and [2, 2]', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tile(a, [1, 2]).arraySync()).toEqual([
      [1, 2, 3, 1, 2, 3],
      [4, 5, 6, 4, 5, 6],
    ]);
    expect(tile(a, [2, 1]).arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(a.tile([2, 2]).arraySync()).toEqual([
      [1, 2, 3, 1, 2, 3],
      [4, 5, 6, 4, 5, 6],
      [1, 2, 3, 1, 2, 3],
      [4, 5, 6, 4, 5, 6],
    ]);
  });

  test('1-D, 3-D, int32 and bool', () => {
    expect(tile(tensor([0, 1, 2]), [2]).arraySync()).toEqual([0, 1, 2, 0, 1, 2]);
    const t = tile(range(4, undefined, 1, 'int32').reshape([2, 1, 2]), [1, 3, 1]);
    expect(t.dtype).toBe('int32');
    expect(t.arraySync()).toEqual([
      [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
      [
        [2, 3],
        [2, 3],
        [2, 3],
      ],
    ]);
    expect(tile(tensor([true, false]), [2]).arraySync()).toEqual([1, 0, 1, 0]);
  });

  test('scalars, zero repetitions and zero-size dims', () => {
    expect(tile(scalar(3), []).arraySync()).toBe(3);
    expect(tile(tensor([1, 2]), [0]).shape).toEqual([0]);
    expect(tile(zeros([0, 2]), [3, 2]).shape).toEqual([0, 4]);
  });

  test('rejects a reps length that is not the rank, and negative reps', () => {
    expect(() => tile(tensor([1, 2]), [2, 2])).toThrow(ShapeError);
    expect(() => tile(tensor([1, 2]), [2, 2])).toThrow(
      'tile: expected one repetition count per dimension of [2], got [2,2]',
    );
    expect(() => tile(tensor([1, 2]), [-1])).toThrow(ValueError);
    expect(() => tile(tensor([1, 2]), [1.5])).toThrow(/tile/);
  });
});
