import { describe, expect, test } from 'vitest';
import { equal, greater, greaterEqual, less, lessEqual, notEqual, ShapeError, tensor, zeros } from '../index.js';

describe('comparisons', () => {
  test('each comparison against NumPy', () => {
    const a = tensor([1, 2, 3]);
    const b = tensor([3, 2, 1]);
    expect(equal(a, b).arraySync()).toEqual([0, 1, 0]);
    expect(notEqual(a, b).arraySync()).toEqual([1, 0, 1]);
    expect(greater(a, b).arraySync()).toEqual([0, 0, 1]);
    expect(greaterEqual(a, b).arraySync()).toEqual([0, 1, 1]);
    expect(less(a, b).arraySync()).toEqual([1, 0, 0]);
    expect(lessEqual(a, b).arraySync()).toEqual([1, 1, 0]);
    expect(equal(a, b).dtype).toBe('bool');
  });

  test('broadcasting: [2,1] against [3] gives [2,3]', () => {
    const r = greater(tensor([[1], [2]]), tensor([0, 1, 2]));
    expect(r.shape).toEqual([2, 3]);
    expect(r.arraySync()).toEqual([
      [1, 0, 0],
      [1, 1, 0],
    ]);
    expect(less(tensor([1, 5]), 3).arraySync()).toEqual([1, 0]);
    expect(lessEqual(2, tensor([[1, 2, 3]])).arraySync()).toEqual([[0, 1, 1]]);
  });

  test('int32 against float32 compares as float32', () => {
    const i = tensor([1, 2], [2], 'int32');
    expect(equal(i, tensor([1.5, 2])).arraySync()).toEqual([0, 1]);
    expect(greater(i, 1.5).arraySync()).toEqual([0, 1]);
    expect(lessEqual(i, tensor([0.9, 2.1])).arraySync()).toEqual([0, 1]);
  });

  test('bool operands and NaN', () => {
    expect(equal(tensor([true, false]), tensor([true, true])).arraySync()).toEqual([1, 0]);
    const nan = tensor([Number.NaN, 1]);
    expect(equal(nan, nan).arraySync()).toEqual([0, 1]);
    expect(notEqual(nan, nan).arraySync()).toEqual([1, 0]);
    expect(greaterEqual(nan, 0).arraySync()).toEqual([0, 1]);
  });

  test('scalars and zero-size', () => {
    expect(equal(3, 3).arraySync()).toBe(1);
    expect(equal(3, 3).shape).toEqual([]);
    const z = less(zeros([0, 3]), zeros([3]));
    expect(z.shape).toEqual([0, 3]);
    expect(z.dtype).toBe('bool');
  });

  test('method form', () => {
    expect(tensor([1, 2]).equal(2).arraySync()).toEqual([0, 1]);
    expect(tensor([1, 2]).notEqual(2).arraySync()).toEqual([1, 0]);
    expect(tensor([1, 2]).greater(1).arraySync()).toEqual([0, 1]);
    expect(tensor([1, 2]).greaterEqual(2).arraySync()).toEqual([0, 1]);
    expect(tensor([1, 2]).less(2).arraySync()).toEqual([1, 0]);
    expect(tensor([1, 2]).lessEqual(1).arraySync()).toEqual([1, 0]);
  });

  test('shapes that do not broadcast throw ShapeError naming the op', () => {
    expect(() => equal(zeros([2, 3]), zeros([4]))).toThrow(ShapeError);
    expect(() => greater(zeros([2, 3]), zeros([4]))).toThrow(/greater: shapes \[2,3\] and \[4\]/);
  });
});
