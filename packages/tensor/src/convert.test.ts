import { describe, expect, test } from 'vitest';
import { ShapeError, scalar, tensor, ValueError } from './index.js';

describe('tensor()', () => {
  test('infers shape and dtype from nested arrays', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.rank).toBe(2);
    expect(t.size).toBe(6);
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor([]).shape).toEqual([0]);
    expect(scalar(3).shape).toEqual([]);
    expect(scalar(3).arraySync()).toBe(3);
  });

  test('a flat array or typed array takes a shape; dtype casts', () => {
    expect(tensor([1, 2, 3, 4], [2, 2], 'int32').arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(tensor(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(tensor(new Uint8Array([255, 0])).arraySync()).toEqual([255, 0]);
    expect(tensor(new Float64Array([0.5])).dtype).toBe('float32');
    expect(tensor([1.7, -1.7], undefined, 'int32').arraySync()).toEqual([1, -1]);
    expect(tensor([0, 2], undefined, 'bool').arraySync()).toEqual([0, 1]);
    expect(tensor(7, [2, 2]).arraySync()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test('copies typed arrays: later writes do not change the tensor', () => {
    const values = new Float32Array([1, 2]);
    const t = tensor(values);
    values[0] = 99;
    expect(t.arraySync()).toEqual([1, 2]);
    const read = t.dataSync();
    read[1] = 99;
    expect(t.arraySync()).toEqual([1, 2]);
  });

  test('ragged arrays, bad shapes and bad values are named', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => tensor([[1, 2], [3]])).toThrow(/ragged: expected length 2 at \[1\]/);
    expect(() => tensor([[1], 2] as never)).toThrow(/ragged/);
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/shape \[2,2\] holds 4 values, but 3 were given/);
    expect(() => tensor([1, 2], [Number.NaN])).toThrow(ShapeError);
    expect(() => tensor([1, 2], [-2])).toThrow(/non-negative integers/);
    expect(() => tensor(['a', 1] as never)).toThrow(ValueError);
    expect(() => tensor([1], undefined, 'float64' as never)).toThrow(/dtype must be/);
    expect(() => scalar({} as never)).toThrow(/scalar: expected a number, boolean or string/);
  });
});
