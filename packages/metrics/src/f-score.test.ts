import { ShapeError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { F1Score, FBetaScore, f1Score } from './index.js';
import { expectClose } from './test-support/allclose.js';

// Keras documentation data.
const Y = [
  [1, 1, 1],
  [1, 0, 0],
  [1, 1, 0],
];
const P = [
  [0.2, 0.6, 0.7],
  [0.2, 0.6, 0.6],
  [0.6, 0.8, 0],
];

describe('F1Score and FBetaScore', () => {
  test('Keras documentation: F1 with threshold 0.5 is [0.5, 0.8, 0.6666667]', () => {
    const m = new F1Score({ threshold: 0.5 });
    m.updateState(Y, P);
    expectClose(m.result(), [0.5, 0.8, 2 / 3]);
  });

  test('Keras documentation: F-beta with beta 2 and threshold 0.5 is [0.3846154, 0.9090909, 0.8333333]', () => {
    const m = new FBetaScore({ beta: 2, threshold: 0.5 });
    m.updateState(Y, P);
    expectClose(m.result(), [0.3846154, 0.90909094, 0.8333334]);
  });

  test("averages: 'macro' the mean, 'weighted' by support, 'micro' from pooled counts", () => {
    expectClose(f1Score(Y, P, { threshold: 0.5, average: 'macro' }), (0.5 + 0.8 + 2 / 3) / 3);
    expectClose(f1Score(Y, P, { threshold: 0.5, average: 'weighted' }), (0.5 * 3 + 0.8 * 2 + 2 / 3) / 6);
    expectClose(f1Score(Y, P, { threshold: 0.5, average: 'micro' }), 2 / 3);
  });

  test('without a threshold the highest score of each row (ties included) is the prediction', () => {
    expectClose(f1Score(Y, P), [0, 0.5, 2 / 3]);
    expectClose(f1Score([[0, 0]], [[0, 0]]), [0, 0]); // an all-zero row predicts nothing
  });

  test('batches accumulate, sample weights scale rows, reset clears', () => {
    const m = new F1Score({ threshold: 0.5 });
    m.updateState(Y.slice(0, 2), P.slice(0, 2));
    m.updateState(Y.slice(2), P.slice(2));
    expectClose(m.result(), [0.5, 0.8, 2 / 3]);
    m.resetState();
    m.updateState(Y, P, [1, 0, 1]);
    // class 0: tp 1, fn 1; class 1: tp 2; class 2: tp 1
    expectClose(m.result(), [2 / 3, 1, 1]);
  });

  test('config and bad input', () => {
    expect(new F1Score({ average: 'macro' }).getConfig()).toEqual({
      name: 'f1_score',
      dtype: 'float32',
      average: 'macro',
      threshold: null,
    });
    expect(new FBetaScore({ beta: 0.5 }).getConfig()).toMatchObject({ name: 'fbeta_score', beta: 0.5 });
    expect(() => new F1Score({ average: 'samples' as 'micro' })).toThrow(
      /F1Score: average must be null, 'micro', 'macro' or 'weighted', got 'samples'/,
    );
    expect(() => new FBetaScore({ beta: 0 })).toThrow(/FBetaScore: beta must be a number > 0, got 0/);
    expect(() => new F1Score({ threshold: 0 })).toThrow(/threshold must be null or a number in \(0, 1\]/);
    expect(() => f1Score([1, 0], [0.5, 0.5])).toThrow(ShapeError);
    expect(() => f1Score([1, 0], [0.5, 0.5])).toThrow(
      /F1Score 'f1_score': expected 2-D inputs \[batch, classes\], got yTrue \[2\] and yPred \[2\]/,
    );
    const m = new F1Score();
    m.updateState([[1, 0]], [[0.9, 0.1]]);
    expect(() => m.updateState([[1, 0, 0]], [[0.9, 0.1, 0]])).toThrow(
      /expected 2 classes as in earlier batches, got 3/,
    );
  });
});
