import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectParity, randomValues, setUpWasm } from '../test-support/parity.js';
import { reductionView } from './reduce.js';

beforeAll(setUpWasm);

const CASES: [number[], number[]][] = [
  [[7], [0]],
  [[1000], [0]],
  [[3, 5], [0]],
  [[3, 5], [1]],
  [
    [3, 5],
    [0, 1],
  ],
  [[2, 3, 4], [1]],
  [
    [2, 3, 4],
    [0, 1],
  ],
  [
    [2, 3, 4],
    [1, 2],
  ],
  [
    [4, 6, 6, 33],
    [0, 1, 2],
  ],
  [[300, 10], [0]],
  [
    [1, 3, 1, 5],
    [1, 3],
  ],
  [[0, 3], [0]],
  [[3, 0], [1]],
  [[0, 3], [1]],
  [[2, 3], []],
];

describe('Sum and Max on wasm agree with cpu', () => {
  test('reductionView folds adjacent reduced axes into one and spots split ones', () => {
    expect(reductionView([128, 26, 26, 32], [0, 1, 2])).toEqual({ outer: 1, r: 86528, inner: 32 });
    expect(reductionView([2, 3, 4], [1])).toEqual({ outer: 2, r: 3, inner: 4 });
    expect(reductionView([2, 1, 4], [1])).toEqual({ outer: 8, r: 1, inner: 1 });
    expect(reductionView([2, 3, 4], [0, 2])).toBeNull();
  });

  for (const op of ['sum', 'max'] as const) {
    test(`${op} over every axis pattern, keepDims or not`, () => {
      CASES.forEach(([shape, axes], i) => {
        // max of nothing has no identity: the op refuses it before any kernel runs.
        if (op === 'max' && axes.some((a) => shape[a] === 0)) return;
        const v = randomValues(T.randomSource(i), T.sizeOf(shape), -10, 10);
        for (const keepDims of [false, true]) {
          expectParity(() => (op === 'sum' ? T.sum : T.max)(T.tensor(v, shape), axes, keepDims), {
            rtol: 1e-6,
            atol: 1e-6,
            label: `${op} ${T.fmt(shape)} axes [${axes}] keepDims ${keepDims}`,
            ranOnWasm: [op === 'sum' ? 'Sum' : 'Max'],
          });
        }
      });
    });
  }

  test('axes in separate groups and int32 input run the cpu code', () => {
    const v = randomValues(T.randomSource(1), 24);
    expectParity(() => [T.sum(T.tensor(v, [2, 3, 4]), [0, 2]), T.max(T.tensor(v, [2, 3, 4]), [0, 2])], {
      rtol: 1e-6,
      atol: 1e-6,
      label: 'split axes',
      ranOnWasm: ['Sum', 'Max'],
    });
    expectParity(() => T.sum(T.tensor([2147483647, 1, 5], [3], 'int32')), { label: 'int32 sum', ranOnWasm: ['Sum'] });
  });

  test('Max lets NaN win and a long sum keeps float64 accuracy', () => {
    const v = new Float32Array(1001).fill(0.1);
    v[500] = Number.NaN;
    expect(T.max(T.tensor(v)).dataSync()[0]).toBeNaN();
    expect(T.max(T.tensor(v, [1001, 1]), 0).dataSync()[0]).toBeNaN();
    const ones = new Float32Array(1 << 20).fill(1 / 3);
    expectParity(() => T.sum(T.tensor(ones)), { rtol: 1e-7, atol: 0, label: 'long sum', ranOnWasm: ['Sum'] });
  });
});
