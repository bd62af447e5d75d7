import { range, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { affineTransform, mapCoordinate } from './affine-transform.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const shift = (dx: number): number[] => [1, 0, -dx, 0, 1, 0, 0, 0];

describe('affineTransform (TF ImageProjectiveTransformV3 sampling)', () => {
  test('maps outside coordinates as TF for each fill mode', () => {
    // reflect: d c b a | a b c d | d c b a
    expect([-1, -2, -4, -5, 4, 5, 7, 8].map((c) => mapCoordinate(c, 4, 'reflect'))).toEqual([0, 1, 3, 3, 3, 2, 0, 0]);
    // wrap: a b c d | a b c d; TF's formula steps by len per (len - 1), so -4 lands on 4 and clamps to 3
    expect([-1, -4, 4, 5].map((c) => mapCoordinate(c, 4, 'wrap'))).toEqual([3, 3, 0, 1]);
    expect([-3, 7, 1.5].map((c) => mapCoordinate(c, 4, 'nearest'))).toEqual([0, 3, 1.5]);
    expect(mapCoordinate(-3, 4, 'constant')).toBe(-3);
    expect(mapCoordinate(-2, 1, 'reflect')).toBe(0);
  });

  test('shifts a row one pixel right with each fill mode', () => {
    const row = tensor([1, 2, 3, 4], [1, 1, 4, 1]);
    const run = (fillMode: 'reflect' | 'wrap' | 'constant' | 'nearest', dx: number, fillValue = 0) =>
      flat(affineTransform(row, [shift(dx)], { interpolation: 'bilinear', fillMode, fillValue }));
    expect(run('constant', 1)).toEqual([0, 1, 2, 3]);
    expect(run('constant', 2, 9)).toEqual([9, 9, 1, 2]);
    expect(run('nearest', 1)).toEqual([1, 1, 2, 3]);
    expect(run('reflect', 1)).toEqual([1, 1, 2, 3]);
    expect(run('reflect', 2)).toEqual([2, 1, 1, 2]);
    expect(run('wrap', 1)).toEqual([4, 1, 2, 3]);
    // half a pixel, bilinear: the average of neighbours; constant fill mixes in the fill value
    expect(run('constant', 0.5, 10)).toEqual([5.5, 1.5, 2.5, 3.5]);
  });

  test('nearest rounds halves away from zero, as std::round', () => {
    const row = tensor([1, 2, 3, 4], [1, 1, 4, 1]);
    // input x - 0.5: -0.5 -> -1 (filled), 0.5 -> 1, 1.5 -> 2, 2.5 -> 3
    const y = affineTransform(row, [shift(0.5)], { interpolation: 'nearest', fillMode: 'constant', fillValue: 0 });
    expect(flat(y)).toEqual([0, 2, 3, 4]);
  });

  test('applies one transform per image and keeps channels apart', () => {
    const x = range(16).reshape([2, 2, 2, 2]);
    const y = affineTransform(x, [shift(0), shift(1)], {
      interpolation: 'nearest',
      fillMode: 'constant',
      fillValue: -1,
    });
    expect(flat(y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, -1, -1, 8, 9, -1, -1, 12, 13]);
  });
});
