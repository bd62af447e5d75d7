import * as keras from '@horn/keras';
import { describe, expect, test } from 'vitest';
import { CustomDropout, layerDemos, trainVae } from './subclassing.js';

describe('keras.io guide: Making new layers and models via subclassing', () => {
  test('the layer demos: weights tracked, non-trainable sums, nested weights, losses collected', async () => {
    keras.setSeed(1);
    const d = await layerDemos();
    expect(d.y.shape).toEqual([2, 4]);
    expect(d.linearLayer.weights).toEqual([d.linearLayer.w, d.linearLayer.b]);
    // The guide prints [2. 2.] then [4. 4.]; 1 weight, 1 non-trainable, no trainable.
    expect(d.sums).toEqual([
      [2, 2],
      [4, 4],
    ]);
    expect(d.mySum.weights).toHaveLength(1);
    expect(d.mySum.nonTrainableWeights).toHaveLength(1);
    expect(d.mySum.trainableWeights).toHaveLength(0);
    // The guide prints "weights: 6" and "trainable weights: 6" for MLPBlock.
    expect(d.mlp.weights).toHaveLength(6);
    expect(d.mlp.trainableWeights).toHaveLength(6);
    // No losses before the first call, one after each call (reset at the start of each call).
    expect(d.lossCounts).toEqual([0, 1, 1]);
    // 1e-3 * sum(kernel ** 2) of the inner Dense.
    const kernel = (d.withRegularizer.dense.kernel as keras.Variable).value.dataSync();
    const expected = 1e-3 * Array.from(kernel).reduce((s, k) => s + k * k, 0);
    expect(d.withRegularizer.losses).toHaveLength(1);
    expect(d.withRegularizer.losses[0].dataSync()[0]).toBeCloseTo(expected, 6);
    expect(d.fitWithLoss.history.loss).toHaveLength(1);
    expect(d.fitAddLossOnly.history.loss).toHaveLength(1);
    expect(d.newLayer.units).toBe(64);
  });

  test('CustomDropout drops only in training mode', () => {
    const layer = new CustomDropout({ rate: 0.5 });
    const x = keras.ops.ones([4, 8]);
    expect(Array.from(layer.apply(x).dataSync())).toEqual(Array(32).fill(1));
    const dropped = Array.from(layer.apply(x, { training: true }).dataSync());
    expect(dropped.every((v) => v === 0 || v === 2)).toBe(true);
    expect(dropped.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  test('the VAE: encoder and decoder weights tracked, the KL loss collected, the loss falls', async () => {
    keras.setSeed(42);
    const { vae, history } = await trainVae(2000, 3);
    // Encoder: 784x64 + 64, 64x32 + 32 twice; decoder: 32x64 + 64, 64x784 + 784.
    expect(vae.trainableWeights).toHaveLength(10);
    expect(vae.countParams()).toBe(784 * 64 + 64 + 2 * (64 * 32 + 32) + 32 * 64 + 64 + 64 * 784 + 784);
    expect(vae.losses).toHaveLength(1);
    const losses = history.history.loss;
    expect(losses).toHaveLength(3);
    expect(losses[2]).toBeLessThan(losses[0]);
  });
});
