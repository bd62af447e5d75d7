import { checkGradients, grad } from '@horn/autograd';
import { type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  BinaryCrossentropy,
  binaryCrossentropy,
  binaryFocalCrossentropy,
  CategoricalCrossentropy,
  categoricalCrossentropy,
  cosineSimilarity,
  huber,
  logCosh,
  SparseCategoricalCrossentropy,
  sparseCategoricalCrossentropy,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

// @horn/autograd is a dev dependency: these tests check that the losses, composed of differentiable
// ops, give the right gradients. The package itself never imports it.

const allFinite = (t: Tensor) => Array.from(t.dataSync()).every(Number.isFinite);

describe('gradients through the losses', () => {
  test('binary crossentropy from logits at ±1e4: finite gradient sigmoid(x) - y, averaged', () => {
    const logits = tensor([[1e4, -1e4, -1e4, 1e4]]);
    const labels = [[1, 0, 1, 0]];
    const g = grad((x) => new BinaryCrossentropy({ fromLogits: true }).apply(labels, x))(logits);
    expect(allFinite(g)).toBe(true);
    expectClose(g, [[0, 0, -0.25, 0.25]]);
  });

  test('categorical crossentropy from logits at ±1e4: finite gradient softmax(x) - y', () => {
    const logits = tensor([[1e4, -1e4, 0]]);
    const g = grad((x) => new CategoricalCrossentropy({ fromLogits: true }).apply([[0, 1, 0]], x))(logits);
    expect(allFinite(g)).toBe(true);
    expectClose(g, [[1, -1, 0]]);
  });

  test('sparse categorical crossentropy from logits at ±1e4: finite gradient', () => {
    const logits = tensor([
      [1e4, -1e4],
      [-1e4, 1e4],
    ]);
    const g = grad((x) => new SparseCategoricalCrossentropy({ fromLogits: true }).apply([1, 1], x))(logits);
    expect(allFinite(g)).toBe(true);
    expectClose(g, [
      [0.5, -0.5],
      [0, 0],
    ]);
  });

  test('binary focal crossentropy from logits at ±1e4: finite gradient', () => {
    const logits = tensor([[1e4, -1e4, -1e4, 1e4]]);
    const g = grad((x) => binaryFocalCrossentropy([[1, 0, 1, 0]], x, { fromLogits: true }).sum())(logits);
    expect(allFinite(g)).toBe(true);
  });

  test('ignored samples get no gradient; zero weights with meanWithSampleWeight give 0, not NaN', () => {
    const logits = tensor([
      [1, 2],
      [3, Number.NaN],
    ]);
    const loss = new SparseCategoricalCrossentropy({ fromLogits: true, ignoreClass: -1 });
    const g = grad((x) => loss.apply([0, -1], x))(logits);
    expectClose(g, [
      [0.2689414 - 1, 0.7310586],
      [0, 0],
    ]); // softmax - onehot over 1 valid sample; the NaN row gets 0
    const weighted = new BinaryCrossentropy({ reduction: 'meanWithSampleWeight' });
    const x = tensor([[0.3], [0.6]]);
    expectClose(weighted.apply([[1], [0]], x, [0, 0]), 0);
    expect(allFinite(grad((p) => weighted.apply([[1], [0]], p, [0, 0]))(x))).toBe(true);
  });

  test('probabilities at exactly 0 and 1: the clipped loss has a finite gradient', () => {
    const g = grad((p) => binaryCrossentropy([[1, 0, 1, 0]], p).sum())(tensor([[0, 1, 1, 0]]));
    expect(allFinite(g)).toBe(true);
  });

  test('analytic gradients agree with finite differences', () => {
    const probs = tensor([
      [0.2, 0.5, 0.3],
      [0.6, 0.1, 0.3],
    ]);
    const onehot = [
      [0, 1, 0],
      [1, 0, 0],
    ];
    const logits = tensor([
      [0.3, -1.2, 2],
      [1.5, 0.2, -0.7],
    ]);
    const checks = [
      checkGradients((p) => categoricalCrossentropy(onehot, p, { labelSmoothing: 0.1 }), [probs]),
      checkGradients((x) => categoricalCrossentropy(onehot, x, { fromLogits: true }), [logits]),
      checkGradients((x) => sparseCategoricalCrossentropy([2, 0], x, { fromLogits: true }), [logits]),
      checkGradients((x) => binaryCrossentropy(onehot, x, { fromLogits: true, labelSmoothing: 0.2 }), [logits]),
      checkGradients((p) => binaryFocalCrossentropy(onehot, p, { gamma: 2, applyClassBalancing: true }), [probs]),
      checkGradients((x) => huber(onehot, x, { delta: 0.5 }), [logits]),
      checkGradients((x) => logCosh(onehot, x), [logits]),
      checkGradients((x) => cosineSimilarity(onehot, x), [logits]),
    ];
    for (const report of checks) expect(report.passed, JSON.stringify(report)).toBe(true);
  });
});
