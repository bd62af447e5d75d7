import { abs, log, mul, neg, sigmoid, sign, softmax, square, sub, sum, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GradientTape, grad, variable } from './index.js';

const close = (t: Tensor | null, expected: number[] | number, digits = 5) => {
  const got = t?.dataSync() ?? [];
  const want = typeof expected === 'number' ? [expected] : expected;
  expect(got.length).toBe(want.length);
  for (const [i, w] of want.entries()) expect(got[i]).toBeCloseTo(w, digits);
};

describe('the course derivations, numerically', () => {
  test('linear unit: J = 1/2 (wx + b - y)^2 gives dw = x(ŷ - y), db = ŷ - y', () => {
    const x = 2;
    const y = 2;
    const w = variable(tensor(-1));
    const b = variable(tensor(0));
    const tape = new GradientTape();
    const j = tape.run(() => mul(square(sub(w.mul(x).add(b), y)), 0.5));
    const [dw, db] = tape.gradient(j, [w, b]);
    const yHat = -1 * x + 0;
    close(dw, x * (yHat - y));
    close(db, yHat - y);
    expect(dw?.arraySync()).toBe(-8);
  });

  test('logistic unit: L = -(y log a + (1-y) log(1-a)), a = sigmoid(z) gives dL/dz = a - y', () => {
    const z = tensor([-2, -0.5, 0, 0.7, 3]);
    const y = tensor([0, 1, 1, 0, 1]);
    const loss = (zz: Tensor) => {
      const a = sigmoid(zz);
      return neg(add3(mul(y, log(a)), mul(sub(1, y), log(sub(1, a)))));
    };
    const expected = sigmoid(z).sub(y).dataSync();
    close(grad(loss)(z), [...expected]);
  });

  test('softmax + categorical cross-entropy gives dL/dz = a - y', () => {
    const z = tensor([[2.2, 1.39, 0.85]]);
    const y = tensor([[1, 0, 0]]);
    const dz = grad((zz) => neg(sum(mul(y, log(softmax(zz))))))(z);
    const a = softmax(z).dataSync();
    close(dz, [a[0] - 1, a[1], a[2]]);
  });

  test('L1 and L2 regularization gradients: α·sign(w) and α·w', () => {
    const alpha = 0.01;
    const w = tensor([-2, 0.5, 3]);
    close(grad((ww) => mul(sum(abs(ww)), alpha))(w), [...sign(w).mul(alpha).dataSync()]);
    close(grad((ww) => mul(sum(square(ww)), alpha / 2))(w), [-0.02, 0.005, 0.03]);
  });
});

function add3(a: Tensor, b: Tensor): Tensor {
  return a.add(b);
}
