import { describe, expect, test } from 'vitest';
import { range, scalar, tensor, zeros } from './index.js';

describe('toString prints like NumPy str()', () => {
  test('floats, ints, bools, scalars', () => {
    expect(tensor([1, 2.5]).toString()).toBe('[1.  2.5]');
    expect(tensor([0.59, 0.26, 0.15]).toString()).toBe('[0.59 0.26 0.15]');
    expect(tensor([1, 20, 3], [3], 'int32').toString()).toBe('[ 1 20  3]');
    expect(tensor([true, false]).toString()).toBe('[ True False]');
    expect(scalar(3).toString()).toBe('3.');
    expect(tensor([-1, 2]).toString()).toBe('[-1.  2.]');
    expect(tensor([Number.NaN, 1]).toString()).toBe('[nan  1.]');
  });

  test('nested rows and blocks', () => {
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ]).toString(),
    ).toBe('[[1. 2.]\n [3. 4.]]');
    expect(range(8, undefined, 1, 'int32').reshape([2, 2, 2]).toString()).toBe(
      '[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]',
    );
  });

  test('scientific notation for wide ranges, summaries past 1000 elements', () => {
    expect(tensor([1e-5, 1000]).toString()).toBe('[1.e-05 1.e+03]');
    const big = zeros([2000]).toString();
    expect(big).toBe('[0. 0. 0. ... 0. 0. 0.]');
  });
});
