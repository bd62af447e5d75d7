import { type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { RandomZoom, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
// 4x4 of 10r + c: bilinear sampling reproduces a linear function exactly
const linear = () => tensor([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33], [1, 4, 4, 1]);

describe('RandomZoom', () => {
  test('follows the layer contract, in training (seeded) and at inference', () => {
    runLayerTest(RandomZoom, {
      config: { heightFactor: 0.3, widthFactor: [-0.2, 0.1], seed: 2 },
      inputShape: [2, 5, 4, 2],
      expectedOutputShape: [2, 5, 4, 2],
      training: true,
    });
    runLayerTest(RandomZoom, {
      config: { heightFactor: 0.5 },
      inputShape: [2, 4, 4, 1],
      expectedOutputShape: [2, 4, 4, 1],
    });
  });

  test('zooms in about the center: zoom 0.5 samples 0.5 * x + 0.75', () => {
    const y = flat(new RandomZoom({ heightFactor: [-0.5, -0.5] }).apply(linear(), { training: true }));
    const expected: number[] = [];
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) expected.push(10 * (0.5 * r + 0.75) + 0.5 * c + 0.75);
    y.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 4);
    });
    // widthFactor 0: only the height zooms
    const tall = flat(
      new RandomZoom({ heightFactor: [-0.5, -0.5], widthFactor: 0 }).apply(linear(), { training: true }),
    );
    tall.forEach((v, i) => {
      expect(v).toBeCloseTo(10 * (0.5 * Math.floor(i / 4) + 0.75) + (i % 4), 4);
    });
  });

  test('zooms out with the fill mode outside: zoom 2 samples 2x - 1.5', () => {
    const row = tensor([1, 2, 3, 4], [1, 1, 4, 1]);
    const constant = new RandomZoom({ heightFactor: [1, 1], fillMode: 'constant' });
    expect(flat(constant.apply(row, { training: true }))).toEqual([0, 1.5, 3.5, 0]);
    const reflect = new RandomZoom({ heightFactor: [1, 1] });
    expect(flat(reflect.apply(row, { training: true }))).toEqual([1.5, 1.5, 3.5, 3.5]);
    expect(flat(reflect.apply(row, { training: false }))).toEqual([1, 2, 3, 4]);
  });

  test('rejects factors outside [-1, 1] and reversed ranges', () => {
    expect(() => new RandomZoom({ heightFactor: 1.5 })).toThrow(ValueError);
    expect(() => new RandomZoom({ heightFactor: 1.5 })).toThrow(/heightFactor must be .* in \[-1, 1\], got 1.5/);
    expect(() => new RandomZoom({ heightFactor: 0.2, widthFactor: [0.5, -0.5] })).toThrow(/widthFactor/);
    expect(new RandomZoom({ heightFactor: 0.2 }).getConfig()).toMatchObject({
      heightFactor: [-0.2, 0.2],
      widthFactor: null,
    });
  });
});
