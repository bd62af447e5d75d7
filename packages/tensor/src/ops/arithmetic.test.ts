import { describe, expect, test } from 'vitest';
import { add, div, maximum, minimum, mul, pow, range, ShapeError, sub, tensor, zeros } from '../index.js';

describe('arithmetic', () => {
  test('NumPy broadcasting: [2,1] + [3], scalars, size-1 and zero-size dimensions', () => {
    expect(add(tensor([[1], [2]]), tensor([10, 20, 30])).arraySync()).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
    const a = range(24).reshape([2, 3, 4]);
    const b = range(4);
    expect(add(a, b).sum().arraySync()).toBe(276 + 6 * 6);
    expect(mul(range(6).reshape([2, 1, 3]), tensor([[1], [2]])).arraySync()).toEqual([
      [
        [0, 1, 2],
        [0, 2, 4],
      ],
      [
        [3, 4, 5],
        [6, 8, 10],
      ],
    ]);
    expect(add(zeros([0, 3]), tensor([1, 2, 3])).shape).toEqual([0, 3]);
    expect(sub(5, tensor([1, 2])).arraySync()).toEqual([4, 3]);
  });

  test('dtype promotion follows NumPy: int stays int with int scalars, div is true division', () => {
    const i = tensor([1, 2, 3], [3], 'int32');
    expect(add(i, 1).dtype).toBe('int32');
    expect(add(i, 0.5).dtype).toBe('float32');
    expect(add(i, tensor([0.5, 0.5, 0.5])).arraySync()).toEqual([1.5, 2.5, 3.5]);
    expect(div(i, 2).arraySync()).toEqual([0.5, 1, 1.5]);
    expect(div(i, 2).dtype).toBe('float32');
    expect(mul(tensor([true, false]), tensor([true, true])).dtype).toBe('int32');
    expect(pow(i, 2).arraySync()).toEqual([1, 4, 9]);
  });

  test('maximum and minimum propagate NaN as NumPy', () => {
    expect(maximum(tensor([1, Number.NaN, 3]), 2).arraySync()).toEqual([2, Number.NaN, 3]);
    expect(minimum(tensor([1, 5]), tensor([Number.NaN, 4])).arraySync()).toEqual([Number.NaN, 4]);
  });

  test('incompatible shapes name the op and both shapes', () => {
    expect(() => add(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => add(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(
      'add: shapes [1,3] and [2] cannot be broadcast together',
    );
    expect(() => mul(tensor([1]), 'x' as never)).toThrow(/mul: expected a numeric tensor for 'b'/);
  });

  test('methods chain', () => {
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ])
        .add(1)
        .mul(2)
        .arraySync(),
    ).toEqual([
      [4, 6],
      [8, 10],
    ]);
  });
});
