import { readFileSync } from 'node:fs';
import { type NestedArray, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { getKerasMask, Masking, runLayerTest } from '../index.js';

// Made by packages/layers/fixtures/make-masking.py (Keras 3, JAX backend).
const golden = JSON.parse(readFileSync(new URL('../engine/fixtures/masking-goldens.json', import.meta.url), 'utf8'))
  .cases.masking as { input: number[][][]; maskValue: number; output: NestedArray; mask: boolean[][] };

describe('Masking', () => {
  test('follows the layer contract', () => {
    runLayerTest(Masking, {
      config: { maskValue: 0.5 },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
      expectedNumTrainableWeights: 0,
    });
  });

  test('Keras 3 golden: steps whose features all equal maskValue are masked and zeroed', () => {
    const out = new Masking({ maskValue: golden.maskValue }).apply(tensor(golden.input));
    expect(out.arraySync()).toEqual(golden.output);
    expect(getKerasMask(out)?.arraySync()).toEqual(golden.mask.map((row) => row.map(Number)));
  });

  test('config round-trip, mask_value in snake_case, bad values refused', () => {
    const layer = new Masking({ mask_value: 2 } as never);
    expect(layer.maskValue).toBe(2);
    expect(Masking.fromConfig(layer.getConfig()).maskValue).toBe(2);
    expect(new Masking().maskValue).toBe(0);
    expect(() => new Masking({ maskValue: 'a' as never })).toThrow(/maskValue must be a number, got "a"/);
  });
});
