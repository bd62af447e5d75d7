import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  CosineSimilarity,
  cosineSimilarity,
  Huber,
  huber,
  LogCosh,
  logCosh,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  MeanSquaredLogarithmicError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogarithmicError,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

// Keras documentation examples: y_true [[0, 1], [0, 0]], y_pred [[1, 1], [1, 0]] unless stated.
const T = [
  [0, 1],
  [0, 0],
];
const P = [
  [1, 1],
  [1, 0],
];

describe('meanSquaredError / MeanSquaredError', () => {
  test('Keras documentation: 0.5, weighted 0.25, sum 1, none [0.5, 0.5]', () => {
    expectClose(new MeanSquaredError().apply(T, P), 0.5);
    expectClose(new MeanSquaredError().apply(T, P, [0.7, 0.3]), 0.25);
    expectClose(new MeanSquaredError({ reduction: 'sum' }).apply(T, P), 1);
    expectClose(new MeanSquaredError({ reduction: 'none' }).apply(T, P), [0.5, 0.5]);
  });

  test('reduces the last axis only: [2, 2, 3] gives [2, 2]', () => {
    const yTrue = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 2, 3]);
    const out = meanSquaredError(yTrue, yTrue.add(tensor([1, 2, 3])));
    expect(out.shape).toEqual([2, 2]);
    expectClose(out, [14 / 3, 14 / 3, 14 / 3, 14 / 3]);
  });

  test('labels [batch] against predictions [batch, 1] are aligned as Keras', () => {
    expectClose(meanSquaredError([1, 2, 3], [[1], [2], [5]]), [0, 0, 4]);
    expectClose(meanSquaredError([[1], [2]], [3, 2]), [4, 0]);
  });

  test('int32 and bool inputs compute in float32', () => {
    const out = meanSquaredError(tensor([[1, 0]], undefined, 'int32'), tensor([[true, true]]));
    expect(out.dtype).toBe('float32');
    expectClose(out, [0.5]);
  });

  test('bad input: mismatched shapes name both, scalars are refused', () => {
    expect(() => meanSquaredError([[1, 2, 3]], [[1, 2]])).toThrow(ShapeError);
    expect(() => meanSquaredError([[1, 2, 3]], [[1, 2]])).toThrow(/meanSquaredError.*yTrue \[1,3\].*yPred \[1,2\]/);
    expect(() => meanSquaredError(1, 2)).toThrow(
      /meanSquaredError: expected yTrue and yPred with at least one dimension/,
    );
  });
});

describe('meanAbsoluteError / MeanAbsoluteError', () => {
  test('Keras documentation: 0.5, weighted 0.25, sum 1, none [0.5, 0.5]', () => {
    expectClose(new MeanAbsoluteError().apply(T, P), 0.5);
    expectClose(new MeanAbsoluteError().apply(T, P, [0.7, 0.3]), 0.25);
    expectClose(new MeanAbsoluteError({ reduction: 'sum' }).apply(T, P), 1);
    expectClose(meanAbsoluteError(T, P), [0.5, 0.5]);
  });
});

describe('meanAbsolutePercentageError', () => {
  test('Keras documentation: [[2, 1], [2, 3]] vs [[1, 1], [1, 0]] gives 50, weighted 20, none [25, 75]', () => {
    const yTrue = [
      [2, 1],
      [2, 3],
    ];
    const yPred = [
      [1, 1],
      [1, 0],
    ];
    expectClose(new MeanAbsolutePercentageError().apply(yTrue, yPred), 50, 1e-4);
    expectClose(new MeanAbsolutePercentageError().apply(yTrue, yPred, [0.7, 0.3]), 20, 1e-4);
    expectClose(new MeanAbsolutePercentageError({ reduction: 'sum' }).apply(yTrue, yPred), 100, 1e-4);
    expectClose(meanAbsolutePercentageError(yTrue, yPred), [25, 75], 1e-4);
  });

  test('a zero label divides by 1e-7 instead of 0', () => {
    expectClose(meanAbsolutePercentageError([[0]], [[1e-7]]), [100], 1e-3);
  });
});

describe('meanSquaredLogarithmicError', () => {
  test('Keras documentation: 0.240 per sample, weighted 0.120, sum 0.480', () => {
    expectClose(meanSquaredLogarithmicError(T, P), [0.24022644, 0.24022644]);
    expectClose(new MeanSquaredLogarithmicError().apply(T, P, [0.7, 0.3]), 0.12011322);
    expectClose(new MeanSquaredLogarithmicError({ reduction: 'sum' }).apply(T, P), 0.48045288);
  });

  test('negative values are replaced by 1e-7 as Keras', () => {
    expectClose(meanSquaredLogarithmicError([[-5]], [[0]]), [0]);
  });
});

describe('huber / Huber', () => {
  const yPred = [
    [0.6, 0.4],
    [0.4, 0.6],
  ];
  test('Keras documentation: 0.155, weighted [1, 0] 0.09, sum 0.31, none [0.18, 0.13]', () => {
    expectClose(new Huber().apply(T, yPred), 0.155);
    expectClose(new Huber().apply(T, yPred, [1, 0]), 0.09);
    expectClose(new Huber({ reduction: 'sum' }).apply(T, yPred), 0.31);
    expectClose(huber(T, yPred), [0.18, 0.13]);
  });

  test('linear beyond delta: |e| = 3 with delta 1 gives 2.5, with delta 2 gives 4', () => {
    expectClose(huber([[0]], [[3]]), [2.5]);
    expectClose(huber([[0]], [[-3]], { delta: 2 }), [4]);
    expectClose(new Huber({ delta: 2 }).apply([[0]], [[1]]), 0.5);
  });

  test('bad input: a negative or non-number delta', () => {
    expect(() => huber(T, yPred, { delta: -1 })).toThrow(ValueError);
    expect(() => new Huber({ delta: Number.NaN })).toThrow(/Huber: delta must be a finite number >= 0, got NaN/);
  });
});

describe('logCosh / LogCosh', () => {
  const yPred = [
    [1, 1],
    [0, 0],
  ];
  test('Keras documentation: 0.108, weighted [0.8, 0.2] 0.087, sum 0.217, none [0.217, 0]', () => {
    expectClose(new LogCosh().apply(T, yPred), 0.10844521);
    expectClose(new LogCosh().apply(T, yPred, [0.8, 0.2]), 0.08675617);
    expectClose(new LogCosh({ reduction: 'sum' }).apply(T, yPred), 0.21689042);
    expectClose(logCosh(T, yPred), [0.21689042, 0]);
  });

  test('stable for large errors: log(cosh(100)) = 100 - log 2 (cosh overflows float32 near 89)', () => {
    expectClose(logCosh([[0, 0]], [[100, -100]]), [100 - Math.LN2], 1e-3);
  });
});

describe('cosineSimilarity / CosineSimilarity', () => {
  test('Keras function documentation: [-0, -1, 1]', () => {
    const out = cosineSimilarity(
      [
        [0, 1],
        [1, 1],
        [1, 1],
      ],
      [
        [1, 0],
        [1, 1],
        [-1, -1],
      ],
    );
    expectClose(out, [0, -1, 1], 1e-6);
  });

  test('Keras class documentation with axis 1: -0.5, weighted -0.0999, sum -0.999', () => {
    const yTrue = [
      [0, 1],
      [1, 1],
    ];
    const yPred = [
      [1, 0],
      [1, 1],
    ];
    expectClose(new CosineSimilarity({ axis: 1 }).apply(yTrue, yPred), -0.5);
    expectClose(new CosineSimilarity({ axis: 1 }).apply(yTrue, yPred, [0.8, 0.2]), -0.1);
    expectClose(new CosineSimilarity({ axis: 1, reduction: 'sum' }).apply(yTrue, yPred), -1);
  });

  test('another axis, and a zero vector gives 0', () => {
    expectClose(cosineSimilarity([[3], [4]], [[6], [8]], { axis: 0 }), [-1]);
    expectClose(cosineSimilarity([[0, 0]], [[1, 2]]), [0]);
  });

  test('bad input: an axis out of range or not an integer', () => {
    expect(() => cosineSimilarity([[1, 2]], [[1, 2]], { axis: 2 })).toThrow(ShapeError);
    expect(() => new CosineSimilarity({ axis: 0.5 })).toThrow(/CosineSimilarity: axis must be an integer, got 0.5/);
  });
});
