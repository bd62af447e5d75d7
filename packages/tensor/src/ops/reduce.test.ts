import { describe, expect, test } from 'vitest';
import { all, any, max, min, prod, range, ShapeError, sum, tensor, ValueError, zeros } from '../index.js';

const cube = () => range(24).reshape([2, 3, 4]);

/** A second computation: the reduction by walking every index of a row-major array. */
function naiveReduce(
  values: number[],
  shape: number[],
  axes: number[],
  fold: (a: number, v: number) => number,
  init: number,
) {
  const outShape = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const out = new Array<number>(outShape.reduce((a, b) => a * b, 1)).fill(init);
  const idx = new Array<number>(shape.length).fill(0);
  for (const v of values) {
    let o = 0;
    for (let d = 0; d < shape.length; d++) o = o * outShape[d] + (axes.includes(d) ? 0 : idx[d]);
    out[o] = fold(out[o], v);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

describe('sum', () => {
  test('NumPy results on arange(24).reshape(2,3,4)', () => {
    expect(sum(cube(), [0, 2]).arraySync()).toEqual([60, 92, 124]);
    expect(sum(cube(), -1).arraySync()).toEqual([
      [6, 22, 38],
      [54, 70, 86],
    ]);
    expect(sum(cube(), 1).arraySync()).toEqual([
      [12, 15, 18, 21],
      [48, 51, 54, 57],
    ]);
    expect(sum(cube(), 0).arraySync()).toEqual([
      [12, 14, 16, 18],
      [20, 22, 24, 26],
      [28, 30, 32, 34],
    ]);
    expect(sum(cube()).arraySync()).toBe(276);
    expect(sum(cube(), [-3, -1]).arraySync()).toEqual([60, 92, 124]);
  });

  test('keepDims keeps reduced axes as 1', () => {
    const r = sum(cube(), [0, 2], true);
    expect(r.shape).toEqual([1, 3, 1]);
    expect(r.arraySync()).toEqual([[[60], [92], [124]]]);
    expect(sum(cube(), undefined, true).shape).toEqual([1, 1, 1]);
  });

  test('every axis subset of a rank-4 tensor matches a naive walk', () => {
    const shape = [2, 3, 1, 4];
    const values = Array.from({ length: 24 }, (_, i) => ((i * 7) % 11) - 5);
    const x = tensor(values, shape);
    for (let mask = 0; mask < 16; mask++) {
      const axes = [0, 1, 2, 3].filter((a) => mask & (1 << a));
      const expected = naiveReduce(values, shape, axes, (a, v) => a + v, 0);
      expect(Array.from(sum(x, axes, true).dataSync())).toEqual(expected);
      expect(Array.from(max(x, axes).dataSync())).toEqual(naiveReduce(values, shape, axes, Math.max, -Infinity));
    }
  });

  test('empty axis list reduces nothing', () => {
    expect(sum(tensor([[1, 2]]), []).arraySync()).toEqual([[1, 2]]);
  });

  test('zero-size: sum of nothing is 0', () => {
    expect(sum(zeros([0, 3]), 0).arraySync()).toEqual([0, 0, 0]);
    expect(sum(zeros([0, 3]), 1).shape).toEqual([0]);
    expect(sum(zeros([0])).arraySync()).toBe(0);
    expect(sum(zeros([2, 0]), 1, true).arraySync()).toEqual([[0], [0]]);
  });

  test('scalars take axis 0 or -1', () => {
    expect(sum(tensor(5)).arraySync()).toBe(5);
    expect(sum(tensor(5), 0).arraySync()).toBe(5);
    expect(sum(tensor(5), -1, true).shape).toEqual([]);
  });

  test('int32 stays int32, bool sums to int32', () => {
    const i = sum(tensor([1, 2, 3], [3], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toBe(6);
    const b = sum(
      tensor([
        [true, false, true],
        [true, true, true],
      ]),
      1,
    );
    expect(b.dtype).toBe('int32');
    expect(b.arraySync()).toEqual([2, 3]);
  });

  test('float32 accumulates in double', () => {
    // 1e4 ones on top of 1e8: a float32 accumulator would stay at 1e8.
    const values = new Float32Array(10001).fill(1);
    values[0] = 1e8;
    expect(sum(tensor(values)).arraySync()).toBe(100010000);
  });
});

describe('prod, max, min', () => {
  test('prod', () => {
    const x = range(1, 7).reshape([2, 3]);
    expect(prod(x, 0).arraySync()).toEqual([4, 10, 18]);
    expect(prod(x, 1).arraySync()).toEqual([6, 120]);
    expect(prod(zeros([0, 2]), 0).arraySync()).toEqual([1, 1]);
    const i = prod(tensor([2, 3], [2], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toBe(6);
    expect(prod(tensor([true, false])).dtype).toBe('int32');
  });

  test('max and min keep dtype; NaN wins', () => {
    expect(max(cube(), 1).arraySync()).toEqual([
      [8, 9, 10, 11],
      [20, 21, 22, 23],
    ]);
    expect(min(cube(), [0, 2]).arraySync()).toEqual([0, 4, 8]);
    expect(max(tensor([-3, -1, -2])).arraySync()).toBe(-1);
    const i = min(tensor([4, -7], [2], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toBe(-7);
    const b = max(tensor([false, true]));
    expect(b.dtype).toBe('bool');
    expect(b.arraySync()).toBe(1);
    expect(max(tensor([1, Number.NaN, 3])).arraySync()).toBeNaN();
    expect(
      min(
        tensor([
          [1, Number.NaN],
          [0, 2],
        ]),
        1,
      ).arraySync(),
    ).toEqual([Number.NaN, 0]);
    expect(max(tensor([[1, 2]]), 0, true).shape).toEqual([1, 2]);
  });

  test('max/min of a zero-size reduction is a ValueError, like NumPy', () => {
    expect(() => max(zeros([0, 3]), 0)).toThrow(ValueError);
    expect(() => max(zeros([0, 3]), 0)).toThrow(/zero-size array to reduction operation max which has no identity/);
    expect(() => min(zeros([0]))).toThrow(/reduction operation min/);
    // Reducing the non-empty axis of a zero-size tensor is fine: np.zeros((0, 3)).max(axis=1) -> []
    expect(max(zeros([0, 3]), 1).shape).toEqual([0]);
  });
});

describe('all and any', () => {
  test('bool input', () => {
    const x = tensor([
      [true, false],
      [true, true],
    ]);
    expect(all(x, 1).arraySync()).toEqual([0, 1]);
    expect(any(x, 0).arraySync()).toEqual([1, 1]);
    expect(all(x).arraySync()).toBe(0);
    expect(any(tensor([false, false])).arraySync()).toBe(0);
    expect(all(x, 1).dtype).toBe('bool');
  });

  test('non-bool input counts non-zero as true', () => {
    expect(all(tensor([1, 2, 0.5])).arraySync()).toBe(1);
    expect(
      any(
        tensor(
          [
            [0, 0],
            [0, -1],
          ],
          [2, 2],
          'int32',
        ),
        -1,
        true,
      ).arraySync(),
    ).toEqual([[0], [1]]);
  });

  test('empty: all is true, any is false', () => {
    expect(all(zeros([0], 'bool')).arraySync()).toBe(1);
    expect(any(zeros([0], 'bool')).arraySync()).toBe(0);
  });
});

describe('method form and errors', () => {
  test('methods delegate', () => {
    expect(cube().sum([0, 2]).arraySync()).toEqual([60, 92, 124]);
    expect(cube().max(-1, true).shape).toEqual([2, 3, 1]);
    expect(cube().min().arraySync()).toBe(0);
    expect(tensor([2, 3]).prod().arraySync()).toBe(6);
    expect(tensor([true, false]).any().arraySync()).toBe(1);
    expect(tensor([true, false]).all().arraySync()).toBe(0);
  });

  test('axis errors', () => {
    expect(() => sum(cube(), 3)).toThrow(ShapeError);
    expect(() => sum(cube(), -4)).toThrow(/sum: axis -4 is out of bounds/);
    expect(() => max(cube(), [0, -3])).toThrow(ValueError);
    expect(() => max(cube(), [0, -3])).toThrow(/max: repeated axis/);
    expect(() => sum(tensor(1), 1)).toThrow(ShapeError);
    expect(() => sum(tensor(1), [0, -1])).toThrow(/sum: repeated axis/);
    expect(() => prod(cube(), 1.5)).toThrow(/prod: expected an integer axis/);
    expect(() => all(cube(), 0, 'yes' as unknown as boolean)).toThrow(/all: keepDims must be a boolean/);
  });
});
