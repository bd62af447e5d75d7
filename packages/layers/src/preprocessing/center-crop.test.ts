import { range, ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { CenterCrop, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());

describe('CenterCrop', () => {
  test('follows the layer contract', () => {
    runLayerTest(CenterCrop, {
      config: { height: 2, width: 2 },
      inputShape: [1, 4, 4, 1],
      inputData: range(16).reshape([1, 4, 4, 1]),
      expectedOutputShape: [1, 2, 2, 1],
      expectedOutput: [
        [
          [[5], [6]],
          [[9], [10]],
        ],
      ],
    });
    runLayerTest(CenterCrop, {
      config: { height: 6, width: 3 },
      inputShape: [2, 4, 5, 3],
      expectedOutputShape: [2, 6, 3, 3],
    });
  });

  test('starts the box at floor((size - target) / 2)', () => {
    // 5x5 of 5r + c, 2x3 box from row 1, column 1
    expect(flat(new CenterCrop({ height: 2, width: 3 }).apply(range(25).reshape([5, 5, 1])))).toEqual([
      6, 7, 8, 11, 12, 13,
    ]);
  });

  test('resizes an image smaller than the target, as Keras (aspect crop, then bilinear)', () => {
    // 2x2 -> 4x4 is the bilinear resize: rows [1, 1.25, 1.75, 2] ... [3, 3.25, 3.75, 4]
    const up = flat(new CenterCrop({ height: 4, width: 4 }).apply(tensor([1, 2, 3, 4], [1, 2, 2, 1])));
    const expected = [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4];
    up.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 6);
    });
    // 2x6 -> 4x4: the central 2x2 [[2, 3], [8, 9]] (columns 2, 3) is resized up
    const wide = flat(new CenterCrop({ height: 4, width: 4 }).apply(range(12).reshape([1, 2, 6, 1])));
    const fromBox = [2, 2.25, 2.75, 3, 3.5, 3.75, 4.25, 4.5, 6.5, 6.75, 7.25, 7.5, 8, 8.25, 8.75, 9];
    wide.forEach((v, i) => {
      expect(v).toBeCloseTo(fromBox[i], 6);
    });
  });

  test('rejects bad options and ranks', () => {
    expect(() => new CenterCrop({ height: -1, width: 2 })).toThrow(ValueError);
    expect(() => new CenterCrop({ height: 1, width: 2.5 })).toThrow(/width must be a positive integer, got 2.5/);
    expect(() => new CenterCrop({ height: 1, width: 1 }).apply(tensor([1, 2]))).toThrow(ShapeError);
  });
});
