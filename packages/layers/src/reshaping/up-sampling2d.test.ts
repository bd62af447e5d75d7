import { GradientTape } from '@horn/autograd';
import { ShapeError, sum, type Tensor, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { runLayerTest, UpSampling2D } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const square = () => tensor([1, 2, 3, 4], [1, 2, 2, 1]);

describe('UpSampling2D', () => {
  test('follows the layer contract', () => {
    runLayerTest(UpSampling2D, { config: {}, inputShape: [2, 3, 4, 2], expectedOutputShape: [2, 6, 8, 2] });
    runLayerTest(UpSampling2D, {
      config: { size: [1, 3], interpolation: 'bilinear' },
      inputShape: [2, 3, 4, 2],
      expectedOutputShape: [2, 3, 12, 2],
    });
  });

  test("'nearest' repeats each pixel", () => {
    const y = new UpSampling2D({ size: [2, 3] }).apply(square());
    expect(y.shape).toEqual([1, 4, 6, 1]);
    expect(flat(y)).toEqual([1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4]);
  });

  test("'bilinear' matches tf.image.resize with half-pixel centers", () => {
    // Output i reads input (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25: clamped, 1/4, 3/4, clamped.
    const row0 = [1, 1.25, 1.75, 2];
    const row3 = [3, 3.25, 3.75, 4];
    const mix = (w: number) => row0.map((v, i) => (1 - w) * v + w * row3[i]);
    const y = new UpSampling2D({ interpolation: 'bilinear' }).apply(square());
    const expected = [...row0, ...mix(0.25), ...mix(0.75), ...row3];
    flat(y).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 6);
    });
  });

  test('is differentiable: each input pixel of a 2x2 -> 4x4 bilinear upsampling carries a total weight of 4', () => {
    // Along an axis the outputs read input 0 with weights 1, 3/4, 1/4, 0 and input 1 with 0, 1/4, 3/4, 1: 2 each.
    const x = tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    const layer = new UpSampling2D({ interpolation: 'bilinear' });
    const tape = new GradientTape();
    tape.watch(x);
    const y = tape.run(() => sum(layer.apply(x)));
    const [dx] = tape.gradient(y, [x]);
    expect(flat(dx as Tensor)).toEqual([4, 4, 4, 4]);
  });

  test('rejects bad options and wrong ranks', () => {
    expect(() => new UpSampling2D({ size: 0 })).toThrow(ValueError);
    expect(() => new UpSampling2D({ size: [2, 2, 2] })).toThrow(/size must be an integer or an array of 2 integers/);
    expect(() => new UpSampling2D({ interpolation: 'bicubic' as 'bilinear' })).toThrow(
      /interpolation must be one of 'nearest', 'bilinear', got "bicubic"/,
    );
    expect(() => new UpSampling2D({ name: 'up_errors' }).apply(zeros([2, 2, 1]))).toThrow(ShapeError);
  });
});
