import { variable } from '@horn/autograd';
import { randomNormal, randomUniform, type Tensor, tidy } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Nadam, type Optimizer, RMSprop, SGD } from './index.js';

// Seeded synthetic least squares: y = 3x + 2 + N(0, 0.05^2), 128 points with x in [-1, 1).
const x = randomUniform([128], { min: -1, max: 1, seed: 7 });
const y = x
  .mul(3)
  .add(2)
  .add(randomNormal([128], { stddev: 0.05, seed: 8 }));

/** The least-squares solution in closed form, from plain numbers. */
function leastSquares(): { w: number; b: number } {
  const xs = Array.from(x.dataSync());
  const ys = Array.from(y.dataSync());
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b) / n;
  const my = ys.reduce((a, b) => a + b) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((xi, i) => {
    sxy += (xi - mx) * (ys[i] - my);
    sxx += (xi - mx) ** 2;
  });
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}

const cases: [string, () => Optimizer, number][] = [
  ['SGD', () => new SGD({ learningRate: 0.3 }), 150],
  ['SGD momentum', () => new SGD({ learningRate: 0.05, momentum: 0.9 }), 150],
  ['SGD nesterov', () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true }), 150],
  ['RMSprop', () => new RMSprop({ learningRate: 0.01 }), 600],
  ['RMSprop centered momentum', () => new RMSprop({ learningRate: 0.005, momentum: 0.5, centered: true }), 600],
  ['Adam', () => new Adam({ learningRate: 0.1 }), 300],
  ['Adam amsgrad', () => new Adam({ learningRate: 0.1, amsgrad: true }), 300],
  ['AdamW', () => new AdamW({ learningRate: 0.1, weightDecay: 1e-4 }), 300],
  ['Adagrad', () => new Adagrad({ learningRate: 1 }), 300],
  ['Adadelta', () => new Adadelta({ learningRate: 1, epsilon: 1e-3 }), 1000],
  ['Adamax', () => new Adamax({ learningRate: 0.1 }), 300],
  ['Nadam', () => new Nadam({ learningRate: 0.1 }), 300],
];

describe('convergence on least-squares linear regression (y = 3x + 2 + noise)', () => {
  const exact = leastSquares();

  test('the data is what the test claims', () => {
    expect(exact.w).toBeCloseTo(3, 1);
    expect(exact.b).toBeCloseTo(2, 1);
  });

  test.each(cases)('%s reaches w ≈ 3, b ≈ 2', (_name, make, steps) => {
    const w = variable(0, { name: 'w' });
    const b = variable(0, { name: 'b' });
    const optimizer = make();
    const loss = (): Tensor => x.mul(w).add(b).sub(y).square().mean();
    const first = tidy(loss).dataSync()[0];
    for (let i = 0; i < steps; i++) tidy(() => optimizer.minimize(loss));
    const last = tidy(loss).dataSync()[0];
    expect(last).toBeLessThan(first / 100);
    expect(Math.abs(w.dataSync()[0] - exact.w)).toBeLessThan(0.02);
    expect(Math.abs(b.dataSync()[0] - exact.b)).toBeLessThan(0.02);
    expect(optimizer.iterations).toBe(steps);
  });
});
