import { range, ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Resizing, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = flat(t);
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

describe('Resizing', () => {
  test('follows the layer contract', () => {
    runLayerTest(Resizing, {
      config: { height: 5, width: 3 },
      inputShape: [2, 4, 4, 3],
      expectedOutputShape: [2, 5, 3, 3],
    });
    runLayerTest(Resizing, {
      config: { height: 2, width: 2, interpolation: 'nearest', cropToAspectRatio: true },
      inputShape: [2, 4, 6, 1],
      expectedOutputShape: [2, 2, 2, 1],
    });
  });

  test('bilinear 2x2 -> 4x4 gives tf.image.resize half-pixel values', () => {
    // Output i samples input (i + 0.5) * 2 / 4 - 0.5 = -0.25, 0.25, 0.75, 1.25; outside [0, 1] clamps.
    // Along a row [1, 2]: 1, 1 + 0.25, 1 + 0.75, 2. Rows mix [1, 2] and [3, 4] the same way.
    const top = [1, 1.25, 1.75, 2];
    const bottom = [3, 3.25, 3.75, 4];
    const row = (w: number) => top.map((v, i) => v + w * (bottom[i] - v));
    const expected = [...row(0), ...row(0.25), ...row(0.75), ...row(1)];
    close(new Resizing({ height: 4, width: 4 }).apply(tensor([1, 2, 3, 4], [1, 2, 2, 1])), expected);
    // An unbatched [h, w, c] image works too.
    close(new Resizing({ height: 4, width: 4 }).apply(tensor([1, 2, 3, 4], [2, 2, 1])), expected);
  });

  test('bilinear downsizing reads between the input pixels', () => {
    // 4x4 range(16) -> 2x2 samples (0.5, 0.5), (0.5, 2.5), (2.5, 0.5), (2.5, 2.5) of 4r + c
    close(new Resizing({ height: 2, width: 2 }).apply(range(16).reshape([1, 4, 4, 1])), [2.5, 4.5, 10.5, 12.5]);
    // 3x3 of 3r + c + 1 -> 2x2 samples r, c in {0.25, 1.75}
    close(new Resizing({ height: 2, width: 2 }).apply(range(1, 10).reshape([1, 3, 3, 1])), [2, 3.5, 6.5, 8]);
  });

  test('nearest picks floor((i + 0.5) * in / out)', () => {
    const y = new Resizing({ height: 3, width: 4, interpolation: 'nearest' }).apply(tensor([1, 2, 3, 4], [1, 2, 2, 1]));
    // rows 0, 1, 1 (floor(0.33), floor(1), floor(1.67)); columns 0, 0, 1, 1
    expect(flat(y)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });

  test('cropToAspectRatio resizes the largest centered box of the target ratio', () => {
    // 4x8 of 8r + c -> box rows 0..3, columns 2..5 -> 2x2 samples rows 0.5, 2.5 and columns 2.5, 4.5
    const layer = new Resizing({ height: 2, width: 2, cropToAspectRatio: true });
    close(layer.apply(range(32).reshape([1, 4, 8, 1])), [6.5, 8.5, 22.5, 24.5]);
    expect(layer.getConfig()).toMatchObject({
      height: 2,
      width: 2,
      interpolation: 'bilinear',
      cropToAspectRatio: true,
    });
  });

  test('rejects bad options and ranks', () => {
    expect(() => new Resizing({ height: 0, width: 2 })).toThrow(ValueError);
    expect(() => new Resizing({ height: 2 } as { height: number; width: number })).toThrow(
      /width must be a positive integer/,
    );
    expect(() => new Resizing({ height: 2, width: 2, interpolation: 'bicubic' as 'bilinear' })).toThrow(
      /interpolation must be one of 'bilinear', 'nearest'/,
    );
    expect(() => new Resizing({ height: 2, width: 2, name: 'resize_errors' }).apply(tensor([[1, 2]]))).toThrow(
      ShapeError,
    );
    expect(() => new Resizing({ height: 2, width: 2, name: 'resize_errors2' }).apply(tensor([[1, 2]]))).toThrow(
      "Resizing 'resize_errors2': expected input of rank 3 or 4, got [1, 2]",
    );
  });
});
