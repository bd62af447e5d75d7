import { GradientTape } from '@horn/autograd';
import { memory, softplus, type Tensor, tensor, tidy } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dense } from '../index.js';

describe('a custom training loop with GradientTape and manual SGD', () => {
  test('two Dense layers learn XOR', () => {
    const hidden = new Dense({
      units: 8,
      activation: 'tanh',
      kernelInitializer: { className: 'GlorotUniform', config: { seed: 1 } },
    });
    const out = new Dense({ units: 1, kernelInitializer: { className: 'GlorotUniform', config: { seed: 2 } } });
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([[0], [1], [1], [0]]);
    const logits = () => out.apply(hidden.apply(x));
    // Binary cross-entropy from logits, stably: softplus(z) - y·z.
    const lossOf = (z: Tensor) => softplus(z).sub(y.mul(z)).mean();
    logits();
    const weights = [...hidden.trainableWeights, ...out.trainableWeights];
    expect(weights.length).toBe(4);
    const before = memory().numTensors;
    let last = Number.POSITIVE_INFINITY;
    for (let step = 0; step < 1500; step++) {
      last = tidy(() => {
        const tape = new GradientTape();
        const loss = tape.run(() => lossOf(logits()));
        const grads = tape.gradient(loss, weights);
        for (const [i, w] of weights.entries()) w.assignSub(grads[i]!.mul(0.5));
        return loss.dataSync()[0];
      });
    }
    expect(memory().numTensors).toBe(before);
    expect(last).toBeLessThan(0.05);
    const p = Array.from(logits().sigmoid().dataSync());
    expect(p.map((v) => (v > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });
});
