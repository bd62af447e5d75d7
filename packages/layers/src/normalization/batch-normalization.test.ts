import { ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { BatchNormalization, Constant, runLayerTest } from '../index.js';

const close = (t: Tensor | null, expected: number[], digits = 5) => {
  const got = Array.from(t?.dataSync() ?? []);
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

const x = () =>
  tensor([
    [1, 2],
    [3, 6],
  ]);
const gammaBeta = () => ({
  gammaInitializer: new Constant({ value: [2, 0.5] }),
  betaInitializer: new Constant({ value: [1, -1] }),
});

describe('BatchNormalization', () => {
  test('follows the layer contract in inference and training modes', () => {
    runLayerTest(BatchNormalization, {
      config: {},
      inputShape: [4, 3],
      expectedOutputShape: [4, 3],
      expectedNumTrainableWeights: 2,
      expectedNumNonTrainableWeights: 2,
    });
    runLayerTest(BatchNormalization, {
      config: { momentum: 0.9 },
      inputShape: [4, 2, 2, 3],
      expectedOutputShape: [4, 2, 2, 3],
      training: true,
      expectedNumTrainableWeights: 2,
      expectedNumNonTrainableWeights: 2,
    });
    runLayerTest(BatchNormalization, {
      config: { axis: 1, center: false },
      inputShape: [3, 2, 4],
      expectedOutputShape: [3, 2, 4],
      training: true,
      expectedNumTrainableWeights: 1,
      expectedNumNonTrainableWeights: 2,
    });
  });

  test('training uses the batch mean and population variance, by hand', () => {
    const bn = new BatchNormalization(gammaBeta());
    const y = bn.apply(x(), { training: true });
    // feature 0: mean 2, var 1; feature 1: mean 4, var 4
    const s0 = 2 / Math.sqrt(1 + 1e-3);
    const s1 = 0.5 / Math.sqrt(4 + 1e-3);
    close(y, [-1 * s0 + 1, -2 * s1 - 1, 1 * s0 + 1, 2 * s1 - 1]);
  });

  test('one training step moves the moving statistics by (1 - momentum)', () => {
    const bn = new BatchNormalization();
    bn.apply(x(), { training: true });
    close(bn.movingMean, [0.02, 0.04]);
    close(bn.movingVariance, [0.99 + 0.01 * 1, 0.99 + 0.01 * 4]);
    expect(bn.nonTrainableWeights.map((w) => w.name)).toEqual([`${bn.name}/moving_mean`, `${bn.name}/moving_variance`]);
    expect(bn.weights.map((w) => w.name.split('/')[1])).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
  });

  test('inference uses the moving statistics and leaves them unchanged', () => {
    const bn = new BatchNormalization({ momentum: 0.5, ...gammaBeta() });
    bn.apply(x(), { training: true });
    // moving mean = 0.5·0 + 0.5·[2, 4] = [1, 2]; moving var = 0.5·1 + 0.5·[1, 4] = [1, 2.5]
    close(bn.movingMean, [1, 2]);
    close(bn.movingVariance, [1, 2.5]);
    const y = bn.apply(x());
    const f0 = (v: number) => ((v - 1) / Math.sqrt(1 + 1e-3)) * 2 + 1;
    const f1 = (v: number) => ((v - 2) / Math.sqrt(2.5 + 1e-3)) * 0.5 - 1;
    close(y, [f0(1), f1(2), f0(3), f1(6)]);
    close(bn.movingMean, [1, 2]);
  });

  test('a frozen layer (trainable false) runs in inference mode even when training', () => {
    const bn = new BatchNormalization();
    bn.trainable = false;
    const y = bn.apply(x(), { training: true });
    close(
      y,
      [1, 2, 3, 6].map((v) => v / Math.sqrt(1 + 1e-3)),
    );
    close(bn.movingMean, [0, 0]);
    expect(bn.trainableWeights).toEqual([]);
    expect(bn.nonTrainableWeights.length).toBe(4);
  });

  test('bad options and inputs give clear errors', () => {
    expect(() => new BatchNormalization({ momentum: 2 })).toThrow(ValueError);
    expect(() => new BatchNormalization({ momentum: 2 })).toThrow(/momentum/);
    expect(() => new BatchNormalization({ axis: 1.5 })).toThrow(/axis/);
    const bn = new BatchNormalization({ axis: 3, name: 'bn' });
    expect(() => bn.apply(x())).toThrow(ShapeError);
    expect(() => bn.apply(x())).toThrow(
      "BatchNormalization 'bn': axis 3 is out of range for an input of shape [null, 2]",
    );
    const ok = new BatchNormalization({ name: 'bn2' });
    ok.apply(x());
    expect(() => ok.apply(tensor([[1, 2, 3]]))).toThrow(
      "BatchNormalization 'bn2': expected input with dimension 2 at axis 1",
    );
  });
});
