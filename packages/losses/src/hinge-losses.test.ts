import { ShapeError, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  binaryLabelsToHinge,
  CategoricalHinge,
  categoricalHinge,
  Hinge,
  hinge,
  SquaredHinge,
  squaredHinge,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

// Keras documentation data.
const T = [
  [0, 1],
  [0, 0],
];
const P = [
  [0.6, 0.4],
  [0.4, 0.6],
];

describe('hinge losses (Keras documentation values)', () => {
  test('Hinge: 1.3, weighted [1, 0] 0.55, sum 2.6, none [1.1, 1.5]', () => {
    expectClose(new Hinge().apply(T, P), 1.3);
    expectClose(new Hinge().apply(T, P, [1, 0]), 0.55);
    expectClose(new Hinge({ reduction: 'sum' }).apply(T, P), 2.6);
    expectClose(hinge(T, P), [1.1, 1.5]);
  });

  test('SquaredHinge: 1.86, weighted [1, 0] 0.73, sum 3.72, none [1.46, 2.26]', () => {
    expectClose(new SquaredHinge().apply(T, P), 1.86);
    expectClose(new SquaredHinge().apply(T, P, [1, 0]), 0.73);
    expectClose(new SquaredHinge({ reduction: 'sum' }).apply(T, P), 3.72);
    expectClose(squaredHinge(T, P), [1.46, 2.26]);
  });

  test('CategoricalHinge: 1.4, weighted [1, 0] 0.6, sum 2.8, none [1.2, 1.6]', () => {
    expectClose(new CategoricalHinge().apply(T, P), 1.4);
    expectClose(new CategoricalHinge().apply(T, P, [1, 0]), 0.6);
    expectClose(new CategoricalHinge({ reduction: 'sum' }).apply(T, P), 2.8);
    expectClose(categoricalHinge(T, P), [1.2, 1.6]);
  });

  test('0/1 labels become -1/1; -1/1 labels are used as given; other labels are kept', () => {
    expectClose(binaryLabelsToHinge(tensor([0, 1, 1])), [-1, 1, 1]);
    expectClose(binaryLabelsToHinge(tensor([-1, 1])), [-1, 1]);
    expectClose(binaryLabelsToHinge(tensor([0, 2])), [0, 2]);
    expectClose(
      hinge(
        [
          [-1, 1],
          [-1, -1],
        ],
        P,
      ),
      [1.1, 1.5],
    );
  });

  test('bad input: mismatched shapes', () => {
    expect(() => hinge([[1, 0]], [[1, 0, 0]])).toThrow(ShapeError);
    expect(() => categoricalHinge([[1, 0]], [[1, 0, 0]])).toThrow(/categoricalHinge.*yTrue \[1,2\] and yPred \[1,3\]/);
  });
});
