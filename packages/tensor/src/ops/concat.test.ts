import { describe, expect, test } from 'vitest';
import { concat, range, ShapeError, scalar, stack, tensor, ValueError, zeros } from '../index.js';

describe('concat', () => {
  test('NumPy docs: concatenate((a, b), axis=0) and with b.T along axis 1', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    const b = tensor([[5, 6]]);
    expect(concat([a, b], 0).arraySync()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(concat([a, b.transpose()], 1).arraySync()).toEqual([
      [1, 2, 5],
      [3, 4, 6],
    ]);
    expect(concat([a, b.transpose()], -1).shape).toEqual([2, 3]);
  });

  test('three parts along a middle axis; the method form', () => {
    const x = range(4).reshape([2, 1, 2]);
    const y = range(4).reshape([2, 1, 2]).add(10);
    const c = x.concat([y, x], 1);
    expect(c.arraySync()).toEqual([
      [
        [0, 1],
        [10, 11],
        [0, 1],
      ],
      [
        [2, 3],
        [12, 13],
        [2, 3],
      ],
    ]);
  });

  test('dtypes are promoted; bools stay bool', () => {
    const m = concat([tensor([1, 2], undefined, 'int32'), tensor([0.5])]);
    expect(m.dtype).toBe('float32');
    expect(m.arraySync()).toEqual([1, 2, 0.5]);
    const i = concat([tensor([true]), tensor([3], undefined, 'int32')]);
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([1, 3]);
    const b = concat([tensor([true]), tensor([false])]);
    expect(b.dtype).toBe('bool');
    expect(b.arraySync()).toEqual([1, 0]);
  });

  test('a single tensor returns itself; an empty part and zero-size dims', () => {
    const a = tensor([1, 2]);
    expect(concat([a])).toBe(a);
    expect(concat([tensor([[1, 2]]), zeros([0, 2]), tensor([[3, 4]])]).arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(concat([zeros([2, 0]), tensor([[1], [2]])], 1).arraySync()).toEqual([[1], [2]]);
    expect(concat([zeros([0, 3]), zeros([0, 3])]).shape).toEqual([0, 3]);
  });

  test('errors', () => {
    expect(() => concat([])).toThrow(ValueError);
    expect(() => concat([])).toThrow(/concat: expected at least one tensor/);
    expect(() => concat([zeros([2, 3]), zeros([2, 3]), zeros([2, 4])])).toThrow(ShapeError);
    expect(() => concat([zeros([2, 3]), zeros([2, 3]), zeros([2, 4])])).toThrow(
      'concat: tensor 2 has shape [2,4], but tensor 0 has shape [2,3]; all dimensions except axis 0 must match',
    );
    expect(() => concat([zeros([2, 3]), zeros([3])])).toThrow(/tensor 1 has shape \[3\]/);
    expect(() => concat([zeros([2]), zeros([2])], 1)).toThrow(ShapeError);
    expect(() => concat([scalar(1), scalar(2)])).toThrow(ShapeError);
  });
});

describe('stack', () => {
  test('NumPy docs: stack along axis 0, 1 and -1', () => {
    const a = tensor([1, 2, 3]);
    const b = tensor([4, 5, 6]);
    expect(stack([a, b]).arraySync()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(stack([a, b], 1).arraySync()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(stack([a, b], -1).shape).toEqual([3, 2]);
  });

  test('scalars, a single tensor and zero-size tensors', () => {
    expect(stack([scalar(1), scalar(2)]).arraySync()).toEqual([1, 2]);
    expect(stack([tensor([1, 2])]).arraySync()).toEqual([[1, 2]]);
    expect(stack([zeros([0]), zeros([0])]).shape).toEqual([2, 0]);
  });

  test('errors', () => {
    expect(() => stack([])).toThrow(ValueError);
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(ShapeError);
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(
      /stack: tensor 1 has shape \[3\], but tensor 0 has shape \[2\]/,
    );
    expect(() => stack([zeros([2]), zeros([2])], 2)).toThrow(ShapeError);
  });
});
