import { describe, expect, test } from 'vitest';
import { fromRgba } from './decode-image.js';
import { cropToAspect, type Pixels, resizePixels } from './resize-pixels.js';

// np.arange(12).reshape(1, 3, 4, 1) * 10, the image the Keras numbers below were computed on.
const image: Pixels = { width: 4, height: 3, channels: 1, data: Float32Array.from({ length: 12 }, (_, i) => i * 10) };
const rows = (p: Pixels) =>
  Array.from({ length: p.height }, (_, y) => Array.from(p.data.subarray(y * p.width, (y + 1) * p.width)));
const close = (actual: number[][], expected: number[][]) =>
  actual.flat().forEach((v, i) => {
    expect(v).toBeCloseTo(expected.flat()[i], 4);
  });

describe('resizePixels matches keras.layers.Resizing (jax backend, Keras 3.15.1)', () => {
  test('bilinear up and down', () => {
    // keras.layers.Resizing(5, 3)(x)
    close(rows(resizePixels(image, [5, 3], 'bilinear')), [
      [1.66667, 15, 28.33334],
      [17.66667, 31, 44.33334],
      [41.66667, 55, 68.33334],
      [65.66667, 79, 92.33334],
      [81.66666, 95, 108.33334],
    ]);
    // keras.layers.Resizing(2, 2)(x)
    close(rows(resizePixels(image, [2, 2], 'bilinear')), [
      [15, 35],
      [75, 95],
    ]);
  });

  test('nearest', () => {
    // keras.layers.Resizing(5, 3, interpolation='nearest')(x) and Resizing(2, 2, interpolation='nearest')(x)
    expect(rows(resizePixels(image, [5, 3], 'nearest'))).toEqual([
      [0, 20, 30],
      [0, 20, 30],
      [40, 60, 70],
      [80, 100, 110],
      [80, 100, 110],
    ]);
    expect(rows(resizePixels(image, [2, 2], 'nearest'))).toEqual([
      [10, 30],
      [90, 110],
    ]);
  });

  test('crop to aspect ratio, then resize', () => {
    // keras.layers.Resizing(2, 2, crop_to_aspect_ratio=True)(x) and Resizing(4, 2, crop_to_aspect_ratio=True)(x)
    close(rows(resizePixels(cropToAspect(image, [2, 2]), [2, 2], 'bilinear')), [
      [12.5, 27.5],
      [72.5, 87.5],
    ]);
    close(rows(resizePixels(cropToAspect(image, [4, 2]), [4, 2], 'bilinear')), [
      [10, 10],
      [35, 35],
      [65, 65],
      [90, 90],
    ]);
  });

  test('channel conversion from RGBA', () => {
    const rgba = new Uint8Array([10, 20, 30, 128, 50, 50, 50, 255]);
    expect(Array.from(fromRgba(rgba, 3))).toEqual([10, 20, 30, 50, 50, 50]);
    expect(Array.from(fromRgba(rgba, 4))).toEqual([10, 20, 30, 128, 50, 50, 50, 255]);
    // PIL: Image.new('RGB', (1, 1), (10, 20, 30)).convert('L').getpixel((0, 0)) == 18; gray stays gray.
    expect(Array.from(fromRgba(rgba, 1))).toEqual([18, 50]);
    // (200, 100, 50) -> 0.299 * 200 + 0.587 * 100 + 0.114 * 50 = 124.2 -> 124 in PIL's fixed point.
    expect(Array.from(fromRgba(new Uint8Array([200, 100, 50, 255, 255, 255, 255, 255]), 1))).toEqual([124, 255]);
  });
});
