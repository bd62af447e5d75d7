import * as keras from '@horn/keras';
import { describe, expect, test } from 'vitest';
import { customTrainingLoop } from './training-loop-from-scratch.js';

describe('keras.io guide: Writing a training loop from scratch', () => {
  test('the GradientTape loop with SGD(1e-3) lowers the loss; metrics reset per epoch', async () => {
    keras.setSeed(1);
    const run = await customTrainingLoop({ trainSamples: 3200, valSamples: 640, epochs: 3 });
    expect(run.epochLosses).toHaveLength(3);
    // 50 steps per epoch: the loss falls every epoch, and accuracy rises above chance.
    expect(run.epochLosses[1]).toBeLessThan(run.epochLosses[0]);
    expect(run.epochLosses[2]).toBeLessThan(run.epochLosses[1]);
    expect(run.stepLosses).toHaveLength(3); // steps 0 of each epoch (50 < 100 steps)
    expect(run.trainAcc[2]).toBeGreaterThan(run.trainAcc[0]);
    expect(run.valAcc[2]).toBeGreaterThan(run.valAcc[0]);
    expect(run.model.trainableWeights).toHaveLength(6);
  });

  test('losses tracked by the model are added to the loop loss', async () => {
    keras.setSeed(1);
    const plain = await customTrainingLoop({ trainSamples: 640, valSamples: 64, epochs: 1 });
    keras.setSeed(1);
    const regularized = await customTrainingLoop({
      trainSamples: 640,
      valSamples: 64,
      epochs: 1,
      withActivityLoss: true,
    });
    expect(regularized.model.losses).toHaveLength(1);
    expect(regularized.epochLosses[0]).toBeGreaterThan(plain.epochLosses[0]);
  });
});
