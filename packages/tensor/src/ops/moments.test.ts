import { describe, expect, test } from 'vitest';
import { mean, range, ShapeError, std, tensor, ValueError, variance, zeros } from '../index.js';
import { expectClose } from '../test-support/expect-close.js';

// y = np.array([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8]])
const y = () =>
  tensor([
    [3, 1, 4, 1],
    [5, 9, 2, 6],
    [5, 3, 5, 8],
  ]);

describe('mean', () => {
  test('NumPy results', () => {
    expectClose(mean(y()), [4.333333333333333]);
    expectClose(mean(y(), 0), [4.333333333333333, 4.333333333333333, 3.6666666666666665, 5]);
    expectClose(mean(y(), -1), [2.25, 5.5, 5.25]);
    expect(mean(y(), 1, true).shape).toEqual([3, 1]);
    expect(mean(y()).shape).toEqual([]);
  });

  test('int32 and bool give float32', () => {
    const m = mean(range(24, undefined, 1, 'int32').reshape([2, 3, 4]), [0, 2]);
    expect(m.dtype).toBe('float32');
    expect(m.arraySync()).toEqual([7.5, 11.5, 15.5]);
    expect(mean(tensor([true, false, false, true])).arraySync()).toBe(0.5);
  });

  test('zero-size reductions give NaN like NumPy; scalars are their own mean', () => {
    expect(Array.from(mean(zeros([0, 2]), 0).dataSync())).toEqual([Number.NaN, Number.NaN]);
    expect(mean(zeros([0, 2]), 1).shape).toEqual([0]);
    expect(mean(7).arraySync()).toBe(7);
  });
});

describe('variance and std (ddof=0)', () => {
  test('NumPy results', () => {
    expectClose(variance(y()), [5.888888888888889]);
    expectClose(variance(y(), 0), [0.888888888888889, 11.555555555555557, 1.5555555555555554, 8.666666666666666]);
    expectClose(variance(y(), 1), [1.6875, 6.25, 3.1875]);
    expectClose(std(y(), -1), [1.299038105676658, 2.5, 1.7853571071357126]);
    expectClose(std(y()), [Math.sqrt(5.888888888888889)]);
    expect(variance(y(), [0, 1], true).shape).toEqual([1, 1]);
    expect(std(y(), 0, true).shape).toEqual([1, 4]);
  });

  test('constant input has zero variance; int32 gives float32', () => {
    expect(variance(tensor([[2, 2, 2]]), 1).arraySync()).toEqual([0]);
    const v = variance(tensor([1, 2, 3, 4], [4], 'int32'));
    expect(v.dtype).toBe('float32');
    expect(v.arraySync()).toBe(1.25);
  });
});

describe('method form and errors', () => {
  test('methods delegate', () => {
    expectClose(y().mean(0), [4.333333333333333, 4.333333333333333, 3.6666666666666665, 5]);
    expectClose(y().variance(1), [1.6875, 6.25, 3.1875]);
    expectClose(y().std(1), [1.299038105676658, 2.5, 1.7853571071357126]);
  });

  test('axis errors name the op', () => {
    expect(() => mean(y(), 2)).toThrow(ShapeError);
    expect(() => mean(y(), 2)).toThrow(/mean: axis 2 is out of bounds/);
    expect(() => variance(y(), [1, -1])).toThrow(ValueError);
    expect(() => variance(y(), [1, -1])).toThrow(/variance: repeated axis/);
    expect(() => std(y(), -3)).toThrow(/std: axis -3 is out of bounds/);
    expect(() => mean(y(), 0, 'no' as unknown as boolean)).toThrow(/mean: keepDims must be a boolean/);
  });
});
