import { range, ShapeError, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Cropping2D, runLayerTest } from '../index.js';

describe('Cropping2D', () => {
  test('follows the layer contract with each cropping form', () => {
    runLayerTest(Cropping2D, { config: {}, inputShape: [2, 3, 4, 2], expectedOutputShape: [2, 3, 4, 2] });
    runLayerTest(Cropping2D, { config: { cropping: 1 }, inputShape: [2, 4, 5, 2], expectedOutputShape: [2, 2, 3, 2] });
    runLayerTest(Cropping2D, {
      config: { cropping: [1, 0] },
      inputShape: [2, 4, 5, 2],
      expectedOutputShape: [2, 2, 5, 2],
    });
    // range(16) as 4x4: drop the top row and one column on each side
    runLayerTest(Cropping2D, {
      config: {
        cropping: [
          [1, 0],
          [1, 1],
        ],
      },
      inputShape: [1, 4, 4, 1],
      inputData: range(16).reshape([1, 4, 4, 1]),
      expectedOutputShape: [1, 3, 2, 1],
      expectedOutput: [
        [
          [[5], [6]],
          [[9], [10]],
          [[13], [14]],
        ],
      ],
    });
  });

  test('keeps at least one row and one column', () => {
    const crop = new Cropping2D({
      cropping: [
        [1, 1],
        [0, 0],
      ],
      name: 'crop_errors',
    });
    expect(() => crop.apply(zeros([1, 2, 3, 1]))).toThrow(ShapeError);
    expect(() => crop.apply(zeros([1, 2, 3, 1]))).toThrow(
      "Cropping2D 'crop_errors': cropping 1 + 1 rows leaves nothing of the input [1, 2, 3, 1]",
    );
    expect(() => new Cropping2D({ cropping: [0, 2] }).computeOutputShape([null, 5, 4, 1])).toThrow(/2 \+ 2 columns/);
    expect(new Cropping2D({ cropping: [0, 2] }).computeOutputShape([null, null, 5, 1])).toEqual([null, null, 1, 1]);
  });

  test('rejects bad cropping and wrong ranks', () => {
    expect(() => new Cropping2D({ cropping: -2 })).toThrow(ValueError);
    expect(() => new Cropping2D({ cropping: 'all' as unknown as number })).toThrow(/cropping must be/);
    expect(() => new Cropping2D().apply(zeros([2, 3]))).toThrow(/expected input of rank 4, got \[2, 3\]/);
  });
});
