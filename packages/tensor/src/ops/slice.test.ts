import { describe, expect, test } from 'vitest';
import { range, ShapeError, slice, tensor, zeros } from '../index.js';

describe('slice', () => {
  const x = range(12).reshape([3, 4]);

  test('begin and size arrays', () => {
    expect(slice(x, [1, 1], [2, 2]).arraySync()).toEqual([
      [5, 6],
      [9, 10],
    ]);
    expect(slice(x, [0, 3], [3, 1]).arraySync()).toEqual([[3], [7], [11]]);
  });

  test('a number begin/size applies to the first dim; -1 and omitted sizes run to the end', () => {
    expect(slice(x, 1).arraySync()).toEqual([
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
    expect(slice(x, 1, 1).arraySync()).toEqual([[4, 5, 6, 7]]);
    expect(slice(x, [0, 2]).arraySync()).toEqual([
      [2, 3],
      [6, 7],
      [10, 11],
    ]);
    expect(slice(x, [1, 1], [-1, 2]).arraySync()).toEqual([
      [5, 6],
      [9, 10],
    ]);
    expect(x.slice([2], [1]).arraySync()).toEqual([[8, 9, 10, 11]]);
    expect(slice(tensor([1, 2, 3, 4]), 1, 2).arraySync()).toEqual([2, 3]);
  });

  test('3-D, int32, bool, whole tensor and zero-size results', () => {
    const t = range(24, undefined, 1, 'int32').reshape([2, 3, 4]);
    const s = slice(t, [1, 0, 1], [1, 2, 2]);
    expect(s.dtype).toBe('int32');
    expect(s.arraySync()).toEqual([
      [
        [13, 14],
        [17, 18],
      ],
    ]);
    expect(slice(tensor([true, false, true]), 1).arraySync()).toEqual([0, 1]);
    expect(slice(x, [0, 0]).arraySync()).toEqual(x.arraySync());
    expect(slice(x, [3, 0]).shape).toEqual([0, 4]);
    expect(slice(x, [1, 1], [0, 2]).shape).toEqual([0, 2]);
    expect(slice(zeros([0, 2]), [0, 1]).shape).toEqual([0, 1]);
  });

  test('out-of-bounds begin or size throws a ShapeError', () => {
    expect(() => slice(x, [4, 0])).toThrow(ShapeError);
    expect(() => slice(x, [4, 0])).toThrow(/slice: begin 4 is out of bounds for dimension 0 of shape \[3,4\]/);
    expect(() => slice(x, [-1, 0])).toThrow(ShapeError);
    expect(() => slice(x, [1, 1], [3, 1])).toThrow(/slice: size 3 from begin 1 runs out of dimension 0/);
    expect(() => slice(x, [0, 0], [1, -2])).toThrow(ShapeError);
    expect(() => slice(x, [0, 0, 0])).toThrow(ShapeError);
    expect(() => slice(x, [0.5])).toThrow(ShapeError);
  });
});
