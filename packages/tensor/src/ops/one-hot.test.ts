import { describe, expect, test } from 'vitest';
import { DTypeError, oneHot, tensor, ValueError } from '../index.js';

describe('oneHot', () => {
  test('TF docs: one_hot([0, 1, 2], 3)', () => {
    const o = oneHot(tensor([0, 1, 2], undefined, 'int32'), 3);
    expect(o.dtype).toBe('float32');
    expect(o.arraySync()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  test('out-of-range indices give a zero row (TF: one_hot([0, 2, -1, 1], 3))', () => {
    expect(oneHot([0, 2, -1, 1], 3).arraySync()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
      [0, 1, 0],
    ]);
    expect(oneHot([3], 3).arraySync()).toEqual([[0, 0, 0]]);
  });

  test('2-D indices, dtypes, the method form and depth 0', () => {
    const o = oneHot(
      tensor(
        [
          [0, 2],
          [1, 0],
        ],
        undefined,
        'int32',
      ),
      3,
      'int32',
    );
    expect(o.shape).toEqual([2, 2, 3]);
    expect(o.dtype).toBe('int32');
    expect(o.arraySync()).toEqual([
      [
        [1, 0, 0],
        [0, 0, 1],
      ],
      [
        [0, 1, 0],
        [1, 0, 0],
      ],
    ]);
    expect(tensor([1], undefined, 'int32').oneHot(2, 'bool').arraySync()).toEqual([[0, 1]]);
    expect(oneHot(tensor([1, 0]), 2).arraySync()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(oneHot([1, 0], 0).shape).toEqual([2, 0]);
  });

  test('errors', () => {
    expect(() => oneHot([0.5], 2)).toThrow(DTypeError);
    expect(() => oneHot([0.5], 2)).toThrow(/oneHot: indices must be integers, got 0.5/);
    expect(() => oneHot([true], 2)).toThrow(DTypeError);
    expect(() => oneHot([0], -1)).toThrow(ValueError);
    expect(() => oneHot([0], 1.5)).toThrow(/oneHot: depth/);
    expect(() => oneHot([0], 2, 'float64' as 'float32')).toThrow(ValueError);
  });
});
