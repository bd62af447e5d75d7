import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Adam, AdamW } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

type State = { m: number; v: number; vHat: number };

/** Keras 3 Adam in plain numbers, with optional AMSGrad and decoupled weight decay. */
function adam(lr: number, b1: number, b2: number, { amsgrad = false, weightDecay = 0, eps = 1e-7 } = {}) {
  return elementwise<State>(
    () => ({ m: 0, v: 0, vHat: 0 }),
    (w, g, t, s) => {
      w -= lr * weightDecay * w;
      const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
      s.m += (g - s.m) * (1 - b1);
      s.v += (g * g - s.v) * (1 - b2);
      s.vHat = Math.max(s.vHat, s.v);
      return w - (alpha * s.m) / (Math.sqrt(amsgrad ? s.vHat : s.v) + eps);
    },
  );
}

describe('Adam', () => {
  test('three steps against the Keras 3 formula', () => {
    const expected = referenceQuadratic(3, adam(0.1, 0.9, 0.999));
    // Step 1 by hand: m = 0.1 g, v = 0.001 g^2, alpha = 0.1 sqrt(0.001) / 0.1, so w moves by ~lr * sign(g).
    expect(expected[0][0]).toBeCloseTo(0.9, 6);
    expect(expected[0][1]).toBeCloseTo(-1.9, 6);
    expectAllClose(optimizeQuadratic(new Adam({ learningRate: 0.1 }), 3), expected);
  });

  test('other betas and epsilon', () => {
    const expected = referenceQuadratic(3, adam(0.05, 0.5, 0.7, { eps: 0.1 }));
    expectAllClose(
      optimizeQuadratic(new Adam({ learningRate: 0.05, beta1: 0.5, beta2: 0.7, epsilon: 0.1 }), 3),
      expected,
    );
  });

  test('amsgrad divides by the running maximum of v', () => {
    // beta2 = 0.5 lets v shrink as the gradients shrink, so vHat differs from v.
    const expected = referenceQuadratic(4, adam(0.3, 0.9, 0.5, { amsgrad: true }));
    const plain = referenceQuadratic(4, adam(0.3, 0.9, 0.5));
    expect(Math.abs(expected[3][1] - plain[3][1])).toBeGreaterThan(1e-3);
    expectAllClose(optimizeQuadratic(new Adam({ learningRate: 0.3, beta2: 0.5, amsgrad: true }), 4), expected);
  });

  test('weightDecay is decoupled: w -= lr * wd * w before the update', () => {
    const expected = referenceQuadratic(3, adam(0.1, 0.9, 0.999, { weightDecay: 0.5 }));
    expectAllClose(optimizeQuadratic(new Adam({ learningRate: 0.1, weightDecay: 0.5 }), 3), expected);
  });

  test('Keras defaults and bad options', () => {
    expect(new Adam().getConfig()).toEqual({
      name: 'adam',
      learningRate: 0.001,
      weightDecay: null,
      clipNorm: null,
      globalClipNorm: null,
      clipValue: null,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
      amsgrad: false,
    });
    expect(() => new Adam({ beta1: 1 })).toThrow(/Adam: beta1 must be a number in \[0, 1\), got 1/);
    expect(() => new Adam({ beta2: -0.1 })).toThrow(/Adam: beta2/);
    expect(() => new Adam({ epsilon: -1e-7 })).toThrow(ValueError);
    expect(() => new Adam({ learningRate: Number.NaN })).toThrow(/learningRate/);
  });
});

describe('AdamW', () => {
  test('Adam with weightDecay 0.004 by default', () => {
    const opt = new AdamW({ learningRate: 0.1 });
    expect(opt.weightDecay).toBe(0.004);
    expect(opt.getConfig()).toMatchObject({ name: 'adamw', weightDecay: 0.004, beta1: 0.9, amsgrad: false });
    expectAllClose(optimizeQuadratic(opt, 3), referenceQuadratic(3, adam(0.1, 0.9, 0.999, { weightDecay: 0.004 })));
  });

  test('with amsgrad and another decay', () => {
    const expected = referenceQuadratic(3, adam(0.3, 0.9, 0.5, { amsgrad: true, weightDecay: 0.1 }));
    expectAllClose(
      optimizeQuadratic(new AdamW({ learningRate: 0.3, beta2: 0.5, amsgrad: true, weightDecay: 0.1 }), 3),
      expected,
    );
  });

  test('weightDecay must be a number', () => {
    expect(() => new AdamW({ weightDecay: null as unknown as number })).toThrow(/AdamW: weightDecay must be a number/);
    expect(() => new AdamW({ weightDecay: -1 })).toThrow(/AdamW: weightDecay must be a number in \[0, inf\), got -1/);
    expect(AdamW.className).toBe('AdamW');
  });
});
