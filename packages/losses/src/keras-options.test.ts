import { describe, expect, test } from 'vitest';
import {
  BinaryCrossentropy,
  getLoss,
  Huber,
  lossIds,
  MeanSquaredError,
  SparseCategoricalCrossentropy,
} from './index.js';

type AnyClass = (new (config?: Record<string, unknown>) => unknown) & { className: string };

describe('loss classes take Keras spellings and refuse unknown options', () => {
  const classes = [...new Set(lossIds().map((id) => getLoss(id).constructor as unknown as AnyClass))];
  test('every class getLoss knows refuses bogusOption by name', () => {
    expect(classes.length).toBe(16);
    for (const cls of classes) {
      expect(() => new cls({ bogusOption: 1 }), cls.className).toThrow(
        new RegExp(`^${cls.className}: unknown option 'bogusOption'; valid options are .*'name', 'reduction'`),
      );
    }
  });

  // Keras 3.15: BinaryCrossentropy(from_logits=True, label_smoothing=0.2)([[0, 1], [0, 0]], [[-1, 2], [0.5, -0.5]]).
  test('BinaryCrossentropy: from_logits and label_smoothing', () => {
    const loss = new BinaryCrossentropy({ from_logits: true, label_smoothing: 0.2 });
    expect([loss.fromLogits, loss.labelSmoothing]).toEqual([true, 0.2]);
    const value = loss.apply(
      [
        [0, 1],
        [0, 0],
      ],
      [
        [-1, 2],
        [0.5, -0.5],
      ],
    );
    expect(value.dataSync()[0]).toBeCloseTo(0.5470858812332153, 6);
  });

  // Keras 3.15: SparseCategoricalCrossentropy(from_logits=True, ignore_class=2)([0, 2, 1], [[1, 2, 0], [0, 0, 5], [2, 1, 0]]).
  test('SparseCategoricalCrossentropy: ignore_class', () => {
    const loss = new SparseCategoricalCrossentropy({ from_logits: true, ignore_class: 2 });
    const value = loss.apply(
      [0, 2, 1],
      [
        [1, 2, 0],
        [0, 0, 5],
        [2, 1, 0],
      ],
    );
    expect(value.dataSync()[0]).toBeCloseTo(1.407605767250061, 5);
  });

  test('refused forms', () => {
    expect(() => new Huber(2 as never)).toThrow(
      "Huber: expected an options object, got 2; Keras' positional arguments are options here: new Huber({ ... })",
    );
    expect(() => new MeanSquaredError({ dtype: 'float32' } as never)).toThrow(
      "MeanSquaredError: unknown option 'dtype'; valid options are 'name', 'reduction'",
    );
  });
});
