import { Random, range, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { RandomRotation, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const nine = () => range(1, 10).reshape([1, 3, 3, 1]);

describe('RandomRotation', () => {
  test('a direct call with no training rotates (Keras 3: training=True); training false passes through', () => {
    // factor [0.5, 0.5] is always half a turn: the 3x3 image reversed.
    const half = { factor: [0.5, 0.5] as [number, number], interpolation: 'nearest' as const };
    expect(flat(new RandomRotation(half).apply(nine()))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(flat(new RandomRotation(half).apply(nine(), { training: false }))).toEqual(flat(nine()));
  });

  test('follows the layer contract, in training (seeded) and at inference', () => {
    runLayerTest(RandomRotation, {
      config: { factor: 0.2, seed: 5 },
      inputShape: [2, 5, 4, 3],
      expectedOutputShape: [2, 5, 4, 3],
      training: true,
    });
    runLayerTest(RandomRotation, {
      config: { factor: 0.5 },
      inputShape: [2, 4, 4, 1],
      expectedOutputShape: [2, 4, 4, 1],
    });
  });

  test('a quarter turn rotates counter-clockwise about the center (np.rot90)', () => {
    const nearest = new RandomRotation({ factor: [0.25, 0.25], interpolation: 'nearest' });
    expect(flat(nearest.apply(nine(), { training: true }))).toEqual([3, 6, 9, 2, 5, 8, 1, 4, 7]);
    const bilinear = new RandomRotation({ factor: [0.25, 0.25] });
    flat(bilinear.apply(nine(), { training: true })).forEach((v, i) => {
      expect(v).toBeCloseTo([3, 6, 9, 2, 5, 8, 1, 4, 7][i], 4);
    });
    // a half turn
    const half = new RandomRotation({ factor: [0.5, 0.5], interpolation: 'nearest' });
    expect(flat(half.apply(nine(), { training: true }))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  test('draws the angle uniformly from factor * 2π with its seed; identity at inference', () => {
    const x = range(25).reshape([1, 5, 5, 1]);
    const layer = new RandomRotation({ factor: 0.1, seed: 9, fillMode: 'constant' });
    const drawn = flat(layer.apply(x, { training: true }));
    const fraction = -0.1 + 0.2 * new Random(9).next();
    const fixed = new RandomRotation({ factor: [fraction, fraction], fillMode: 'constant' });
    flat(fixed.apply(x, { training: true })).forEach((v, i) => {
      expect(drawn[i]).toBeCloseTo(v, 4);
    });
    expect(flat(layer.apply(x, { training: false }))).toEqual(flat(x));
    expect(flat(new RandomRotation({ factor: 0 }).apply(x, { training: true }))).toEqual(flat(x));
    expect(layer.getConfig()).toMatchObject({
      factor: [-0.1, 0.1],
      fillMode: 'constant',
      interpolation: 'bilinear',
      fillValue: 0,
      seed: 9,
    });
  });

  test('rejects bad options and ranks', () => {
    expect(() => new RandomRotation({ factor: [0.2, 0.1] })).toThrow(ValueError);
    expect(() => new RandomRotation({ factor: [0.2, 0.1] })).toThrow(
      /factor must be a number or a \[lower, upper\] pair with lower <= upper/,
    );
    expect(() => new RandomRotation({} as { factor: number })).toThrow(/factor/);
    expect(() => new RandomRotation({ factor: 0.1, fillMode: 'mirror' as 'wrap' })).toThrow(
      /fillMode must be one of 'reflect', 'wrap', 'constant', 'nearest', got "mirror"/,
    );
    expect(() => new RandomRotation({ factor: 0.1, interpolation: 'bicubic' as 'nearest' })).toThrow(/interpolation/);
    expect(() => new RandomRotation({ factor: 0.1, fillValue: Number.POSITIVE_INFINITY })).toThrow(/fillValue/);
    expect(() => new RandomRotation({ factor: 0.1, name: 'rot_errors' }).apply(range(4).reshape([4]))).toThrow(
      ShapeError,
    );
  });
});
