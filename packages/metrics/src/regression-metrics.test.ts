import { ShapeError, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  R2Score,
  RootMeanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

// Keras documentation data.
const T = [
  [0, 1],
  [0, 0],
];
const P = [
  [1, 1],
  [0, 0],
];

describe('MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError (Keras documentation values)', () => {
  test('per-sample functions', () => {
    expectClose(meanSquaredError(T, P), [0.5, 0]);
    expectClose(meanAbsoluteError([[0, 2]], [[1, 0]]), [1.5]);
  });

  test('MeanSquaredError: 0.25, weighted [1, 0] 0.5', () => {
    const m = new MeanSquaredError();
    m.updateState(T, P);
    expectClose(m.result(), 0.25);
    m.resetState();
    m.updateState(T, P, [1, 0]);
    expectClose(m.result(), 0.5);
  });

  test('MeanAbsoluteError: 0.25, weighted [1, 0] 0.5', () => {
    const m = new MeanAbsoluteError();
    m.updateState(T, P);
    expectClose(m.result(), 0.25);
    m.resetState();
    m.updateState(T, P, [1, 0]);
    expectClose(m.result(), 0.5);
  });

  test('RootMeanSquaredError: 0.5, weighted [1, 0] 0.70710677, over batches sqrt of the pooled mean', () => {
    const m = new RootMeanSquaredError();
    m.updateState(T, P);
    expectClose(m.result(), 0.5);
    m.resetState();
    m.updateState(T, P, [1, 0]);
    expectClose(m.result(), Math.SQRT1_2);
    m.resetState();
    m.updateState([[0]], [[3]]);
    m.updateState([[0], [0]], [[0], [0]]);
    expectClose(m.result(), Math.sqrt(9 / 3));
    expectClose(rootMeanSquaredError(T, P), 0.5);
  });

  test('bad input: mismatched shapes; no yPred', () => {
    expect(() => new MeanSquaredError().updateState([[0, 1]], [[0, 1, 2]])).toThrow(ShapeError);
    expect(() => new RootMeanSquaredError().updateState([[0, 1]], [[0, 1, 2]])).toThrow(
      /RootMeanSquaredError 'root_mean_squared_error': yTrue and yPred must have the same shape, got yTrue \[1,2\] and yPred \[1,3\]/,
    );
    expect(() => new RootMeanSquaredError().updateState([[0, 1]])).toThrow(ValueError);
  });
});

describe('R2Score', () => {
  test('Keras documentation: [[1], [4], [3]] vs [[2], [4], [4]] gives 0.57142854', () => {
    const m = new R2Score();
    m.updateState([[1], [4], [3]], [[2], [4], [4]]);
    expectClose(m.result(), 4 / 7);
    expectClose(r2Score([1, 4, 3], [2, 4, 4]), 4 / 7);
  });

  test('two outputs: uniform average, variance-weighted average, or one score each', () => {
    const yTrue = [
      [1, 2],
      [4, 5],
      [3, 9],
    ];
    const yPred = [
      [2, 2],
      [4, 6],
      [4, 7],
    ];
    expectClose(r2Score(yTrue, yPred), 0.68436293);
    expectClose(r2Score(yTrue, yPred, { classAggregation: 'variance_weighted_average' }), 0.76136364);
    expectClose(r2Score(yTrue, yPred, { classAggregation: null }), [4 / 7, 0.7972973]);
  });

  test('accumulates over batches: the same as one batch', () => {
    const m = new R2Score();
    m.updateState([[1], [4]], [[2], [4]]);
    m.updateState([[3]], [[4]]);
    expectClose(m.result(), 4 / 7);
    m.resetState();
    m.updateState([[1], [2]], [[1], [2]]);
    expectClose(m.result(), 1);
  });

  test('sample weights per sample, and the adjusted R² with numRegressors', () => {
    const m = new R2Score();
    m.updateState([[1], [4], [3]], [[2], [4], [4]], [1, 2, 1]);
    expectClose(m.result(), 1 - 2 / 6);
    expectClose(r2Score([[1], [4], [3]], [[2], [4], [4]], { numRegressors: 1 }), 1 - ((3 / 7) * 2) / 1);
    expectClose(r2Score([[1], [4], [3]], [[2], [4], [4]], { numRegressors: 2 }), 4 / 7); // undefined: left plain
  });

  test('constant targets with errors give 0 (Keras maps -inf to 0)', () => {
    expectClose(r2Score([[2], [2]], [[1], [3]]), 0);
  });

  test('config and bad input', () => {
    expect(new R2Score().getConfig()).toEqual({
      name: 'r2_score',
      dtype: 'float32',
      classAggregation: 'uniformAverage',
      numRegressors: 0,
    });
    expect(() => new R2Score({ classAggregation: 'median' as never })).toThrow(/R2Score: classAggregation must be/);
    expect(() => new R2Score({ numRegressors: -1 })).toThrow(/R2Score: numRegressors must be an integer >= 0, got -1/);
    const m = new R2Score();
    expect(() => m.updateState([[[1]]], [[[1]]])).toThrow(
      /R2Score 'r2_score': expected 2-D inputs \[batch, outputs\], got yTrue \[1,1,1\]/,
    );
    m.updateState([[1, 2]], [[1, 2]]);
    expect(() => m.updateState([[1]], [[1]])).toThrow(/expected 2 outputs as in earlier batches, got 1/);
  });
});

describe('MeanAbsolutePercentageError (numbers from Keras 3.15.1)', () => {
  const t = [
    [2, 4],
    [1, -2],
  ];
  const p = [
    [1, 5],
    [1.5, -1],
  ];

  test('per-sample function: keras.metrics.mean_absolute_percentage_error -> [37.5, 50]', () => {
    expectClose(meanAbsolutePercentageError(t, p), [37.5, 50]);
  });

  test('the metric: 43.75, then a weighted batch [[10]] vs [[9]] (weight 3) -> 23.5', () => {
    const m = new MeanAbsolutePercentageError();
    expect(m.name).toBe('mean_absolute_percentage_error');
    m.updateState(t, p);
    expectClose(m.result(), 43.75);
    m.updateState([[10]], [[9]], [3]);
    expectClose(m.result(), 23.5);
  });

  test("Keras' documentation data: zero labels are divided by epsilon (float32 inputs: 2.5e8, weighted [1, 0] 5e8)", () => {
    const m = new MeanAbsolutePercentageError();
    m.updateState(T, P);
    expectClose(m.result(), 2.5e8, 0, 1e-6);
    m.resetState();
    m.updateState(T, P, [1, 0]);
    expectClose(m.result(), 5e8, 0, 1e-6);
  });
});
