import { memory, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Precision, precision, Recall, recall } from './index.js';
import { expectClose } from './test-support/allclose.js';

describe('Precision and Recall (Keras documentation values)', () => {
  test('Precision: 0.6666667, then weighted [0, 0, 1, 0] 1.0', () => {
    const m = new Precision();
    m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
    expectClose(m.result(), 2 / 3);
    m.resetState();
    m.updateState([0, 1, 1, 1], [1, 0, 1, 1], [0, 0, 1, 0]);
    expectClose(m.result(), 1);
  });

  test('Precision with topK: top 2 of [1, 1, 1, 1] is 0, top 4 is 0.5 (ties go to the lower index)', () => {
    const top2 = new Precision({ topK: 2 });
    top2.updateState([0, 0, 1, 1], [1, 1, 1, 1]);
    expectClose(top2.result(), 0);
    const top4 = new Precision({ topK: 4 });
    top4.updateState([0, 0, 1, 1], [1, 1, 1, 1]);
    expectClose(top4.result(), 0.5);
  });

  test('Recall: 0.6666667, then weighted [0, 0, 1, 0] 1.0', () => {
    const m = new Recall();
    m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
    expectClose(m.result(), 2 / 3);
    m.resetState();
    m.updateState([0, 1, 1, 1], [1, 0, 1, 1], [0, 0, 1, 0]);
    expectClose(m.result(), 1);
  });
});

describe('Precision and Recall options', () => {
  const yTrue = [
    [0, 1],
    [1, 0],
    [0, 1],
    [1, 1],
  ];
  const yPred = [
    [0.2, 0.7],
    [0.6, 0.6],
    [0.3, 0.4],
    [0.9, 0.8],
  ];

  test('predictions strictly above the threshold are positive; several thresholds give a vector', () => {
    const p = new Precision({ thresholds: [0.3, 0.65] });
    p.updateState(yTrue, yPred);
    expectClose(p.result(), [5 / 6, 1]);
    const r = new Recall({ thresholds: [0.3, 0.65] });
    r.updateState(yTrue, yPred);
    expectClose(r.result(), [5 / 5, 3 / 5]);
    expectClose(precision([1], [0.3], { thresholds: 0.3 }), 0); // 0.3 is not above 0.3, even in float32
  });

  test('classId measures one class', () => {
    const p = new Precision({ thresholds: [0.3, 0.65], classId: 1 });
    p.updateState(yTrue, yPred);
    expectClose(p.result(), [3 / 4, 1]);
    expectClose(recall(yTrue, yPred, { thresholds: [0.3, 0.65], classId: 1 }), [1, 2 / 3]);
  });

  test('topK per sample: only the highest k predictions of each row count', () => {
    const y = [
      [0, 1, 1],
      [1, 0, 0],
    ];
    const p = [
      [0.1, 0.8, 0.5],
      [0.3, 0.6, 0.1],
    ];
    expectClose(recall(y, p, { topK: 1 }), 1 / 3);
    expectClose(precision(y, p, { topK: 1 }), 1 / 2);
    expectClose(recall(y, p, { topK: 2 }), 3 / 3);
  });

  test('sample weights per sample scale every value of the sample; batches accumulate', () => {
    const m = new Precision();
    m.updateState(yTrue, yPred, [1, 2, 0, 1]);
    // Above 0.5: (0,1) true w1, (1,0) true w2, (1,1) false w2, (3,0) true w1, (3,1) true w1.
    expectClose(m.result(), 5 / 7);
    m.updateState([[1, 1]], [[0.9, 0.9]]);
    expectClose(m.result(), 7 / 9);
  });

  test('labels are positive where non-zero; no positive prediction gives 0', () => {
    expectClose(precision([2, 0], [0.9, 0.9]), 0.5);
    expectClose(precision([1, 1], [0.1, 0.2]), 0);
  });

  test('holds no tensors', () => {
    const m = new Recall();
    const labels = tensor(yTrue);
    const before = memory().numTensors;
    m.updateState(labels, yPred, [1, 2, 3, 4]);
    expect(memory().numTensors).toBe(before);
  });

  test('config round-trips; bad options and inputs', () => {
    const m = new Precision({ thresholds: [0.2, 0.8], classId: 1, name: 'p' });
    expect(m.getConfig()).toEqual({ name: 'p', dtype: 'float32', thresholds: [0.2, 0.8], topK: null, classId: 1 });
    expect(Precision.fromConfig(m.getConfig()).thresholds).toEqual([0.2, 0.8]);
    expect(new Recall({ topK: 3 }).thresholds).toEqual([-1e10]);
    expect(() => new Precision({ thresholds: [0.5, 1.5] })).toThrow(
      /Precision: thresholds must be numbers in \[0, 1\], got \[0.5, 1.5\]/,
    );
    expect(() => new Recall({ topK: 0 })).toThrow(/Recall: topK must be an integer >= 1, got 0/);
    expect(() => new Precision().updateState([[0, 1]], [[0.5, 0.5, 0.1]])).toThrow(ShapeError);
    expect(() => new Precision().updateState([[0, 1]], [[0.5, 0.5, 0.1]])).toThrow(
      /Precision 'precision': yTrue and yPred must have the same shape, got yTrue \[1,2\] and yPred \[1,3\]/,
    );
    expect(() => precision([0, 1], [0.5, 0.5], { classId: 0 })).toThrow(/with classId, yPred must be 2-D/);
    expect(() => precision([[0, 1]], [[0.5, 0.5]], { classId: 2 })).toThrow(ValueError);
    expect(() => new Precision().updateState([0, 1], [0.5, 0.5], [1, 2, 3])).toThrow(/sampleWeight of shape/);
  });
});
