import { describe, expect, test } from 'vitest';
import { Adamax } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

/** Keras 3 Adamax in plain numbers. */
function adamax(lr: number, b1: number, b2: number, eps = 1e-7) {
  return elementwise(
    () => ({ m: 0, u: 0 }),
    (w, g, t, s) => {
      s.m += (g - s.m) * (1 - b1);
      s.u = Math.max(b2 * s.u, Math.abs(g));
      return w - (lr * s.m) / ((1 - b1 ** t) * (s.u + eps));
    },
  );
}

describe('Adamax', () => {
  test('three steps against the Keras 3 formula', () => {
    const expected = referenceQuadratic(3, adamax(0.1, 0.9, 0.999));
    // Step 1 by hand: m = 0.1 g, u = |g|, so w moves by lr * sign(g).
    expect(expected[0]).toEqual([expect.closeTo(0.9, 6), expect.closeTo(-1.9, 6)]);
    expectAllClose(optimizeQuadratic(new Adamax({ learningRate: 0.1 }), 3), expected);
  });

  test('a small beta2 lets the norm follow shrinking gradients', () => {
    const expected = referenceQuadratic(4, adamax(0.4, 0.5, 0.3, 0.01));
    expectAllClose(
      optimizeQuadratic(new Adamax({ learningRate: 0.4, beta1: 0.5, beta2: 0.3, epsilon: 0.01 }), 4),
      expected,
    );
  });

  test('defaults and bad options', () => {
    expect(new Adamax().getConfig()).toMatchObject({
      name: 'adamax',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
    });
    expect(() => new Adamax({ beta1: 1.5 })).toThrow(/Adamax: beta1/);
    expect(() => new Adamax({ epsilon: 0 })).toThrow(/Adamax: epsilon/);
  });
});
