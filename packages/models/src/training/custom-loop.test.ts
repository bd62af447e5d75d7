import { GradientTape, resetLeakWatch } from '@horn/autograd';
import { Dense, Input } from '@horn/layers';
import { SparseCategoricalCrossentropy, sparseCategoricalCrossentropy } from '@horn/losses';
import { SparseCategoricalAccuracy } from '@horn/metrics';
import { SGD } from '@horn/optimizers';
import { memory, randomNormal, setSeed, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { Sequential } from '../index.js';

function setup() {
  setSeed(7);
  const model = new Sequential([
    Input({ shape: [4] }),
    new Dense({ units: 8, activation: 'relu' }),
    new Dense({ units: 3 }),
  ]);
  const x = randomNormal([16, 4], { seed: 3 });
  const y = tensor(
    Array.from({ length: 16 }, (_, i) => i % 3),
    [16],
    'int32',
  );
  return { model, x, y };
}

/**
 * keras.io "Writing a training loop from scratch", without tidy: forward and loss under a tape,
 * tape.gradient, optimizer.applyGradients, then the metric and the loss read after the update.
 */
// The functional loss, so this test does not depend on the name of Loss' reducing method.
const lossFn = (y: Tensor, logits: Tensor) => sparseCategoricalCrossentropy(y, logits, { fromLogits: true }).mean();

function kerasIoStep(
  model: Sequential,
  optimizer: SGD,
  metric: SparseCategoricalAccuracy,
  x: Tensor,
  y: Tensor,
): number {
  const tape = new GradientTape();
  const [logits, loss] = tape.run(() => {
    const logits = model.apply(x, { training: true }) as Tensor;
    return [logits, lossFn(y, logits)] as const;
  });
  const grads = tape.gradient(loss, model.trainableWeights);
  optimizer.applyGradients(grads.map((g, i) => [g, model.trainableWeights[i]] as const));
  metric.updateState(y, logits);
  return loss.dataSync()[0];
}

describe('a custom GradientTape loop without tidy', () => {
  test('keeps memory().numTensors flat over 100 steps, and trains as trainOnBatch does', () => {
    resetLeakWatch();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model, x, y } = setup();
    const optimizer = new SGD({ learningRate: 0.1 });
    const metric = new SparseCategoricalAccuracy();
    const counts: number[] = [];
    const losses: number[] = [];
    for (let step = 0; step < 100; step++) {
      losses.push(kerasIoStep(model, optimizer, metric, x, y));
      counts.push(memory().numTensors);
    }
    // Step 1 builds the optimizer's state; from then on the count does not move.
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(losses[99]).toBeLessThan(losses[0]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();

    // A second implementation of the same 100 steps: trainOnBatch from the same seed and weights.
    const again = setup();
    again.model.compile({
      optimizer: new SGD({ learningRate: 0.1 }),
      loss: new SparseCategoricalCrossentropy({ fromLogits: true }),
    });
    let last = 0;
    for (let step = 0; step < 100; step++) last = again.model.trainOnBatch(again.x, again.y) as number;
    expect(last).toBeCloseTo(losses[99], 5);
    const ours = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    const theirs = again.model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    ours.forEach((v, i) => {
      expect(v).toBeCloseTo(theirs[i], 5);
    });
  });

  test('optimizer.minimize in a loop stays flat too', () => {
    const { model, x, y } = setup();
    const optimizer = new SGD({ learningRate: 0.1 });
    const counts: number[] = [];
    for (let step = 0; step < 30; step++) {
      optimizer.minimize(() => lossFn(y, model.apply(x, { training: true }) as Tensor), model.trainableWeights);
      counts.push(memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
  });

  test('a loop that leaks on purpose gets one warning with the counts', () => {
    resetLeakWatch();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model, x, y } = setup();
    const optimizer = new SGD({ learningRate: 0.1 });
    const metric = new SparseCategoricalAccuracy();
    const leaked: Tensor[] = [];
    for (let step = 0; step < 60; step++) {
      kerasIoStep(model, optimizer, metric, x, y);
      leaked.push(x.mul(x)); // made outside the tape, never disposed: one more live tensor per step
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(
      /GradientTape: live tensors grew on each of the last 20 training steps \(\d+ -> \d+, about 1\.0 per step\)/,
    );
    warn.mockRestore();
    for (const t of leaked) t.dispose();
  });
});
