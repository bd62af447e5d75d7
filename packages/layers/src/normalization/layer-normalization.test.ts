import { type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, LayerNormalization, runLayerTest } from '../index.js';

const close = (t: Tensor | null, expected: number[], digits = 5) => {
  const got = Array.from(t?.dataSync() ?? []);
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

describe('LayerNormalization', () => {
  test('follows the layer contract', () => {
    runLayerTest(LayerNormalization, {
      config: {},
      inputShape: [3, 4],
      expectedOutputShape: [3, 4],
      expectedNumTrainableWeights: 2,
    });
    runLayerTest(LayerNormalization, {
      config: { axis: [1, 2], scale: false },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 4],
      expectedNumTrainableWeights: 1,
    });
  });

  test('normalizes each sample over the last axis, by hand', () => {
    const ln = new LayerNormalization({
      gammaInitializer: new Constant({ value: [1, 2, 3] }),
      betaInitializer: new Constant({ value: [0, 1, 0] }),
    });
    const y = ln.apply(
      tensor([
        [1, 2, 3],
        [0, 0, 6],
      ]),
    );
    // row 0: mean 2, var 2/3; row 1: mean 2, var (4 + 4 + 16)/3 = 8
    const a = 1 / Math.sqrt(2 / 3 + 1e-3);
    const b = 1 / Math.sqrt(8 + 1e-3);
    close(y, [-1 * a * 1, 0 * a * 2 + 1, 1 * a * 3, -2 * b * 1, -2 * b * 2 + 1, 4 * b * 3]);
    // The same in training: no batch statistics, no state.
    close(
      ln.apply(
        tensor([
          [1, 2, 3],
          [0, 0, 6],
        ]),
        { training: true },
      ),
      Array.from(y.dataSync()),
    );
  });

  test('over several axes the parameters take the normalized shape', () => {
    const ln = new LayerNormalization({ axis: [-2, -1] });
    const y = ln.apply(
      tensor([
        [
          [1, 2],
          [3, 4],
        ],
      ]),
    );
    expect(ln.weights.map((w) => w.shape)).toEqual([
      [2, 2],
      [2, 2],
    ]);
    const s = 1 / Math.sqrt(1.25 + 1e-3);
    close(y, [-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s]);
  });
});
