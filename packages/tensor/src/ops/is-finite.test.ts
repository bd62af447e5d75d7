import { describe, expect, test } from 'vitest';
import { isFinite, isNaN, tensor, zeros } from '../index.js';

describe('isNaN and isFinite', () => {
  const x = tensor([1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0]);

  test('float32 values', () => {
    expect(isNaN(x).arraySync()).toEqual([0, 1, 0, 0, 0]);
    expect(isFinite(x).arraySync()).toEqual([1, 0, 0, 0, 1]);
    expect(isNaN(x).dtype).toBe('bool');
    expect(isFinite(x).dtype).toBe('bool');
  });

  test('int32 and bool: never NaN, always finite', () => {
    const i = tensor([[1, -2]], [1, 2], 'int32');
    expect(isNaN(i).arraySync()).toEqual([[0, 0]]);
    expect(isFinite(i).arraySync()).toEqual([[1, 1]]);
    expect(isFinite(tensor([true, false])).arraySync()).toEqual([1, 1]);
  });

  test('scalars, zero-size and method form', () => {
    expect(isNaN(Number.NaN).arraySync()).toBe(1);
    expect(isFinite(zeros([2, 0])).shape).toEqual([2, 0]);
    expect(tensor([1, Number.NaN]).isNaN().arraySync()).toEqual([0, 1]);
    expect(tensor([1, Number.POSITIVE_INFINITY]).isFinite().arraySync()).toEqual([1, 0]);
  });

  test('bad input names the op', () => {
    expect(() => isNaN('x' as unknown as number)).toThrow(/isNaN/);
    expect(() => isFinite([[1], [1, 2]])).toThrow(/isFinite/);
  });
});
