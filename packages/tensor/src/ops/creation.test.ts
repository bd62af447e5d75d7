import { describe, expect, test } from 'vitest';
import {
  eye,
  full,
  linspace,
  ones,
  onesLike,
  randomNormal,
  randomUniform,
  range,
  ShapeError,
  setSeed,
  tensor,
  truncatedNormal,
  ValueError,
  zeros,
  zerosLike,
} from '../index.js';

describe('creation', () => {
  test('zeros, ones, full and the *Like forms', () => {
    expect(zeros([2, 2]).arraySync()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(ones([3], 'int32').dtype).toBe('int32');
    expect(full([2], 7).arraySync()).toEqual([7, 7]);
    expect(full([1], true).dtype).toBe('bool');
    const like = tensor([1, 2, 3], [3], 'int32');
    expect(zerosLike(like).dtype).toBe('int32');
    expect(onesLike(like).arraySync()).toEqual([1, 1, 1]);
    expect(zeros([0, 3]).shape).toEqual([0, 3]);
    expect(() => zeros([2.5])).toThrow(ShapeError);
  });

  test('range follows numpy.arange; linspace includes both ends; eye', () => {
    expect(range(0, 10, 3).arraySync()).toEqual([0, 3, 6, 9]);
    expect(range(5).arraySync()).toEqual([0, 1, 2, 3, 4]);
    expect(range(5, 0, -2).arraySync()).toEqual([5, 3, 1]);
    expect(range(3, 3).shape).toEqual([0]);
    expect(range(0, 1, 0.25).arraySync()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(() => range(0, 10, 0)).toThrow(/step must be non-zero/);
    expect(linspace(0, 1, 5).arraySync()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(2, 3, 1).arraySync()).toEqual([2]);
    expect(eye(2, 3).arraySync()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
});

describe('seeded random', () => {
  test('the same seed gives the same numbers; setSeed drives calls without a seed', () => {
    const a = randomUniform([5], { seed: 42 }).dataSync();
    const b = randomUniform([5], { seed: 42 }).dataSync();
    expect([...a]).toEqual([...b]);
    setSeed(7);
    const c = randomNormal([4]).dataSync();
    setSeed(7);
    const d = randomNormal([4]).dataSync();
    expect([...c]).toEqual([...d]);
  });

  test('uniform bounds and moments, normal moments, truncation at two stddevs', () => {
    const u = randomUniform([20000], { min: -1, max: 3, seed: 1 }).dataSync();
    let sum = 0;
    for (const v of u) {
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThan(3);
      sum += v;
    }
    expect(sum / u.length).toBeCloseTo(1, 1);
    const n = Array.from(randomNormal([20000], { mean: 2, stddev: 0.5, seed: 2 }).dataSync());
    const mean = n.reduce((a, b) => a + b, 0) / n.length;
    const sd = Math.sqrt(n.reduce((a, b) => a + (b - mean) ** 2, 0) / n.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(0.5, 1);
    const t = Array.from(truncatedNormal([5000], { stddev: 0.05, seed: 3 }).dataSync());
    expect(Math.max(...t.map(Math.abs))).toBeLessThanOrEqual(0.1 + 1e-7);
    const ints = randomUniform([100], { min: 0, max: 3, dtype: 'int32', seed: 4 }).dataSync();
    expect(new Set(ints)).toEqual(new Set([0, 1, 2]));
  });

  test('bad options are refused', () => {
    expect(() => randomUniform([2], { min: 1, max: 1 })).toThrow(ValueError);
    expect(() => randomNormal([2], { stddev: -1 })).toThrow(/stddev must be non-negative/);
  });
});
