import { type Variable, valueAndGrads, variable } from '@horn/autograd';
import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { randomValues, setUpWasm } from './test-support/parity.js';

beforeAll(setUpWasm);

/** Trains `steps` SGD steps of `loss` over `weights` (made fresh by `init`), returning losses and final weights. */
function train(init: () => Variable[], loss: (...w: T.Tensor[]) => T.Tensor, steps: number, lr: number) {
  const weights = init();
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    T.tidy(() => {
      const { value, grads } = valueAndGrads(loss)(weights);
      losses.push(value.dataSync()[0]);
      for (const [i, v] of weights.entries()) v.assignSub(grads[i].mul(lr));
    });
  }
  return { losses, weights: weights.map((v) => [...v.dataSync()]) };
}

/** Runs the same training on cpu and on wasm and checks they agree; returns the wasm kernels. */
function expectSameTraining(run: () => ReturnType<typeof train>, tolerance: number): T.KernelProfile[] {
  T.setBackend('cpu');
  const onCpu = run();
  T.setBackend('wasm');
  const { result: onWasm, kernels } = T.profile(run);
  expect(onWasm.losses.at(-1)).toBeLessThan(onWasm.losses[0]);
  for (const [i, l] of onWasm.losses.entries()) expect(Math.abs(l - onCpu.losses[i])).toBeLessThan(tolerance);
  for (const [i, w] of onWasm.weights.entries()) {
    for (const [j, v] of w.entries()) expect(Math.abs(v - onCpu.weights[i][j])).toBeLessThan(tolerance);
  }
  expect(kernels.filter((k) => k.fallback).map((k) => k.name)).toEqual([]);
  return kernels;
}

const crossEntropy = (logits: T.Tensor, y: T.Tensor) => T.neg(T.mean(T.sum(T.mul(y, T.logSoftmax(logits)), -1)));

describe('training on wasm matches cpu from the same seed', () => {
  test('an MLP 8-16(relu)-3(softmax), 5 SGD steps: same losses and weights within 1e-4', () => {
    const r = T.randomSource(42);
    const x = randomValues(r, 32 * 8);
    const labels = Int32Array.from({ length: 32 }, () => Math.floor(r.next() * 3));
    const w1 = randomValues(r, 8 * 16, -0.5, 0.5);
    const w2 = randomValues(r, 16 * 3, -0.5, 0.5);
    const kernels = expectSameTraining(() => {
      const xt = T.tensor(x, [32, 8]);
      const y = T.oneHot(T.tensor(labels, [32], 'int32'), 3);
      const init = () => [
        variable(T.tensor(w1, [8, 16])),
        variable(T.zeros([16])),
        variable(T.tensor(w2, [16, 3])),
        variable(T.zeros([3])),
      ];
      const loss = (a: T.Tensor, b: T.Tensor, c: T.Tensor, d: T.Tensor) =>
        crossEntropy(T.matmul(T.relu(T.matmul(xt, a).add(b)), c).add(d), y);
      return train(init, loss, 5, 0.5);
    }, 1e-4);
    expect(kernels.some((k) => k.name === 'BatchMatMul' && k.backend === 'wasm')).toBe(true);
  });

  test('a CNN Conv2D(4, 3x3, same)-relu-MaxPool(2)-Dense(3), 3 SGD steps', () => {
    const r = T.randomSource(7);
    const x = randomValues(r, 6 * 8 * 8 * 2);
    const labels = Int32Array.from({ length: 6 }, () => Math.floor(r.next() * 3));
    const f = randomValues(r, 3 * 3 * 2 * 4, -0.3, 0.3);
    const w = randomValues(r, 4 * 4 * 4 * 3, -0.3, 0.3);
    const kernels = expectSameTraining(() => {
      const xt = T.tensor(x, [6, 8, 8, 2]);
      const y = T.oneHot(T.tensor(labels, [6], 'int32'), 3);
      const init = () => [variable(T.tensor(f, [3, 3, 2, 4])), variable(T.zeros([4])), variable(T.tensor(w, [64, 3]))];
      const loss = (k: T.Tensor, b: T.Tensor, d: T.Tensor) => {
        const h = T.maxPool2d(T.relu(T.conv2d(xt, k, { padding: 'same' }).add(b)), { poolSize: 2 });
        return crossEntropy(T.matmul(h.reshape([6, 64]), d), y);
      };
      return train(init, loss, 3, 0.3);
    }, 1e-4);
    const names = new Set(kernels.filter((k) => k.backend === 'wasm').map((k) => k.name));
    for (const name of ['Conv2D', 'Conv2DBackpropFilter', 'MaxPool', 'MaxPoolGrad', 'BatchMatMul'])
      expect(names).toContain(name);
  });
});
