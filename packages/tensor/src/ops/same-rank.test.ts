import { describe, expect, test } from 'vitest';
import { ones, squeezeOrExpandToSameRank } from '../index.js';

describe('squeezeOrExpandToSameRank (Keras)', () => {
  test('expands a rank-1 partner, squeezes a trailing 1 otherwise, leaves other pairs alone', () => {
    const shapes = (a: number[], b: number[], expand = true) =>
      squeezeOrExpandToSameRank(ones(a), ones(b), expand).map((t) => [...t.shape]);
    expect(shapes([4], [4, 1])).toEqual([
      [4, 1],
      [4, 1],
    ]);
    expect(shapes([4], [4, 1], false)).toEqual([[4], [4]]);
    expect(shapes([2, 3, 1], [2, 3])).toEqual([
      [2, 3],
      [2, 3],
    ]);
    expect(shapes([2, 3], [2, 3, 1])).toEqual([
      [2, 3],
      [2, 3],
    ]);
    expect(shapes([2, 3], [2, 4])).toEqual([
      [2, 3],
      [2, 4],
    ]);
    expect(shapes([2, 3, 2], [2, 3])).toEqual([
      [2, 3, 2],
      [2, 3],
    ]);
  });
});
