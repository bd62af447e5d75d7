import { type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Rescaling, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());

describe('Rescaling', () => {
  test('follows the layer contract', () => {
    runLayerTest(Rescaling, {
      config: { scale: 1 / 255 },
      inputShape: [2, 3],
      inputData: tensor([
        [0, 51, 255],
        [102, 204, 25.5],
      ]),
      expectedOutputShape: [2, 3],
      expectedOutput: [
        [0, 0.2, 1],
        [0.4, 0.8, 0.1],
      ],
    });
    runLayerTest(Rescaling, {
      config: { scale: [1, 2, 3], offset: -1 },
      inputShape: [2, 4, 4, 3],
      expectedOutputShape: [2, 4, 4, 3],
    });
  });

  test('maps pixels to [0, 1] with 1/255 and to [-1, 1] with 1/127.5 - 1', () => {
    const pixels = tensor([0, 127.5, 255]);
    flat(new Rescaling({ scale: 1 / 255 }).apply(pixels)).forEach((v, i) => {
      expect(v).toBeCloseTo([0, 0.5, 1][i], 6);
    });
    flat(new Rescaling({ scale: 1 / 127.5, offset: -1 }).apply(pixels)).forEach((v, i) => {
      expect(v).toBeCloseTo([-1, 0, 1][i], 6);
    });
    expect(flat(new Rescaling({ scale: [1, 10], offset: [0, 1] }).apply(tensor([[1, 1]])))).toEqual([1, 11]);
    expect(new Rescaling({ scale: 2, offset: 1 }).getConfig()).toMatchObject({ scale: 2, offset: 1 });
  });

  test('rejects bad scale and offset', () => {
    expect(() => new Rescaling({} as { scale: number })).toThrow(ValueError);
    expect(() => new Rescaling({ scale: Number.NaN })).toThrow(
      /scale must be a finite number or a non-empty array of them, got null/,
    );
    expect(() => new Rescaling({ scale: 1, offset: 'x' as unknown as number })).toThrow(/offset/);
  });
});
