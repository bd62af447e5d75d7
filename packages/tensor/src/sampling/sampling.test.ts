import { describe, expect, test } from 'vitest';
import { DTypeError, ones, random, SeedGenerator, ShapeError, setSeed, tensor, ValueError } from '../index.js';

const values = (t: { dataSync(): ArrayLike<number> }) => Array.from(t.dataSync());
const meanOf = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const stdOf = (v: number[]) => Math.sqrt(meanOf(v.map((x) => (x - meanOf(v)) ** 2)));

// Horn's streams are its own (sfc32), so the numbers are not Keras' (jax threefry) for a seed; these
// tests check what Keras documents: the distributions, the ranges, the shapes and dtypes, and that an
// integer seed repeats while a SeedGenerator advances.
describe('keras.random seeds', () => {
  test('an integer seed gives the same numbers every call; a SeedGenerator differs per call and repeats per run', () => {
    expect(values(random.normal([5], { seed: 3 }))).toEqual(values(random.normal([5], { seed: 3 })));
    expect(values(random.normal([5], { seed: 3 }))).not.toEqual(values(random.normal([5], { seed: 4 })));
    const gen = new SeedGenerator(42);
    const first = values(random.uniform([5], { seed: gen }));
    const second = values(random.uniform([5], { seed: gen }));
    expect(first).not.toEqual(second);
    const again = new SeedGenerator(42);
    expect(values(random.uniform([5], { seed: again }))).toEqual(first);
    expect(values(random.uniform([5], { seed: again }))).toEqual(second);
    expect(gen.getConfig()).toEqual({ seed: 42 });
  });

  test('without a seed, the global stream (setSeed) decides', () => {
    setSeed(7);
    const a = values(random.normal([4]));
    setSeed(7);
    expect(values(random.normal([4]))).toEqual(a);
    setSeed(7);
    const seed = new SeedGenerator().seed;
    setSeed(7);
    expect(new SeedGenerator(null).seed).toBe(seed);
  });

  test('bad seeds are refused by name', () => {
    expect(() => random.normal([2], { seed: 1.5 })).toThrow(
      /random.normal: seed must be an integer or a SeedGenerator, got 1.5/,
    );
    expect(() => new SeedGenerator(Number.NaN)).toThrow(/SeedGenerator: seed must be an integer/);
  });
});

describe('keras.random distributions', () => {
  test('normal: mean and stddev of 20000 draws', () => {
    const v = values(random.normal([20000], { mean: 3, stddev: 2, seed: 1 }));
    expect(meanOf(v)).toBeCloseTo(3, 1);
    expect(stdOf(v)).toBeCloseTo(2, 1);
  });

  test('truncatedNormal: every value within two stddevs of the mean (Keras truncates at 2σ)', () => {
    const v = values(random.truncatedNormal([20000], { mean: 1, stddev: 0.5, seed: 2 }));
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...v)).toBeLessThanOrEqual(2);
    expect(meanOf(v)).toBeCloseTo(1, 1);
    // The stddev of a normal truncated at ±2σ is 0.8796σ.
    expect(stdOf(v)).toBeCloseTo(0.8796 * 0.5, 2);
  });

  test('uniform: values in [minval, maxval), mean in the middle; only float dtypes', () => {
    const t = random.uniform([2, 5000], { minval: -2, maxval: 4, seed: 3 });
    expect(t.dtype).toBe('float32');
    const v = values(t);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...v)).toBeLessThan(4);
    expect(meanOf(v)).toBeCloseTo(1, 1);
    expect(() => random.uniform([2], { dtype: 'int32' as 'float32' })).toThrow(DTypeError);
    expect(() => random.uniform([2], { minval: 1, maxval: 1 })).toThrow(/maxval must be greater than minval/);
  });

  test('randint: int32 in [minval, maxval), every value drawn', () => {
    const t = random.randint([3000], -1, 3, { seed: 4 });
    expect(t.dtype).toBe('int32');
    expect([...new Set(values(t))].sort()).toEqual([-1, 0, 1, 2]);
    expect(() => random.randint([2], 0, 2.5)).toThrow(/minval and maxval must be integers with maxval > minval/);
    expect(() => random.randint([2], 0, 2, { dtype: 'float32' as 'int32' })).toThrow(/dtype must be 'int32'/);
  });

  test('categorical: [batch, numSamples] int32, frequencies follow softmax(logits), -Infinity never drawn', () => {
    const logits = [Math.log(0.2), Math.log(0.3), Math.log(0.5)];
    const t = random.categorical([logits, [0, -Infinity, 0]], 20000, { seed: 5 });
    expect(t.shape).toEqual([2, 20000]);
    expect(t.dtype).toBe('int32');
    const v = values(t);
    const freq = (row: number, c: number) =>
      v.slice(row * 20000, (row + 1) * 20000).filter((x) => x === c).length / 20000;
    expect(freq(0, 0)).toBeCloseTo(0.2, 1);
    expect(freq(0, 1)).toBeCloseTo(0.3, 1);
    expect(freq(0, 2)).toBeCloseTo(0.5, 1);
    expect(freq(1, 1)).toBe(0);
    expect(freq(1, 0)).toBeCloseTo(0.5, 1);
    expect(() => random.categorical([1, 2], 2)).toThrow(ShapeError);
    expect(() => random.categorical([[1, 2]], -1)).toThrow(/numSamples must be a non-negative integer/);
  });
});

describe('keras.random shuffle and dropout', () => {
  test('shuffle permutes the slices along an axis', () => {
    const x = tensor([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const rows = random.shuffle(x, { axis: 1, seed: 6 }).arraySync() as number[][];
    expect([...rows[0]].sort()).toEqual([1, 2, 3, 4]);
    expect(rows[1]).toEqual(rows[0].map((v) => v + 4)); // whole columns move together
    const big = values(random.shuffle(tensor(Array.from({ length: 50 }, (_, i) => i)), { seed: 6 }));
    expect([...big].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(big).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(() => random.shuffle(tensor(1))).toThrow(/cannot shuffle a scalar/);
  });

  test('dropout: 0 or 1 / (1 - rate), about rate zeroed; noiseShape shares draws; rate 1 gives zeros', () => {
    const v = values(random.dropout(ones([10000]), 0.3, { seed: 7 }));
    expect(new Set(v.map((x) => x.toFixed(5)))).toEqual(new Set(['0.00000', (1 / 0.7).toFixed(5)]));
    expect(v.filter((x) => x === 0).length / v.length).toBeCloseTo(0.3, 1);
    const shared = random.dropout(ones([3, 4]), 0.5, { noiseShape: [1, 4], seed: 8 }).arraySync() as number[][];
    expect(shared[1]).toEqual(shared[0]);
    expect(shared[2]).toEqual(shared[0]);
    expect(values(random.dropout(ones([4]), 1, { seed: 1 }))).toEqual([0, 0, 0, 0]);
    expect(() => random.dropout(ones([2]), 1.5)).toThrow(ValueError);
    expect(() => random.dropout(ones([2, 2]), 0.5, { noiseShape: [2] })).toThrow(
      /noiseShape \[2\] must have the inputs' rank/,
    );
  });
});
