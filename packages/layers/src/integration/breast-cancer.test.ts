import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GradientTape } from '@horn/autograd';
import { keep, Random, softplus, type Tensor, tensor, tidy, zerosLike } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dense } from '../index.js';

// The course's breast cancer data (sklearn's copy): header `569,30,malignant,benign`, then 30
// features and a 0/1 label per row.
const file = fileURLToPath(new URL('../../../../../shared/data/sklearn/breast_cancer.csv', import.meta.url));

function load(): { x: number[][]; y: number[] } {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const [n, d] = lines[0].split(',').map(Number);
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  expect(rows.length).toBe(n);
  for (const r of rows) expect(r.length).toBe(d + 1);
  return { x: rows.map((r) => r.slice(0, d)), y: rows.map((r) => r[d]) };
}

/** Adam, written out in the test (Keras formulas): m, v moments, bias-corrected step. */
function adam(weights: Tensor[], lr = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-7) {
  const m = weights.map((w) => zerosLike(w));
  const v = weights.map((w) => zerosLike(w));
  let t = 0;
  return (grads: (Tensor | null)[]) => {
    t++;
    const a = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    weights.forEach((w, i) => {
      const g = grads[i]!;
      const mi = m[i].mul(beta1).add(g.mul(1 - beta1));
      const vi = v[i].mul(beta2).add(g.square().mul(1 - beta2));
      m[i].dispose();
      v[i].dispose();
      // The moments outlive the tidy() of the training step.
      m[i] = keep(mi);
      v[i] = keep(vi);
      (w as Tensor & { assignSub(d: Tensor): void }).assignSub(tidy(() => mi.mul(a).div(vi.sqrt().add(eps))));
    });
  };
}

describe('breast cancer with Dense layers, GradientTape and Adam', () => {
  test.skipIf(!existsSync(file))('reaches >= 95% validation accuracy', () => {
    const { x, y } = load();
    // A seeded shuffle, then an 80/20 split.
    const order = x.map((_, i) => i);
    const rng = new Random(42);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const nTrain = Math.round(0.8 * order.length);
    const train = order.slice(0, nTrain);
    const val = order.slice(nTrain);
    // Standardize with the training statistics only.
    const d = x[0].length;
    const mean = Array.from({ length: d }, (_, j) => train.reduce((s, i) => s + x[i][j], 0) / train.length);
    const std = Array.from({ length: d }, (_, j) =>
      Math.sqrt(train.reduce((s, i) => s + (x[i][j] - mean[j]) ** 2, 0) / train.length),
    );
    const rowsOf = (idx: number[]) => tensor(idx.map((i) => x[i].map((v, j) => (v - mean[j]) / std[j])));
    const xTrain = rowsOf(train);
    const yTrain = tensor(train.map((i) => [y[i]]));
    const xVal = rowsOf(val);

    const hidden = new Dense({
      units: 16,
      activation: 'relu',
      kernelInitializer: { className: 'GlorotUniform', config: { seed: 1 } },
    });
    const out = new Dense({ units: 1, kernelInitializer: { className: 'GlorotUniform', config: { seed: 2 } } });
    const logits = (input: Tensor) => out.apply(hidden.apply(input));
    logits(xTrain);
    const weights = [...hidden.trainableWeights, ...out.trainableWeights];
    const step = adam(weights, 0.01);
    let loss = Number.POSITIVE_INFINITY;
    for (let epoch = 0; epoch < 200; epoch++) {
      loss = tidy(() => {
        const tape = new GradientTape();
        const l = tape.run(() => {
          const z = logits(xTrain);
          return softplus(z).sub(yTrain.mul(z)).mean();
        });
        step(tape.gradient(l, weights));
        return l.dataSync()[0];
      });
    }
    expect(loss).toBeLessThan(0.1);
    const p = logits(xVal).dataSync();
    const correct = val.filter((i, k) => (p[k] > 0 ? 1 : 0) === y[i]).length;
    const accuracy = correct / val.length;
    expect(val.length).toBe(114);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
