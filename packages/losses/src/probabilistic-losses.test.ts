import { ShapeError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { KLDivergence, kld, kullbackLeiblerDivergence, Poisson, poisson } from './index.js';
import { expectClose } from './test-support/allclose.js';

const T = [
  [0, 1],
  [0, 0],
];

describe('kld / KLDivergence (Keras documentation values)', () => {
  const P = [
    [0.6, 0.4],
    [0.4, 0.6],
  ];
  test('0.458, weighted [0.8, 0.2] 0.366, sum 0.916, none [0.916, -3.08e-6]', () => {
    expectClose(new KLDivergence().apply(T, P), 0.45814305);
    expectClose(new KLDivergence().apply(T, P, [0.8, 0.2]), 0.36651536);
    expectClose(new KLDivergence({ reduction: 'sum' }).apply(T, P), 0.91628609);
    expectClose(kld(T, P), [0.91628917, -3.0809075e-6], 1e-7);
  });

  test('identical distributions diverge by 0; the alias is the same function', () => {
    expectClose(kld([[0.2, 0.8]], [[0.2, 0.8]]), [0]);
    expect(kullbackLeiblerDivergence).toBe(kld);
  });

  test('bad input: mismatched shapes', () => {
    expect(() => kld([[0.5, 0.5]], [[1]])).toThrow(ShapeError);
  });
});

describe('poisson / Poisson (Keras documentation values)', () => {
  const P = [
    [1, 1],
    [0, 0],
  ];
  test('0.5, weighted [0.8, 0.2] 0.4, sum 0.999, none [0.999, 0]', () => {
    expectClose(new Poisson().apply(T, P), 0.5);
    expectClose(new Poisson().apply(T, P, [0.8, 0.2]), 0.4);
    expectClose(new Poisson({ reduction: 'sum' }).apply(T, P), 0.99999995);
    expectClose(poisson(T, P), [0.99999995, 0]);
  });

  test('y = 2, yhat = 3: 3 - 2 log 3', () => {
    expectClose(poisson([[2]], [[3]]), [3 - 2 * Math.log(3)]);
  });
});
