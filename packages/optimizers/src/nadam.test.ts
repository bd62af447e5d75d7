import { variable } from '@horn/autograd';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Nadam } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

/** Keras 3 Nadam in plain numbers, with the momentum cache u_t = b1 (1 - 0.5 * 0.96^t). */
function nadam(lr: number, b1: number, b2: number, eps = 1e-7) {
  const u = (t: number) => b1 * (1 - 0.5 * 0.96 ** t);
  const product = (t: number) => {
    let p = 1;
    for (let i = 1; i <= t; i++) p *= u(i);
    return p;
  };
  return elementwise(
    () => ({ m: 0, v: 0 }),
    (w, g, t, s) => {
      s.m += (g - s.m) * (1 - b1);
      s.v += (g * g - s.v) * (1 - b2);
      const mHat = (u(t + 1) * s.m) / (1 - product(t + 1)) + ((1 - u(t)) * g) / (1 - product(t));
      const vHat = s.v / (1 - b2 ** t);
      return w - (lr * mHat) / (Math.sqrt(vHat) + eps);
    },
  );
}

describe('Nadam', () => {
  test('three steps against the Keras 3 formula', () => {
    const expected = referenceQuadratic(3, nadam(0.1, 0.9, 0.999));
    expectAllClose(optimizeQuadratic(new Nadam({ learningRate: 0.1 }), 3), expected);
  });

  test('other betas over more steps', () => {
    const expected = referenceQuadratic(6, nadam(0.05, 0.8, 0.9, 1e-3));
    expectAllClose(
      optimizeQuadratic(new Nadam({ learningRate: 0.05, beta1: 0.8, beta2: 0.9, epsilon: 1e-3 }), 6),
      expected,
    );
  });

  test('the momentum product follows iterations restored by setWeights', () => {
    const a = new Nadam({ learningRate: 0.1 });
    optimizeQuadratic(a, 5);
    const b = new Nadam({ learningRate: 0.1 });
    const w = variable(tensor([0.3, 0.7]));
    const w2 = variable(tensor([0.3, 0.7]));
    b.build([w]);
    b.setWeights(a.getWeights());
    const c = new Nadam({ learningRate: 0.1 });
    c.build([w2]);
    // Run c past a's step count, so its cached product must be recomputed, not extended.
    for (let i = 0; i < 7; i++) c.applyGradients([[tensor([1, 1]), w2]]);
    w2.assign(tensor([0.3, 0.7]));
    c.setWeights(a.getWeights());
    expect(c.iterations).toBe(5);
    b.applyGradients([[tensor([0.2, -0.4]), w]]);
    c.applyGradients([[tensor([0.2, -0.4]), w2]]);
    expect(w2.arraySync()).toEqual(w.arraySync());
  });

  test('defaults and bad options', () => {
    expect(new Nadam().getConfig()).toMatchObject({
      name: 'nadam',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
    });
    expect(() => new Nadam({ beta2: 1 })).toThrow(/Nadam: beta2/);
    expect(() => new Nadam({ epsilon: -1 })).toThrow(/Nadam: epsilon/);
  });
});
