import { describe, expect, test } from 'vitest';
import { mergeDims, stridedCopy } from './strided-copy.js';

describe('stridedCopy', () => {
  test('mergeDims folds runs both views walk contiguously and drops size-1 dims', () => {
    // Rows [2, 5) of a [10, 28, 28, 1] batch: one run of 3 * 784 values.
    expect(mergeDims([3, 28, 28, 1], [784, 28, 1, 1], [784, 28, 1, 1])).toEqual({
      shape: [2352],
      srcStrides: [1],
      dstStrides: [1],
    });
    // A [2, 3] transpose cannot fold; a broadcast row folds its two zero-stride dims.
    expect(mergeDims([3, 2], [1, 3], [2, 1])).toEqual({ shape: [3, 2], srcStrides: [1, 3], dstStrides: [2, 1] });
    expect(mergeDims([2, 3, 4], [0, 0, 1], [12, 4, 1])).toEqual({
      shape: [6, 4],
      srcStrides: [0, 1],
      dstStrides: [4, 1],
    });
    expect(mergeDims([1, 1], [5, 1], [1, 1])).toEqual({ shape: [], srcStrides: [], dstStrides: [] });
  });

  test('copies slices, transposes, broadcasts and reversals by hand-computed results', () => {
    const src = Float32Array.from({ length: 24 }, (_, i) => i);
    const slice = new Float32Array(8);
    stridedCopy(src, 4, [12, 4, 1], slice, 0, [4, 4, 1], [2, 1, 4]); // x[:, 1, :] of [2, 3, 4]
    expect([...slice]).toEqual([4, 5, 6, 7, 16, 17, 18, 19]);
    const t = new Float32Array(6);
    stridedCopy(src, 0, [1, 3], t, 0, [2, 1], [3, 2]); // transpose of [[0, 1, 2], [3, 4, 5]]
    expect([...t]).toEqual([0, 3, 1, 4, 2, 5]);
    const b = new Float32Array(40);
    stridedCopy(src, 0, [0, 1], b, 0, [20, 1], [2, 20]); // broadcast a 20-long row twice
    expect([...b]).toEqual([...src.slice(0, 20), ...src.slice(0, 20)]);
    const r = new Float32Array(3);
    stridedCopy(src, 2, [-1], r, 0, [1], [3]);
    expect([...r]).toEqual([2, 1, 0]);
    const one = new Float32Array(1);
    stridedCopy(src, 7, [3, 1], one, 0, [1, 1], [1, 1]);
    expect([...one]).toEqual([7]);
  });
});
