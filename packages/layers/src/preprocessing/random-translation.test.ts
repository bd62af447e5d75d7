import { GradientTape } from '@horn/autograd';
import { range, sum, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { RandomTranslation, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const row = () => tensor([1, 2, 3, 4], [1, 1, 4, 1]);

describe('RandomTranslation', () => {
  test('follows the layer contract, in training (seeded) and at inference', () => {
    runLayerTest(RandomTranslation, {
      config: { heightFactor: 0.2, widthFactor: [-0.3, 0.1], seed: 4, fillMode: 'wrap' },
      inputShape: [2, 5, 4, 2],
      expectedOutputShape: [2, 5, 4, 2],
      training: true,
    });
    runLayerTest(RandomTranslation, {
      config: { heightFactor: 0.5, widthFactor: 0.5 },
      inputShape: [2, 4, 4, 1],
      expectedOutputShape: [2, 4, 4, 1],
    });
  });

  test('shifts right by widthFactor * width, filling by the fill mode', () => {
    const shift = (fillMode: 'reflect' | 'wrap' | 'constant' | 'nearest', factor: number, fillValue = 0) =>
      flat(
        new RandomTranslation({ heightFactor: 0, widthFactor: [factor, factor], fillMode, fillValue }).apply(row(), {
          training: true,
        }),
      );
    expect(shift('constant', 0.25)).toEqual([0, 1, 2, 3]);
    expect(shift('constant', 0.5, 9)).toEqual([9, 9, 1, 2]);
    expect(shift('nearest', 0.25)).toEqual([1, 1, 2, 3]);
    expect(shift('reflect', 0.25)).toEqual([1, 1, 2, 3]);
    expect(shift('reflect', 0.5)).toEqual([2, 1, 1, 2]);
    expect(shift('wrap', 0.25)).toEqual([4, 1, 2, 3]);
    expect(shift('constant', -0.25)).toEqual([2, 3, 4, 0]);
  });

  test('shifts down by heightFactor * height; identity at inference', () => {
    const column = range(1, 5).reshape([1, 4, 1, 1]);
    const down = new RandomTranslation({ heightFactor: [0.25, 0.25], widthFactor: 0, fillMode: 'constant' });
    expect(flat(down.apply(column, { training: true }))).toEqual([0, 1, 2, 3]);
    expect(flat(down.apply(column, { training: false }))).toEqual([1, 2, 3, 4]);
    expect(flat(down.apply(column))).toEqual([0, 1, 2, 3]);
    expect(down.getConfig()).toMatchObject({ heightFactor: [0.25, 0.25], widthFactor: [-0, 0], fillMode: 'constant' });
  });

  test('passes gradients to the pixels it reads', () => {
    // a shift right by one pixel (constant fill) reads pixels 0, 1, 2 once and never pixel 3
    const x = row();
    const layer = new RandomTranslation({ heightFactor: 0, widthFactor: [0.25, 0.25], fillMode: 'constant' });
    const tape = new GradientTape();
    tape.watch(x);
    const y = tape.run(() => sum(layer.apply(x, { training: true })));
    expect(flat(tape.gradient(y, [x])[0] as Tensor)).toEqual([1, 1, 1, 0]);
  });

  test('rejects factors outside [-1, 1] and a missing widthFactor', () => {
    expect(() => new RandomTranslation({ heightFactor: 0.1, widthFactor: -2 })).toThrow(
      /widthFactor .* in \[-1, 1\], got -2/,
    );
    expect(() => new RandomTranslation({ heightFactor: [0, 1.5], widthFactor: 0.1 })).toThrow(ValueError);
    expect(() => new RandomTranslation({ heightFactor: 0.1 } as { heightFactor: number; widthFactor: number })).toThrow(
      /widthFactor must be a number/,
    );
  });
});
