import type { Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import * as keras from './index.js';

describe('keras.layers.Masking and mask propagation through the facade', () => {
  test('Masking -> Dense -> GlobalAveragePooling1D in a Sequential: padding does not count', () => {
    keras.setSeed(4);
    const model = new keras.Sequential([
      keras.Input({ shape: [null, 2] }),
      new keras.layers.Masking({ mask_value: 0 } as never),
      new keras.layers.Dense({ units: 3 }),
      new keras.layers.GlobalAveragePooling1D(),
    ]);
    const padded = model.predict(
      keras.tensor([
        [
          [1, 2],
          [3, -1],
          [0, 0],
        ],
      ]),
    ) as Tensor;
    const unpadded = model.predict(
      keras.tensor([
        [
          [1, 2],
          [3, -1],
        ],
      ]),
    ) as Tensor;
    const a = Array.from(padded.dataSync());
    Array.from(unpadded.dataSync()).forEach((v, i) => {
      expect(a[i]).toBeCloseTo(v, 6);
    });
    const masked = new keras.layers.Masking().apply(
      keras.tensor([
        [
          [1, 2],
          [0, 0],
        ],
      ]),
    );
    expect(keras.layers.getKerasMask(masked)?.arraySync()).toEqual([[1, 0]]);
  });
});
