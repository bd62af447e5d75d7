import { ShapeError, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { runLayerTest, ZeroPadding2D } from '../index.js';

describe('ZeroPadding2D', () => {
  test('follows the layer contract with each padding form', () => {
    runLayerTest(ZeroPadding2D, { config: {}, inputShape: [2, 3, 4, 2], expectedOutputShape: [2, 5, 6, 2] });
    runLayerTest(ZeroPadding2D, {
      config: { padding: [1, 2] },
      inputShape: [2, 3, 4, 2],
      expectedOutputShape: [2, 5, 8, 2],
    });
    runLayerTest(ZeroPadding2D, {
      config: {
        padding: [
          [1, 0],
          [0, 2],
        ],
      },
      inputShape: [1, 2, 2, 1],
      inputData: tensor([1, 2, 3, 4], [1, 2, 2, 1]),
      expectedOutputShape: [1, 3, 4, 1],
      expectedOutput: [
        [
          [[0], [0], [0], [0]],
          [[1], [2], [0], [0]],
          [[3], [4], [0], [0]],
        ],
      ],
    });
  });

  test('stores the padding as [[top, bottom], [left, right]]', () => {
    expect(new ZeroPadding2D({ padding: 2 }).padding).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(new ZeroPadding2D({ padding: [0, 3] }).getConfig()).toMatchObject({
      padding: [
        [0, 0],
        [3, 3],
      ],
    });
    expect(new ZeroPadding2D({ padding: 1 }).computeOutputShape([null, null, 4, 3])).toEqual([null, null, 6, 3]);
  });

  test('rejects bad padding and wrong ranks', () => {
    expect(() => new ZeroPadding2D({ padding: -1 })).toThrow(ValueError);
    expect(() => new ZeroPadding2D({ padding: [1, 2, 3] as unknown as number })).toThrow(
      /padding must be a non-negative integer, \[height, width\] or \[\[top, bottom\], \[left, right\]\]/,
    );
    expect(
      () =>
        new ZeroPadding2D({
          padding: [
            [1, 0],
            [0.5, 1],
          ],
        }),
    ).toThrow(/padding/);
    expect(() => new ZeroPadding2D({ dataFormat: 'channels_first' })).toThrow(/not supported/);
    const layer = new ZeroPadding2D({ name: 'pad_errors' });
    expect(() => layer.apply(zeros([3, 3, 1]))).toThrow(ShapeError);
    expect(() => layer.apply(zeros([3, 3, 1]))).toThrow(
      "ZeroPadding2D 'pad_errors': expected input of rank 4, got [3, 3, 1]",
    );
  });
});
