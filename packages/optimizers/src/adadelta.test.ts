import { describe, expect, test } from 'vitest';
import { Adadelta } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

/** Keras 3 Adadelta in plain numbers. */
function adadelta(lr: number, rho: number, eps: number) {
  return elementwise(
    () => ({ ag: 0, ad: 0 }),
    (w, g, _t, s) => {
      s.ag = rho * s.ag + (1 - rho) * g * g;
      const delta = (-Math.sqrt(s.ad + eps) * g) / Math.sqrt(s.ag + eps);
      s.ad = rho * s.ad + (1 - rho) * delta * delta;
      return w + lr * delta;
    },
  );
}

describe('Adadelta', () => {
  test('three steps against the Keras 3 formula', () => {
    // A large epsilon and learning rate make the (otherwise tiny) steps visible at 1e-6.
    const expected = referenceQuadratic(3, adadelta(1, 0.95, 1e-3));
    expect(expected[2][0]).toBeLessThan(0.99);
    expectAllClose(optimizeQuadratic(new Adadelta({ learningRate: 1, epsilon: 1e-3 }), 3), expected);
  });

  test('Keras defaults: lr 0.001, rho 0.95, epsilon 1e-7', () => {
    const expected = referenceQuadratic(3, adadelta(0.001, 0.95, 1e-7));
    expectAllClose(optimizeQuadratic(new Adadelta(), 3), expected, 1e-7);
    expect(new Adadelta({ rho: 0.5 }).getConfig()).toMatchObject({
      name: 'adadelta',
      learningRate: 0.001,
      rho: 0.5,
      epsilon: 1e-7,
    });
    expectAllClose(
      optimizeQuadratic(new Adadelta({ learningRate: 1, rho: 0.5, epsilon: 1e-2 }), 3),
      referenceQuadratic(3, adadelta(1, 0.5, 1e-2)),
    );
  });

  test('bad options', () => {
    expect(() => new Adadelta({ rho: 1.2 })).toThrow(/Adadelta: rho must be a number in \[0, 1\), got 1.2/);
    expect(() => new Adadelta({ epsilon: 0 })).toThrow(/Adadelta: epsilon/);
  });
});
