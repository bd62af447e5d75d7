import { describe, expect, test } from 'vitest';
import { SGD } from './index.js';
import { elementwise, expectAllClose, optimizeQuadratic, referenceQuadratic } from './test-support/quadratic.js';

describe('SGD', () => {
  test('plain gradient descent: w -= lr * g', () => {
    const expected = referenceQuadratic(3, (w, g) => w.map((x, i) => x - 0.1 * g[i]));
    // By hand: g0 = [1, -5] -> w1 = [0.9, -1.5]; g1 = [0.8, -4] -> w2 = [0.82, -1.1].
    expect(expected[0][0]).toBeCloseTo(0.9, 12);
    expect(expected[1][1]).toBeCloseTo(-1.1, 12);
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1 }), 3), expected);
  });

  test('momentum: v = m * v - lr * g; w += v', () => {
    const expected = referenceQuadratic(
      3,
      elementwise(
        () => ({ v: 0 }),
        (w, g, _t, s) => {
          s.v = 0.9 * s.v - 0.1 * g;
          return w + s.v;
        },
      ),
    );
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1, momentum: 0.9 }), 3), expected);
  });

  test('nesterov: w += m * v - lr * g with the updated v', () => {
    const expected = referenceQuadratic(
      3,
      elementwise(
        () => ({ v: 0 }),
        (w, g, _t, s) => {
          s.v = 0.9 * s.v - 0.1 * g;
          return w + 0.9 * s.v - 0.1 * g;
        },
      ),
    );
    const actual = optimizeQuadratic(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }), 3);
    expectAllClose(actual, expected);
    expectAllClose(optimizeQuadratic(new SGD({ learningRate: 0.1, momentum: 0.9 }), 1), [[0.9, -1.5]]);
  });

  test('Keras defaults and config', () => {
    const sgd = new SGD();
    expect(sgd.getConfig()).toEqual({
      name: 'SGD',
      learningRate: 0.01,
      weightDecay: null,
      clipNorm: null,
      globalClipNorm: null,
      clipValue: null,
      momentum: 0,
      nesterov: false,
    });
    expect(SGD.className).toBe('SGD');
  });

  test('bad options', () => {
    expect(() => new SGD({ momentum: 1.5 })).toThrow(/SGD: momentum must be a number in \[0, 1\], got 1.5/);
    expect(() => new SGD({ momentum: -0.1 })).toThrow(/momentum/);
    expect(() => new SGD({ learningRate: -1 })).toThrow(/SGD: learningRate must be a number in \[0, inf\), got -1/);
    expect(() => new SGD({ nesterov: 'yes' as unknown as boolean })).toThrow(/nesterov must be a boolean/);
  });
});
