import { ShapeError, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { confusionMatrix } from './index.js';

describe('confusionMatrix', () => {
  test('Keras example: labels [1, 2, 4] vs predictions [2, 2, 4] (rows true, columns predicted)', () => {
    const m = confusionMatrix([1, 2, 4], [2, 2, 4], 5);
    expect(m.dtype).toBe('int32');
    expect(m.arraySync()).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
    ]);
  });

  test('without numClasses: one more than the largest class seen', () => {
    expect(confusionMatrix([0, 1, 1], [1, 1, 0]).arraySync()).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  test('weights add up per cell; float32 keeps fractions; labels [n, 1] work', () => {
    expect(confusionMatrix([[0], [0], [1]], [0, 0, 1], 2, { weights: [2, 3, 1] }).arraySync()).toEqual([
      [5, 0],
      [0, 1],
    ]);
    expect(confusionMatrix([0, 1], [1, 1], 2, { weights: [0.5, 0.25], dtype: 'float32' }).arraySync()).toEqual([
      [0, 0.5],
      [0, 0.25],
    ]);
  });

  test('bad input: lengths, class out of range, non-integers, numClasses', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(ShapeError);
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(
      /confusionMatrix: labels and predictions must be 1-D of the same length, got labels \[2\] and predictions \[1\]/,
    );
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(ValueError);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(
      /confusionMatrix: label 3 at position 1 is not a class in \[0, 3\)/,
    );
    expect(() => confusionMatrix([0, 1], [0.5, 1], 2)).toThrow(/prediction 0.5 at position 0/);
    expect(() => confusionMatrix([0, 1], [0, 1], -2)).toThrow(/numClasses must be a non-negative integer, got -2/);
    expect(() => confusionMatrix([0, 1], [0, 1], 2, { weights: [1] })).toThrow(
      /weights must match predictions \[2\], got weights \[1\]/,
    );
  });
});
