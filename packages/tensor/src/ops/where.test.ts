import { describe, expect, test } from 'vitest';
import { DTypeError, ShapeError, tensor, where, zeros } from '../index.js';

describe('where', () => {
  test('selects elementwise', () => {
    const r = where(tensor([true, false, true]), tensor([1, 2, 3]), tensor([10, 20, 30]));
    expect(r.arraySync()).toEqual([1, 20, 3]);
    expect(r.dtype).toBe('float32');
  });

  test('broadcasts all three together (NumPy semantics)', () => {
    // np.where([[True], [False]], [1, 2, 3], 0) = [[1, 2, 3], [0, 0, 0]]
    const r = where(tensor([[true], [false]]), tensor([1, 2, 3]), 0);
    expect(r.shape).toEqual([2, 3]);
    expect(r.arraySync()).toEqual([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    // condition [3], a [2,1], b scalar -> [2,3]
    const s = where(tensor([true, false, true]), tensor([[1], [2]]), tensor(-1));
    expect(s.arraySync()).toEqual([
      [1, -1, 1],
      [2, -1, 2],
    ]);
    // condition [2,1,1], a [1,3], b [2,1,3]
    const c = tensor([[[true]], [[false]]]);
    const b = tensor([1, 2, 3, 4, 5, 6], [2, 1, 3]);
    expect(where(c, tensor([[7, 8, 9]]), b).arraySync()).toEqual([[[7, 8, 9]], [[4, 5, 6]]]);
  });

  test('promotes a and b to a common dtype', () => {
    const i = tensor([1, 2], [2], 'int32');
    const r = where(tensor([true, false]), i, tensor([0.5, 0.5]));
    expect(r.dtype).toBe('float32');
    expect(r.arraySync()).toEqual([1, 0.5]);
    const k = where(tensor([false, true]), i, 7);
    expect(k.dtype).toBe('int32');
    expect(k.arraySync()).toEqual([7, 2]);
    const bools = where(tensor([true, false]), tensor([false, false]), tensor([true, true]));
    expect(bools.dtype).toBe('bool');
    expect(bools.arraySync()).toEqual([0, 1]);
  });

  test('scalars and zero-size', () => {
    expect(where(true, 1, 2).arraySync()).toBe(1);
    expect(where(zeros([0, 1], 'bool'), zeros([3]), 1).shape).toEqual([0, 3]);
  });

  test('works on tensors made by comparisons (method form of the condition)', () => {
    const x = tensor([-2, 3]);
    expect(where(x.greater(0), x, x.neg()).arraySync()).toEqual([2, 3]);
  });

  test('non-bool condition is a DTypeError', () => {
    expect(() => where(tensor([1, 0]), 1, 2)).toThrow(DTypeError);
    expect(() => where(tensor([1, 0]), 1, 2)).toThrow(/where: .*'condition'.* got float32/);
  });

  test('shapes that do not broadcast throw ShapeError naming all three', () => {
    expect(() => where(zeros([2], 'bool'), zeros([3]), 0)).toThrow(ShapeError);
    expect(() => where(zeros([2], 'bool'), zeros([2]), zeros([3]))).toThrow(
      /where: shapes condition \[2\], a \[2\] and b \[3\]/,
    );
  });
});
