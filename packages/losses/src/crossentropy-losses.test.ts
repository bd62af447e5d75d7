import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  BinaryCrossentropy,
  BinaryFocalCrossentropy,
  binaryCrossentropy,
  binaryFocalCrossentropy,
  CategoricalCrossentropy,
  categoricalCrossentropy,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

const T2 = [
  [0, 1],
  [0, 0],
];
const P2 = [
  [0.6, 0.4],
  [0.4, 0.6],
];
// Keras' from_logits examples.
const LOGITS_1D = [-18.6, 0.51, 2.94, -12.8];
const LABELS_1D = [0, 1, 0, 0];
const LOGITS_2D = [
  [-18.6, 0.51],
  [2.94, -12.8],
];

describe('binaryCrossentropy: the course cost', () => {
  test('y = 1, yhat = 0.2 costs -log(0.2) = 1.6094379', () => {
    expectClose(binaryCrossentropy([1], [0.2]), [1.6094379]);
    expectClose(binaryCrossentropy([0], [0.8]), [1.6094379]);
  });

  test('yhat -> 0 with y = 1 gives the clipped -log(1e-7) = 16.118095, not Infinity', () => {
    expectClose(binaryCrossentropy([1], [0]), [16.118095]);
    expectClose(binaryCrossentropy([1], [1e-12]), [16.118095]);
  });

  test('yhat -> 1 with y = 0 gives -log(1 - float32(1 - 1e-7)) = 15.942385, as Keras in float32', () => {
    expectClose(binaryCrossentropy([0], [1]), [15.942385]);
  });

  test('a right, confident prediction costs ~0', () => {
    expectClose(binaryCrossentropy([1, 0], [1, 0]), [1.1920928e-7], 1e-7);
  });
});

describe('binaryCrossentropy / BinaryCrossentropy', () => {
  test('Keras documentation: [[0, 1], [0, 0]] vs [[0.6, 0.4], [0.4, 0.6]] is 0.815 (per sample [0.916, 0.714])', () => {
    expectClose(new BinaryCrossentropy().apply(T2, P2), 0.81492445);
    expectClose(binaryCrossentropy(T2, P2), [0.91629073, 0.71355818]);
  });

  test('Keras documentation from logits: 0.8654, weighted 0.243, sum 1.730, none [0.235, 1.496]', () => {
    expectClose(new BinaryCrossentropy({ fromLogits: true }).apply(LABELS_1D, LOGITS_1D), 0.86545795);
    const bce = new BinaryCrossentropy({ fromLogits: true });
    expectClose(bce.apply(T2, LOGITS_2D), 0.86545795);
    expectClose(bce.apply(T2, LOGITS_2D, [0.8, 0.2]), 0.24363859);
    expectClose(new BinaryCrossentropy({ fromLogits: true, reduction: 'sum' }).apply(T2, LOGITS_2D), 1.7309159);
    expectClose(
      new BinaryCrossentropy({ fromLogits: true, reduction: 'none' }).apply(T2, LOGITS_2D),
      [0.23515666, 1.4957592],
    );
  });

  test('from logits equals from sigmoid probabilities where both are exact', () => {
    const logits = tensor([[-2, -0.5, 0, 1.5, 3]]);
    const labels = [[1, 0, 1, 0.3, 1]];
    const a = binaryCrossentropy(labels, logits, { fromLogits: true }).dataSync()[0];
    const b = binaryCrossentropy(labels, logits.sigmoid()).dataSync()[0];
    expect(a).toBeCloseTo(b, 5);
  });

  test('logits of magnitude 1e4 give finite losses: 0 when right, 1e4 when wrong', () => {
    expectClose(binaryCrossentropy([[1, 0, 1, 0]], [[1e4, -1e4, -1e4, 1e4]], { fromLogits: true }), [5000]);
    expectClose(binaryCrossentropy([[1, 0]], [[1e4, -1e4]], { fromLogits: true }), [0]);
  });

  test('label smoothing 0.2 maps labels to y * 0.8 + 0.1', () => {
    expectClose(binaryCrossentropy(T2, P2, { labelSmoothing: 0.2 }), [0.87574422, 0.71355818]);
    const smoothed = binaryCrossentropy([[0.1, 0.9]], [[0.6, 0.4]]);
    expectClose(
      new BinaryCrossentropy({ labelSmoothing: 0.2, reduction: 'none' }).apply([[0, 1]], [[0.6, 0.4]]),
      smoothed,
    );
  });

  test('axis: the mean runs over the axis given', () => {
    const out = binaryCrossentropy(
      [
        [1, 0],
        [1, 0],
      ],
      [
        [0.5, 0.5],
        [0.25, 0.5],
      ],
      { axis: 0 },
    );
    expectClose(out, [(Math.LN2 + Math.log(4)) / 2, Math.LN2]);
  });

  test('bad input: shapes, labelSmoothing outside [0, 1], fromLogits not a boolean, axis out of range', () => {
    expect(() => binaryCrossentropy([[0, 1, 1]], [[0.5, 0.5]])).toThrow(ShapeError);
    expect(() => binaryCrossentropy([[0, 1, 1]], [[0.5, 0.5]])).toThrow(/binaryCrossentropy.*\[1,3\].*\[1,2\]/);
    expect(() => new BinaryCrossentropy({ labelSmoothing: 1.5 })).toThrow(
      /BinaryCrossentropy: labelSmoothing must be a number in \[0, 1\], got 1.5/,
    );
    expect(() => binaryCrossentropy(T2, P2, { fromLogits: 'yes' as unknown as boolean })).toThrow(ValueError);
    expect(() => binaryCrossentropy(T2, P2, { axis: 3 })).toThrow(ShapeError);
  });
});

describe('binaryFocalCrossentropy / BinaryFocalCrossentropy (Keras documentation)', () => {
  test('function: [0.330, 0.206] with gamma 2', () => {
    expectClose(binaryFocalCrossentropy(T2, P2), [0.32986466, 0.20579838]);
  });

  test('1-D from logits: 0.691, with class balancing 0.51', () => {
    expectClose(new BinaryFocalCrossentropy({ gamma: 2, fromLogits: true }).apply(LABELS_1D, LOGITS_1D), 0.69121208);
    const balanced = new BinaryFocalCrossentropy({ applyClassBalancing: true, gamma: 2, fromLogits: true });
    expectClose(balanced.apply(LABELS_1D, LOGITS_1D), 0.5101333);
  });

  test('2-D from logits with gamma 3: 0.647 / 0.482, weighted [0.8, 0.2] 0.133 / 0.097', () => {
    const plain = new BinaryFocalCrossentropy({ gamma: 3, fromLogits: true });
    const balanced = new BinaryFocalCrossentropy({ applyClassBalancing: true, gamma: 3, fromLogits: true });
    expectClose(plain.apply(T2, LOGITS_2D), 0.64699501);
    expectClose(balanced.apply(T2, LOGITS_2D), 0.48214125);
    expectClose(plain.apply(T2, LOGITS_2D, [0.8, 0.2]), 0.13312502);
    expectClose(balanced.apply(T2, LOGITS_2D, [0.8, 0.2]), 0.09735975);
  });

  test("gamma 4 with 'sum': 1.222 / 0.914; gamma 5 with 'none': [0.0017, 1.1561] / [0.0004, 0.8670]", () => {
    const sum4 = new BinaryFocalCrossentropy({ gamma: 4, fromLogits: true, reduction: 'sum' });
    expectClose(sum4.apply(T2, LOGITS_2D), 1.2218806);
    const sum4b = new BinaryFocalCrossentropy({
      applyClassBalancing: true,
      gamma: 4,
      fromLogits: true,
      reduction: 'sum',
    });
    expectClose(sum4b.apply(T2, LOGITS_2D), 0.91408052);
    expectClose(binaryFocalCrossentropy(T2, LOGITS_2D, { gamma: 5, fromLogits: true }), [0.00174837, 1.1561025]);
    const none5 = new BinaryFocalCrossentropy({
      applyClassBalancing: true,
      gamma: 5,
      fromLogits: true,
      reduction: 'none',
    });
    expectClose(none5.apply(T2, LOGITS_2D), [0.00043709, 0.86707689]);
  });

  test('gamma 0 is plain binary crossentropy; label smoothing squeezes towards 0.5', () => {
    expectClose(binaryFocalCrossentropy(T2, P2, { gamma: 0 }), binaryCrossentropy(T2, P2).arraySync() as number[]);
    expectClose(binaryFocalCrossentropy(T2, P2, { labelSmoothing: 0.1 }), [0.31190368, 0.2005907]);
  });

  test('logits of magnitude 1e4 give finite losses', () => {
    const out = binaryFocalCrossentropy([[1, 0, 1, 0]], [[1e4, -1e4, -1e4, 1e4]], { fromLogits: true });
    expect(Number.isFinite(out.dataSync()[0])).toBe(true);
    // The two mistakes cost the clipped -log(1e-7) = 16.118095 and -log(1 - float32(1 - 1e-7)) = 15.942385
    // with a focal factor of 1; the right answers cost 0: (16.118095 + 15.942385) / 4.
    expectClose(out, [8.0151201], 1e-4);
  });

  test('bad input: negative gamma, alpha outside [0, 1]', () => {
    expect(() => new BinaryFocalCrossentropy({ gamma: -1 })).toThrow(
      /BinaryFocalCrossentropy: gamma must be a finite number >= 0/,
    );
    expect(() => binaryFocalCrossentropy(T2, P2, { alpha: 2 })).toThrow(
      /binaryFocalCrossentropy: alpha must be a number in \[0, 1\]/,
    );
  });
});

describe('categoricalCrossentropy / CategoricalCrossentropy', () => {
  const yTrue = [
    [0, 1, 0],
    [0, 0, 1],
  ];
  const yPred = [
    [0.05, 0.95, 0],
    [0.1, 0.8, 0.1],
  ];
  test('Keras documentation: 1.177, weighted [0.3, 0.7] 0.814, sum 2.354, none [0.0513, 2.303]', () => {
    expectClose(new CategoricalCrossentropy().apply(yTrue, yPred), 1.1769392);
    expectClose(new CategoricalCrossentropy().apply(yTrue, yPred, [0.3, 0.7]), 0.81359878);
    expectClose(new CategoricalCrossentropy({ reduction: 'sum' }).apply(yTrue, yPred), 2.3538784);
    expectClose(categoricalCrossentropy(yTrue, yPred), [0.05129329, Math.LN10]);
  });

  test('probabilities are renormalized to sum to 1 first, as Keras', () => {
    expectClose(categoricalCrossentropy([[0, 1]], [[1, 3]]), [-Math.log(0.75)]);
  });

  test('from logits is -sum(y * logSoftmax(x)): hand-computed values', () => {
    const logits = [
      [1, 2, 3],
      [4, 5, -1],
    ];
    expectClose(categoricalCrossentropy(yTrue, logits, { fromLogits: true }), [1.407606, 6.3150722]);
  });

  test('label smoothing 0.1 maps one-hot labels to y * 0.9 + 0.1 / 3', () => {
    expectClose(categoricalCrossentropy(yTrue, yPred, { labelSmoothing: 0.1 }), [0.68500134, 2.2332704]);
    const s = 0.1 / 3;
    const manual = categoricalCrossentropy(
      [
        [s, 0.9 + s, s],
        [s, s, 0.9 + s],
      ],
      yPred,
    );
    expectClose(new CategoricalCrossentropy({ labelSmoothing: 0.1, reduction: 'none' }).apply(yTrue, yPred), manual);
  });

  test('logits of magnitude 1e4 give finite losses: 0 when right, 2e4 when wrong', () => {
    expectClose(categoricalCrossentropy([[1, 0, 0]], [[1e4, -1e4, 0]], { fromLogits: true }), [0]);
    expectClose(categoricalCrossentropy([[0, 1, 0]], [[1e4, -1e4, 0]], { fromLogits: true }), [2e4]);
  });

  test('the classes axis can be another one', () => {
    const out = categoricalCrossentropy(
      [
        [0, 0],
        [1, 1],
      ],
      [
        [0.5, 0.2],
        [0.5, 0.8],
      ],
      { axis: 0 },
    );
    expectClose(out, [Math.LN2, -Math.log(0.8)]);
  });

  test('bad input: shape mismatch names both shapes; an axis that is not an integer', () => {
    expect(() => categoricalCrossentropy([[0, 1]], [[0.2, 0.3, 0.5]])).toThrow(ShapeError);
    expect(() => categoricalCrossentropy([[0, 1]], [[0.2, 0.3, 0.5]])).toThrow(
      /categoricalCrossentropy: yTrue and yPred must have the same shape, got yTrue \[1,2\] and yPred \[1,3\]/,
    );
    expect(() => new CategoricalCrossentropy({ axis: 1.5 })).toThrow(
      /CategoricalCrossentropy: axis must be an integer/,
    );
  });
});
