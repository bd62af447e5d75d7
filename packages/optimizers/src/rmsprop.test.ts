import { variable } from '@horn/autograd';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { RMSprop } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

type State = { ms: number; mg: number; mom: number };

/** Keras 3 RMSprop in plain numbers (epsilon inside the square root). */
function rmsprop(lr: number, rho: number, momentum: number, centered: boolean, eps = 1e-7) {
  return elementwise<State>(
    () => ({ ms: 0, mg: 0, mom: 0 }),
    (w, g, _t, s) => {
      s.ms = rho * s.ms + (1 - rho) * g * g;
      let denominator = s.ms + eps;
      if (centered) {
        s.mg = rho * s.mg + (1 - rho) * g;
        denominator = s.ms - s.mg * s.mg + eps;
      }
      const increment = (lr * g) / Math.sqrt(denominator);
      if (momentum === 0) return w - increment;
      s.mom = momentum * s.mom + increment;
      return w - s.mom;
    },
  );
}

describe('RMSprop', () => {
  test('plain', () => {
    const expected = referenceQuadratic(3, rmsprop(0.01, 0.9, 0, false));
    // Step 1 by hand: ms = 0.1 g^2, so w moves by lr * g / sqrt(0.1 g^2) = lr * sqrt(10) * sign(g).
    expect(expected[0][0]).toBeCloseTo(1 - 0.01 * Math.sqrt(10), 6);
    expectAllClose(optimizeQuadratic(new RMSprop({ learningRate: 0.01 }), 3), expected);
  });

  test('momentum', () => {
    const expected = referenceQuadratic(3, rmsprop(0.01, 0.8, 0.5, false));
    expectAllClose(optimizeQuadratic(new RMSprop({ learningRate: 0.01, rho: 0.8, momentum: 0.5 }), 3), expected);
  });

  test('centered, with and without momentum', () => {
    const centered = referenceQuadratic(3, rmsprop(0.01, 0.9, 0, true));
    expectAllClose(optimizeQuadratic(new RMSprop({ learningRate: 0.01, centered: true }), 3), centered);
    const both = referenceQuadratic(3, rmsprop(0.01, 0.9, 0.9, true));
    expectAllClose(optimizeQuadratic(new RMSprop({ learningRate: 0.01, centered: true, momentum: 0.9 }), 3), both);
    expect(Math.abs(centered[2][0] - referenceQuadratic(3, rmsprop(0.01, 0.9, 0, false))[2][0])).toBeGreaterThan(1e-3);
  });

  test('the Keras docstring example: loss w^2 / 2 from 10 with lr 0.1 gives 9.683772', () => {
    const w = variable(tensor(10));
    new RMSprop({ learningRate: 0.1 }).minimize(() => w.square().div(2));
    expect(w.dataSync()[0]).toBeCloseTo(9.683772, 5);
  });

  test('slots, defaults and bad options', () => {
    const opt = new RMSprop({ momentum: 0.5, centered: true });
    const w = variable(tensor([1, 2]), { name: 'w' });
    opt.applyGradients([[tensor([1, 1]), w]]);
    expect(['velocity', 'momentum', 'average_gradient'].map((s) => opt.getSlot(w, s)?.name)).toEqual([
      'w_velocity',
      'w_momentum',
      'w_average_gradient',
    ]);
    expect(new RMSprop().getConfig()).toMatchObject({
      learningRate: 0.001,
      rho: 0.9,
      momentum: 0,
      epsilon: 1e-7,
      centered: false,
    });
    expect(() => new RMSprop({ rho: 1 })).toThrow(/RMSprop: rho must be a number in \[0, 1\)/);
    expect(() => new RMSprop({ epsilon: 0 })).toThrow(/RMSprop: epsilon must be a number in \(0, inf\), got 0/);
    expect(() => new RMSprop({ momentum: 2 })).toThrow(/momentum/);
  });
});
