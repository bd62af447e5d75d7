import { ShapeError, type TensorLike, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Accuracy,
  accuracy,
  BinaryAccuracy,
  binaryAccuracy,
  CategoricalAccuracy,
  categoricalAccuracy,
  type Metric,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

const ONE_HOT = [
  [0, 0, 1],
  [0, 1, 0],
];
const SCORES = [
  [0.1, 0.9, 0.8],
  [0.05, 0.95, 0],
];

describe('per-sample accuracy functions', () => {
  test('accuracy compares values, averaging the last axis', () => {
    expectClose(accuracy([[1], [2], [3], [4]], [[0], [2], [3], [4]]), [0, 1, 1, 1]);
    expectClose(accuracy([[1, 2]], [[1, 3]]), [0.5]);
    expectClose(accuracy([1, 2, 3], [[1], [0], [3]]), [1, 0, 1]);
  });

  test('binaryAccuracy thresholds predictions (strictly above)', () => {
    expectClose(binaryAccuracy([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]), [1, 1, 1, 0]);
    expectClose(binaryAccuracy([[1, 0]], [[0.5, 0.5]]), [0.5]);
    expectClose(binaryAccuracy([[1, 0]], [[0.5, 0.5]], { threshold: 0.4 }), [0.5]);
    expectClose(binaryAccuracy([[1, 1]], [[0.5, 0.7]], { threshold: 0.6 }), [0.5]);
  });

  test('categoricalAccuracy compares arg-maxes; logits work', () => {
    expectClose(categoricalAccuracy(ONE_HOT, SCORES), [0, 1]);
    expectClose(
      categoricalAccuracy(ONE_HOT, [
        [-5, 1, 3],
        [0, 2, 1],
      ]),
      [1, 1],
    );
  });

  test('sparseCategoricalAccuracy takes labels [batch] or [batch, 1], int32 or float', () => {
    const scores = [
      [0.1, 0.6, 0.3],
      [0.05, 0.95, 0],
    ];
    expectClose(sparseCategoricalAccuracy([[2], [1]], scores), [0, 1]);
    expectClose(sparseCategoricalAccuracy([1, 1], scores), [1, 1]);
    expectClose(sparseCategoricalAccuracy(tensor([2, 1], [2], 'int32'), scores), [0, 1]);
  });

  test('top-k: in when fewer than k classes score higher; ties with the k-th count; NaN never', () => {
    expectClose(topKCategoricalAccuracy(ONE_HOT, SCORES, { k: 1 }), [0, 1]);
    expectClose(topKCategoricalAccuracy(ONE_HOT, SCORES, { k: 2 }), [1, 1]);
    expectClose(topKCategoricalAccuracy(ONE_HOT, SCORES), [1, 1]); // k = 5 > 3 classes
    expectClose(sparseTopKCategoricalAccuracy([2, 1], SCORES, { k: 1 }), [0, 1]);
    expectClose(
      sparseTopKCategoricalAccuracy(
        [0, 2],
        [
          [0.5, 0.5, 0.1],
          [0.2, 0.1, 0.1],
        ],
        { k: 1 },
      ),
      [1, 0],
    );
    expectClose(
      sparseTopKCategoricalAccuracy(
        [0, 2],
        [
          [0.5, 0.5, 0.1],
          [0.2, 0.1, 0.1],
        ],
        { k: 2 },
      ),
      [1, 1],
    );
    expectClose(sparseTopKCategoricalAccuracy([0], [[Number.NaN, 0, 0]], { k: 3 }), [0]);
  });

  test('more dimensions keep the label shape', () => {
    const scores = tensor([0.1, 0.9, 0.8, 0.2, 0.3, 0.7, 0.6, 0.4], [2, 2, 2]);
    const out = sparseTopKCategoricalAccuracy(
      [
        [1, 0],
        [1, 1],
      ],
      scores,
      { k: 1 },
    );
    expect(out.shape).toEqual([2, 2]);
    expectClose(out, [1, 1, 1, 0]);
  });

  test('bad input: shapes name both, labels shape for sparse, k below 1', () => {
    expect(() => accuracy([[1, 2]], [[1, 2, 3]])).toThrow(ShapeError);
    expect(() => categoricalAccuracy([[0, 1]], SCORES)).toThrow(
      /categoricalAccuracy: yTrue and yPred must have the same shape, got yTrue \[1,2\] and yPred \[2,3\]/,
    );
    expect(() => sparseCategoricalAccuracy([1, 2, 0], SCORES)).toThrow(
      /sparseCategoricalAccuracy: expected integer labels yTrue of shape \[2\] or \[2,1\] for predictions yPred \[2,3\], got yTrue \[3\]/,
    );
    expect(() => topKCategoricalAccuracy(ONE_HOT, SCORES, { k: 0 })).toThrow(
      /topKCategoricalAccuracy: k must be an integer >= 1, got 0/,
    );
    expect(() => binaryAccuracy([1], [1], { threshold: Number.NaN })).toThrow(ValueError);
  });
});

describe('accuracy metric classes (Keras documentation values)', () => {
  test('Accuracy: 0.75, then weighted [1, 1, 0, 0] 0.5', () => {
    const m = new Accuracy();
    m.updateState([[1], [2], [3], [4]], [[0], [2], [3], [4]]);
    expectClose(m.result(), 0.75);
    m.resetState();
    m.updateState([[1], [2], [3], [4]], [[0], [2], [3], [4]], [1, 1, 0, 0]);
    expectClose(m.result(), 0.5);
  });

  test('BinaryAccuracy: 0.75, then weighted [1, 0, 0, 1] 0.5', () => {
    const m = new BinaryAccuracy();
    m.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]);
    expectClose(m.result(), 0.75);
    m.resetState();
    m.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]], [1, 0, 0, 1]);
    expectClose(m.result(), 0.5);
  });

  test('CategoricalAccuracy, SparseCategoricalAccuracy, TopK(k=1), SparseTopK(k=1): 0.5, weighted [0.7, 0.3] 0.3', () => {
    const check = (m: Metric, yTrue: TensorLike, yPred: number[][]) => {
      m.updateState(yTrue, yPred);
      expectClose(m.result(), 0.5);
      m.resetState();
      m.updateState(yTrue, yPred, [0.7, 0.3]);
      expectClose(m.result(), 0.3);
    };
    check(new CategoricalAccuracy(), ONE_HOT, SCORES);
    check(
      new SparseCategoricalAccuracy(),
      [[2], [1]],
      [
        [0.1, 0.6, 0.3],
        [0.05, 0.95, 0],
      ],
    );
    check(new TopKCategoricalAccuracy({ k: 1 }), ONE_HOT, SCORES);
    check(new SparseTopKCategoricalAccuracy({ k: 1 }), [2, 1], SCORES);
  });

  test('state accumulates over batches and resets', () => {
    const m = new SparseCategoricalAccuracy();
    expectClose(m.result(), 0);
    m.updateState(
      [0, 1],
      [
        [0.9, 0.1],
        [0.8, 0.2],
      ],
    );
    m.updateState(
      [1, 1, 0],
      [
        [0.3, 0.7],
        [0.4, 0.6],
        [0.1, 0.9],
      ],
    );
    expectClose(m.result(), 3 / 5);
    m.updateState([1], [[0, 1]], [5]);
    expectClose(m.result(), 8 / 10);
    m.resetState();
    expectClose(m.result(), 0);
    m.updateState([1], [[0, 1]]);
    expectClose(m.result(), 1);
  });

  test('names, configs and bad options', () => {
    expect(new BinaryAccuracy().name).toBe('binary_accuracy');
    expect(new BinaryAccuracy({ threshold: 0.7, name: 'acc' }).getConfig()).toEqual({
      name: 'acc',
      dtype: 'float32',
      threshold: 0.7,
    });
    expect(new TopKCategoricalAccuracy().getConfig()).toEqual({
      name: 'top_k_categorical_accuracy',
      dtype: 'float32',
      k: 5,
    });
    expect(() => new BinaryAccuracy({ threshold: 1 })).toThrow(
      /BinaryAccuracy: threshold must be a number in \(0, 1\), got 1/,
    );
    expect(() => new SparseTopKCategoricalAccuracy({ k: 1.5 })).toThrow(ValueError);
    expect(() => new Accuracy({ dtype: 'int32' as 'float32' })).toThrow(
      /Accuracy: dtype must be 'float32', got 'int32'/,
    );
    expect(() => new Accuracy().updateState([1, 2])).toThrow(
      /Accuracy 'accuracy': updateState\(yTrue, yPred, sampleWeight\?\) needs yPred/,
    );
  });
});
