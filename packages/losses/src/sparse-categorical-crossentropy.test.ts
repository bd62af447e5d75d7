import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { CategoricalCrossentropy, SparseCategoricalCrossentropy, sparseCategoricalCrossentropy } from './index.js';
import { expectClose } from './test-support/allclose.js';

const PROBS = [
  [0.05, 0.95, 0],
  [0.1, 0.8, 0.1],
];

describe('sparseCategoricalCrossentropy / SparseCategoricalCrossentropy', () => {
  test('Keras documentation: labels [1, 2] give 1.177, weighted [0.3, 0.7] 0.814, sum 2.354, none [0.0513, 2.303]', () => {
    expectClose(new SparseCategoricalCrossentropy().apply([1, 2], PROBS), 1.1769392);
    expectClose(new SparseCategoricalCrossentropy().apply([1, 2], PROBS, [0.3, 0.7]), 0.81359878);
    expectClose(new SparseCategoricalCrossentropy({ reduction: 'sum' }).apply([1, 2], PROBS), 2.3538784);
    expectClose(sparseCategoricalCrossentropy([1, 2], PROBS), [0.05129339, Math.LN10]);
  });

  test('agrees with CategoricalCrossentropy on the one-hot labels', () => {
    const dense = new CategoricalCrossentropy().apply(
      [
        [0, 1, 0],
        [0, 0, 1],
      ],
      PROBS,
    );
    expectClose(new SparseCategoricalCrossentropy().apply([1, 2], PROBS), dense);
  });

  test('labels [batch, 1], int32 labels and float labels all work', () => {
    expectClose(sparseCategoricalCrossentropy([[1], [2]], PROBS), [0.05129339, Math.LN10]);
    expectClose(sparseCategoricalCrossentropy(tensor([1, 2], [2], 'int32'), PROBS), [0.05129339, Math.LN10]);
  });

  test('probabilities that do not sum to 1 are renormalized: -log(p_k / sum p)', () => {
    expectClose(
      sparseCategoricalCrossentropy(
        [0, 1],
        [
          [0.2, 0.3, 0.1],
          [0.5, 0.25, 0.25],
        ],
      ),
      [Math.log(3), Math.log(4)],
    );
  });

  test('from logits: -logSoftmax(x)[label], hand-computed', () => {
    const logits = [
      [1, 2, 3],
      [4, 5, -1],
    ];
    expectClose(sparseCategoricalCrossentropy([2, 0], logits, { fromLogits: true }), [0.40760596, 1.3150722]);
  });

  test('logits of magnitude 1e4 give finite losses: 0 when right, 2e4 when wrong', () => {
    const logits = [
      [1e4, -1e4],
      [1e4, -1e4],
    ];
    expectClose(sparseCategoricalCrossentropy([0, 1], logits, { fromLogits: true }), [0, 2e4]);
  });

  test('more dimensions: [2, 2] labels against [2, 2, 3] scores, and a classes axis that is not last', () => {
    const probs = tensor([0.2, 0.3, 0.5, 0.25, 0.5, 0.25, 0.5, 0.25, 0.25, 0.1, 0.1, 0.8], [2, 2, 3]);
    const out = sparseCategoricalCrossentropy(
      [
        [2, 1],
        [0, 2],
      ],
      probs,
    );
    expect(out.shape).toEqual([2, 2]);
    expectClose(out, [Math.LN2, Math.LN2, Math.LN2, -Math.log(0.8)]);
    const classesFirst = probs.transpose([2, 0, 1]);
    expectClose(
      sparseCategoricalCrossentropy(
        [
          [2, 1],
          [0, 2],
        ],
        classesFirst,
        { axis: 0 },
      ),
      out,
    );
  });

  test('ignoreClass: ignored samples give 0 and are left out of the mean', () => {
    const probs = [
      [0.5, 0.5],
      [0.25, 0.75],
      [0.9, 0.1],
    ];
    expectClose(sparseCategoricalCrossentropy([0, -1, 1], probs, { ignoreClass: -1 }), [Math.LN2, 0, -Math.log(0.1)]);
    const loss = new SparseCategoricalCrossentropy({ ignoreClass: -1 });
    expectClose(loss.apply([0, -1, 1], probs), (Math.LN2 - Math.log(0.1)) / 2);
    expectClose(loss.apply([0, -1, 1], probs, [2, 5, 0]), (2 * Math.LN2) / 2);
    expectClose(
      new SparseCategoricalCrossentropy({ ignoreClass: 255, reduction: 'sum' }).apply([255, 1], probs.slice(0, 2)),
      -Math.log(0.75),
    );
    expectClose(new SparseCategoricalCrossentropy({ ignoreClass: 0 }).apply([0, 0], probs.slice(0, 2)), 0);
  });

  test('bad input: label shape vs predictions names both shapes', () => {
    expect(() => sparseCategoricalCrossentropy([1, 2, 0], PROBS)).toThrow(ShapeError);
    expect(() => sparseCategoricalCrossentropy([1, 2, 0], PROBS)).toThrow(
      /sparseCategoricalCrossentropy: expected integer labels yTrue of shape \[2\] or \[2,1\] for predictions yPred \[2,3\].*got yTrue \[3\]/,
    );
    expect(() => sparseCategoricalCrossentropy([[0, 1, 0]], PROBS)).toThrow(ShapeError);
    expect(() => sparseCategoricalCrossentropy(1, 0.5)).toThrow(/expected yPred with a classes axis, got a scalar/);
  });

  test('bad input: labels out of range or not integers', () => {
    expect(() => sparseCategoricalCrossentropy([1, 3], PROBS)).toThrow(ValueError);
    expect(() => sparseCategoricalCrossentropy([1, 3], PROBS)).toThrow(
      /sparseCategoricalCrossentropy: label 3 at position 1 is outside the valid range \[0, 3\)/,
    );
    expect(() => sparseCategoricalCrossentropy([-1, 0], PROBS)).toThrow(/label -1 at position 0/);
    expect(() => sparseCategoricalCrossentropy([0.5, 0], PROBS)).toThrow(/label 0.5 at position 0/);
    expect(() => new SparseCategoricalCrossentropy({ ignoreClass: 1.5 })).toThrow(/ignoreClass must be an integer/);
  });
});
