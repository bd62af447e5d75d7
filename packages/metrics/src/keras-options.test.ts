import { describe, expect, test } from 'vitest';
import {
  BinaryAccuracy,
  binaryAccuracy,
  confusionMatrix,
  F1Score,
  getMetric,
  metricIds,
  Precision,
  sparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
} from './index.js';

type AnyClass = (new (config?: Record<string, unknown>) => unknown) & { className: string };

describe('metric classes take Keras spellings and refuse unknown options', () => {
  const classes = [...new Set(metricIds().map((id) => getMetric(id).constructor as unknown as AnyClass))];
  test('every class getMetric knows refuses bogusOption by name', () => {
    expect(classes.length).toBeGreaterThan(15);
    for (const cls of classes) {
      expect(() => new cls({ bogusOption: 1 }), cls.className).toThrow(
        new RegExp(`^${cls.className}: unknown option 'bogusOption'; valid options are .*'name', 'dtype'`),
      );
    }
  });

  // Keras 3.15: Precision(thresholds=0.7, class_id=1) over y_true [[0, 1], [0, 1], [1, 0]],
  // y_pred [[0.2, 0.8], [0.1, 0.6], [0.3, 0.9]] gives 0.5.
  test('Precision: class_id with thresholds', () => {
    const m = new Precision({ thresholds: 0.7, class_id: 1 });
    m.updateState(
      [
        [0, 1],
        [0, 1],
        [1, 0],
      ],
      [
        [0.2, 0.8],
        [0.1, 0.6],
        [0.3, 0.9],
      ],
    );
    expect(m.result().dataSync()[0]).toBeCloseTo(0.5, 6);
    expect(m.getConfig()).toMatchObject({ classId: 1, thresholds: 0.7 });
  });

  // Keras 3.15: BinaryAccuracy(threshold=0.7)([[0, 1], [0, 0]], [[0.6, 0.8], [0.75, 0.1]]) == 0.75.
  test('BinaryAccuracy threshold; AUC num_thresholds, multi_label', () => {
    const m = new BinaryAccuracy({ threshold: 0.7 });
    m.updateState(
      [
        [0, 1],
        [0, 0],
      ],
      [
        [0.6, 0.8],
        [0.75, 0.1],
      ],
    );
    expect(m.result().dataSync()[0]).toBeCloseTo(0.75, 6);
    const auc = getMetric('auc', { num_thresholds: 3, multi_label: true });
    expect(auc.getConfig()).toMatchObject({ numThresholds: 3, multiLabel: true });
  });

  test('metric functions refuse unknown options too', () => {
    expect(() => binaryAccuracy([1], [0.6], { treshold: 0.7 } as never)).toThrow(
      "binaryAccuracy: unknown option 'treshold' (did you mean 'threshold'?); valid options are 'threshold'",
    );
    expect(() => sparseTopKCategoricalAccuracy([0], [[1, 0]], { from_sorted_ids: true } as never)).toThrow(
      "sparseTopKCategoricalAccuracy: unknown option 'from_sorted_ids' (read as 'fromSortedIds')",
    );
    expect(() => confusionMatrix([0], [0], 2, { num_classes: 2 } as never)).toThrow(
      "confusionMatrix: unknown option 'num_classes'",
    );
  });

  test('refused forms', () => {
    expect(() => new TopKCategoricalAccuracy(3 as never)).toThrow(
      "TopKCategoricalAccuracy: expected an options object, got 3; Keras' positional arguments are options here: new TopKCategoricalAccuracy({ ... })",
    );
    expect(() => new F1Score({ beta: 2 } as never)).toThrow("F1Score: unknown option 'beta'");
    expect(() => new Precision({ top_k: 1, topK: 1 })).toThrow(
      "Precision: option 'topK' is given twice, as 'top_k' and as 'topK'; give one spelling",
    );
  });
});
