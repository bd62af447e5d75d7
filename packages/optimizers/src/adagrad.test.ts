import { variable } from '@horn/autograd';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Adagrad } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

/** Keras 3 Adagrad in plain numbers (epsilon inside the square root). */
function adagrad(lr: number, initial: number, eps = 1e-7) {
  return elementwise(
    () => ({ acc: initial }),
    (w, g, _t, s) => {
      s.acc += g * g;
      return w - (lr * g) / Math.sqrt(s.acc + eps);
    },
  );
}

describe('Adagrad', () => {
  test('three steps against the Keras 3 formula', () => {
    const expected = referenceQuadratic(3, adagrad(0.1, 0.1));
    // Step 1 by hand: acc = 0.1 + 1 for the first element, so w = 1 - 0.1 / sqrt(1.1).
    expect(expected[0][0]).toBeCloseTo(1 - 0.1 / Math.sqrt(1.1), 6);
    expectAllClose(optimizeQuadratic(new Adagrad({ learningRate: 0.1 }), 3), expected);
  });

  test('initialAccumulatorValue and epsilon', () => {
    const expected = referenceQuadratic(3, adagrad(0.5, 0, 0.01));
    expectAllClose(
      optimizeQuadratic(new Adagrad({ learningRate: 0.5, initialAccumulatorValue: 0, epsilon: 0.01 }), 3),
      expected,
    );
  });

  test('the accumulator slot starts at initialAccumulatorValue', () => {
    const opt = new Adagrad({ initialAccumulatorValue: 0.25 });
    const w = variable(tensor([1, 2]));
    opt.build([w]);
    expect(opt.getSlot(w, 'accumulator')?.arraySync()).toEqual([0.25, 0.25]);
  });

  test('defaults and bad options', () => {
    expect(new Adagrad().getConfig()).toMatchObject({
      name: 'adagrad',
      learningRate: 0.001,
      initialAccumulatorValue: 0.1,
      epsilon: 1e-7,
    });
    expect(() => new Adagrad({ initialAccumulatorValue: -1 })).toThrow(/Adagrad: initialAccumulatorValue/);
    expect(() => new Adagrad({ epsilon: 0 })).toThrow(/Adagrad: epsilon/);
  });
});
