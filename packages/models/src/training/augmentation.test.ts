import { Dense, Dropout, Flatten, Input, RandomFlip } from '@horn/layers';
import { range, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model } from '../index.js';

const flat = (t: Tensor | Tensor[]) => Array.from((t as Tensor).dataSync());
// 16 one-row images [3i, 3i + 1, 3i + 2]: a horizontal flip reverses a row.
const rows = () => range(48).reshape([16, 1, 3, 1]);

// Keras 3.15 (jax): RandomFlip.call(data, training=True); model(x) with no training augments,
// model.predict(x) does not (checked with a seeded RandomFlip('horizontal') model).
describe('augmentation layers inside a model (Keras 3)', () => {
  const build = () => {
    const x = Input({ shape: [1, 3, 1] });
    return new Model({ inputs: x, outputs: new RandomFlip({ mode: 'horizontal', seed: 42 }).apply(x) });
  };

  test('predict and training false pass through; a direct call augments as the layer would', () => {
    const x = rows();
    expect(flat(build().predict(x) as Tensor)).toEqual(flat(x));
    expect(flat(build().apply(x, { training: false }))).toEqual(flat(x));
    const direct = flat(build().apply(x));
    expect(direct).toEqual(flat(new RandomFlip({ mode: 'horizontal', seed: 42 }).apply(x)));
    expect(direct).not.toEqual(flat(x));
  });

  test('a direct model call keeps Dropout at inference (its own default, training false)', () => {
    const x = Input({ shape: [1, 3, 1] });
    const h = new Dropout({ rate: 0.9, seed: 1 }).apply(new Flatten().apply(x));
    const model = new Model({ inputs: x, outputs: new Dense({ units: 1, kernelInitializer: 'ones' }).apply(h) });
    // Without dropout each output is the sum of its row: 3i + (3i + 1) + (3i + 2) = 9i + 3.
    expect(flat(model.apply(rows()))).toEqual(Array.from({ length: 16 }, (_, i) => 9 * i + 3));
  });
});
