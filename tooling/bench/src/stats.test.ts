import { describe, expect, test } from 'vitest';
import { iterationsFor } from './measure.js';
import { conv2dFlops, fractionOfPeak, matmulGflops, median, quantile, speedup } from './stats.js';

describe('statistics of fake timings', () => {
  test('median of odd and even counts, unsorted input left alone', () => {
    const times = [12, 10, 11];
    expect(median(times)).toBe(11);
    expect(times).toEqual([12, 10, 11]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  test('quantile interpolates as NumPy: np.quantile([1, 2, 3, 4], 0.25) == 1.75', () => {
    expect(quantile([4, 3, 2, 1], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });

  test('speedup is above 1 when Horn is better, for throughputs and for times', () => {
    expect(speedup(90, 45, 'higher')).toBe(2);
    expect(speedup(10, 30, 'lower')).toBe(3);
    expect(speedup(20, 10, 'lower')).toBe(0.5);
    expect(speedup(undefined, 10, 'higher')).toBeNaN();
    expect(speedup(5, 0, 'higher')).toBeNaN();
  });

  test('GFLOP/s of matmul and conv2d from hand-counted flops', () => {
    // 2 * 1024^3 = 2,147,483,648 flops in 50 ms
    expect(matmulGflops(1024, 0.05)).toBeCloseTo(42.94967296, 8);
    // 2 * 128 * 28 * 28 * 3 * 3 * 1 * 32
    expect(conv2dFlops([128, 28, 28, 1], [3, 3, 1, 32], [28, 28])).toBe(57_802_752);
    expect(fractionOfPeak(41.5, 166)).toBeCloseTo(0.25, 12);
  });

  test('iterations per repetition: enough for minSampleMs, cut to maxSampleMs, at least one', () => {
    expect(iterationsFor(2, { minSampleMs: 100, maxSampleMs: 5000 })).toBe(50);
    expect(iterationsFor(2, { iterations: 50, minSampleMs: 0, maxSampleMs: 40 })).toBe(20);
    expect(iterationsFor(9000, { iterations: 50, minSampleMs: 0, maxSampleMs: 5000 })).toBe(1);
    expect(iterationsFor(0, { minSampleMs: 10, maxSampleMs: 1e9 })).toBe(10_000);
  });
});
