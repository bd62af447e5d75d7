import { describe, expect, test } from 'vitest';
import { argMax, argMin, range, ShapeError, tensor, ValueError, zeros } from '../index.js';

// y = np.array([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8]])
const y = () =>
  tensor([
    [3, 1, 4, 1],
    [5, 9, 2, 6],
    [5, 3, 5, 8],
  ]);

describe('argMax and argMin', () => {
  test('NumPy results, ties give the first index', () => {
    expect(argMax(y(), 0).arraySync()).toEqual([1, 1, 2, 2]);
    expect(argMax(y(), 1).arraySync()).toEqual([2, 1, 3]);
    expect(argMin(y(), 0).arraySync()).toEqual([0, 0, 1, 0]);
    expect(argMin(y(), -1).arraySync()).toEqual([1, 2, 1]);
    expect(argMax(y(), 0).dtype).toBe('int32');
  });

  test('axis undefined indexes the flattened tensor', () => {
    expect(argMax(y()).arraySync()).toBe(5);
    expect(argMin(y()).arraySync()).toBe(1);
    expect(argMax(y()).shape).toEqual([]);
  });

  test('rank 3, middle and last axes', () => {
    // z = np.arange(24).reshape(2, 3, 4) % 5
    const z = tensor(
      Array.from({ length: 24 }, (_, i) => i % 5),
      [2, 3, 4],
    );
    expect(argMax(z, 1).arraySync()).toEqual([
      [1, 2, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(argMax(z, 2).arraySync()).toEqual([
      [3, 0, 1],
      [2, 3, 3],
    ]);
    expect(argMax(z).arraySync()).toBe(4);
  });

  test('NaN wins like NumPy', () => {
    expect(argMax(tensor([1, Number.NaN, 3, Number.NaN])).arraySync()).toBe(1);
    expect(argMin(tensor([1, Number.NaN, 0])).arraySync()).toBe(1);
  });

  test('int32, bool, scalars, zero-size outer', () => {
    expect(argMax(tensor([-5, 7, 7], [3], 'int32')).arraySync()).toBe(1);
    expect(argMax(tensor([false, true, true])).arraySync()).toBe(1);
    expect(argMax(tensor(4)).arraySync()).toBe(0);
    expect(argMin(tensor(4), 0).arraySync()).toBe(0);
    expect(argMax(zeros([0, 3]), 1).shape).toEqual([0]);
    expect(argMax(range(6).reshape([1, 6]), 0).arraySync()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('method form', () => {
    expect(y().argMax(1).arraySync()).toEqual([2, 1, 3]);
    expect(y().argMin().arraySync()).toBe(1);
  });

  test('errors', () => {
    expect(() => argMax(zeros([0, 3]), 0)).toThrow(ValueError);
    expect(() => argMax(zeros([0, 3]), 0)).toThrow(/argMax: attempt to get argMax of an empty sequence/);
    expect(() => argMin(zeros([0]))).toThrow(/argMin: attempt to get argMin of an empty sequence/);
    expect(() => argMax(y(), 2)).toThrow(ShapeError);
    expect(() => argMin(y(), -3)).toThrow(/argMin: axis -3 is out of bounds/);
    expect(() => argMax(tensor(1), 1)).toThrow(ShapeError);
    expect(() => argMax(y(), 0.5)).toThrow(/argMax: expected an integer axis/);
  });
});
