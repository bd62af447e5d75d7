import { describe, expect, test } from 'vitest';
import { expandDims, flatten, range, reshape, ShapeError, scalar, squeeze, tensor, zeros } from '../index.js';

describe('reshape', () => {
  test('same values in a new shape, with one -1 inferred', () => {
    expect(reshape(range(6), [2, 3]).arraySync()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(reshape(range(6), [3, -1]).arraySync()).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(range(6).reshape([-1]).arraySync()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(reshape(tensor([5]), []).arraySync()).toBe(5);
    expect(reshape(scalar(5), [1, 1]).arraySync()).toEqual([[5]]);
    const i = reshape(tensor([1, 2, 3, 4], undefined, 'int32'), [2, 2]);
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(reshape(zeros([0, 3]), [3, 0]).shape).toEqual([3, 0]);
    expect(reshape(zeros([2, 0]), [0, 5]).shape).toEqual([0, 5]);
  });

  test('errors: two -1, size mismatch, -1 with a zero-size rest, bad dims', () => {
    expect(() => reshape(range(6), [-1, -1])).toThrow(ShapeError);
    expect(() => reshape(range(6), [-1, -1])).toThrow(/reshape: only one dimension can be -1/);
    expect(() => reshape(range(6), [4, 2])).toThrow(ShapeError);
    expect(() => reshape(range(6), [4, 2])).toThrow(
      'reshape: cannot reshape a tensor of shape [6] (size 6) into [4,2]',
    );
    expect(() => reshape(range(6), [4, -1])).toThrow(ShapeError);
    expect(() => reshape(zeros([0]), [0, -1])).toThrow(ShapeError);
    expect(() => reshape(range(6), [2, 1.5])).toThrow(ShapeError);
    expect(() => reshape(range(6), [-2, -3])).toThrow(ShapeError);
  });
});

describe('flatten', () => {
  test('ravels to one dimension', () => {
    expect(flatten(range(6).reshape([3, 2])).arraySync()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(flatten(scalar(2)).arraySync()).toEqual([2]);
    expect(flatten(zeros([2, 0])).shape).toEqual([0]);
  });
});

describe('expandDims', () => {
  test('inserts a size-1 dim, negative axes counting in the new shape', () => {
    const x = tensor([1, 2]);
    expect(expandDims(x).arraySync()).toEqual([[1, 2]]);
    expect(expandDims(x, 1).arraySync()).toEqual([[1], [2]]);
    expect(expandDims(x, -1).shape).toEqual([2, 1]);
    expect(expandDims(zeros([2, 3]), -2).shape).toEqual([2, 1, 3]);
    expect(expandDims(scalar(3)).arraySync()).toEqual([3]);
  });

  test('rejects an axis out of range', () => {
    expect(() => expandDims(tensor([1, 2]), 2)).toThrow(ShapeError);
    expect(() => expandDims(tensor([1, 2]), -3)).toThrow(/expandDims/);
  });
});

describe('squeeze', () => {
  test('removes all size-1 dims, or only the given ones', () => {
    expect(squeeze(tensor([[[1], [2], [3]]])).arraySync()).toEqual([1, 2, 3]);
    expect(squeeze(zeros([1, 3, 1]), 0).shape).toEqual([3, 1]);
    expect(squeeze(zeros([1, 3, 1]), [-1]).shape).toEqual([1, 3]);
    expect(squeeze(zeros([1, 3, 1]), [0, 2]).shape).toEqual([3]);
    expect(squeeze(tensor([[7]])).arraySync()).toBe(7);
    expect(squeeze(zeros([1, 0])).shape).toEqual([0]);
  });

  test('squeezing an axis whose size is not 1 throws', () => {
    expect(() => squeeze(zeros([1, 3, 1]), 1)).toThrow(ShapeError);
    expect(() => squeeze(zeros([1, 3, 1]), 1)).toThrow(
      'squeeze: cannot squeeze axis 1 of shape [1,3,1]: its size is 3, not 1',
    );
    expect(() => squeeze(zeros([1, 3]), 2)).toThrow(ShapeError);
  });
});
