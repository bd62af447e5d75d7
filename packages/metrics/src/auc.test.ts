import { ShapeError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { AUC, auc } from './index.js';
import { expectClose } from './test-support/allclose.js';

// Reference values from a NumPy transcription of Keras' algorithm (thresholds, float32 buckets,
// Riemann sums and Davis & Goadrich's PR interpolation); the ROC value also equals the exact
// Mann-Whitney AUC of these untied scores.
const Y = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0];
const P = [0.1, 0.35, 0.4, 0.8, 0.65, 0.5, 0.9, 0.2, 0.05, 0.3];

describe('AUC (Keras documentation)', () => {
  test('numThresholds 3: [0, 0, 1, 1] vs [0, 0.5, 0.3, 0.9] is 0.75, weighted [1, 0, 0, 1] 1.0', () => {
    const m = new AUC({ numThresholds: 3 });
    expect(m.thresholds).toEqual([Math.fround(-1e-7), 0.5, Math.fround(1 + 1e-7)]);
    m.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
    expectClose(m.result(), 0.75);
    m.resetState();
    m.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9], [1, 0, 0, 1]);
    expectClose(m.result(), 1);
  });

  test('the same example with the default 200 thresholds is the exact 0.75', () => {
    expectClose(auc([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]), 0.75);
  });
});

describe('AUC', () => {
  test('ROC with 200 thresholds: the trapezoidal rule gives the exact 0.68', () => {
    expectClose(auc(Y, P), 0.68);
    expectClose(auc(Y, P, { numThresholds: 10 }), 0.68);
  });

  test('minoring and majoring bound the interpolation (numThresholds 3 example: 0.5 and 1)', () => {
    const data: [number[], number[]] = [
      [0, 0, 1, 1],
      [0, 0.5, 0.3, 0.9],
    ];
    expectClose(auc(...data, { numThresholds: 3, summationMethod: 'minoring' }), 0.5);
    expectClose(auc(...data, { numThresholds: 3, summationMethod: 'majoring' }), 1);
  });

  test('PR curve: interpolation 0.6766021, minoring 0.4342857, majoring 0.7116667', () => {
    expectClose(auc(Y, P, { curve: 'PR' }), 0.6766021);
    expectClose(auc(Y, P, { curve: 'pr', summationMethod: 'minoring' }), 0.43428571);
    expectClose(auc(Y, P, { curve: 'PR', summationMethod: 'majoring' }), 0.71166667);
  });

  test('sample weights, and batches accumulate to the one-batch value', () => {
    const m = new AUC();
    m.updateState(Y.slice(0, 4), P.slice(0, 4), [1, 2, 1, 1]);
    m.updateState(Y.slice(4), P.slice(4), [0.5, 1, 1, 3, 1, 1]);
    expectClose(m.result(), 0.58666667);
    m.resetState();
    m.updateState(Y.slice(0, 5), P.slice(0, 5));
    m.updateState(Y.slice(5), P.slice(5));
    expectClose(m.result(), 0.68);
  });

  test('explicit thresholds (endpoints added), evenly spaced or not', () => {
    const even = new AUC({ thresholds: [0.5] });
    expect(even.numThresholds).toBe(3);
    even.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
    expectClose(even.result(), 0.75);
    const uneven = new AUC({ thresholds: [0.32, 0.2] });
    expect(uneven.thresholds.slice(1, 3)).toEqual([Math.fround(0.2), Math.fround(0.32)]);
    uneven.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
    // thresholds [-eps, 0.2, 0.32, 1+eps]: tp [2, 2, 1, 0], fp [2, 1, 1, 0]; ROC (1,1) (0.5,1) (0.5,0.5) (0,0)
    expectClose(uneven.result(), 0.5 * 1 + 0 + 0.5 * 0.25);
  });

  test('multiLabel: one AUC per column, averaged (or weighted by labelWeights); pooled otherwise', () => {
    const y = [
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
      [1, 1],
    ];
    const p = [
      [0.2, 0.7],
      [0.6, 0.9],
      [0.9, 0.3],
      [0.4, 0.2],
      [0.3, 0.6],
    ];
    expectClose(auc(y, p, { multiLabel: true }), (5 / 6 + 1) / 2);
    expectClose(auc(y, p, { multiLabel: true, numLabels: 2, labelWeights: [1, 3] }), (5 / 6 + 3) / 4);
    expectClose(auc(y, p), 0.9375);
  });

  test('fromLogits applies a sigmoid', () => {
    expectClose(auc([0, 1, 1, 0], [-2, 0.5, 1.5, -0.3], { fromLogits: true }), 1);
    expectClose(auc([1, 0], [-2, 3], { fromLogits: true }), 0);
  });

  test('config round-trips; thresholds only when given', () => {
    const m = new AUC({ numThresholds: 50, curve: 'PR', name: 'pr_auc' });
    expect(m.getConfig()).toEqual({
      name: 'pr_auc',
      dtype: 'float32',
      numThresholds: 50,
      curve: 'PR',
      summationMethod: 'interpolation',
      multiLabel: false,
      numLabels: null,
      labelWeights: null,
      fromLogits: false,
    });
    expect(AUC.fromConfig(new AUC({ thresholds: [0.7, 0.1] }).getConfig()).thresholds).toEqual(
      new AUC({ thresholds: [0.1, 0.7] }).thresholds,
    );
  });

  test('bad options and inputs', () => {
    expect(() => new AUC({ numThresholds: 1 })).toThrow(/AUC: numThresholds must be an integer > 1, got 1/);
    expect(() => new AUC({ curve: 'DET' as 'PR' })).toThrow(/AUC: curve must be 'ROC' or 'PR', got 'DET'/);
    expect(() => new AUC({ summationMethod: 'simpson' as 'minoring' })).toThrow(/summationMethod must be/);
    expect(() => new AUC({ thresholds: [2] })).toThrow(/thresholds must be a list of numbers in \[0, 1\]/);
    expect(() => new AUC({ numLabels: 3 })).toThrow(/numLabels is needed only when multiLabel is true/);
    expect(() => new AUC().updateState([0, 1], [0.5])).toThrow(ShapeError);
    const m = new AUC({ multiLabel: true });
    expect(() => m.updateState([0, 1], [0.2, 0.8])).toThrow(
      /with multiLabel, yPred must be 2-D \[batch, labels\], got \[2\]/,
    );
    m.updateState([[0, 1]], [[0.2, 0.8]]);
    expect(() => m.updateState([[0, 1, 1]], [[0.2, 0.8, 0.1]])).toThrow(/expected 2 labels/);
  });
});
