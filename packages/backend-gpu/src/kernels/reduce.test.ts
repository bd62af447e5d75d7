import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, randInt, randomShape, randomValues, setUpGpu } from '../test-support/parity.js';
import { REDUCE_KERNELS } from './reduce.js';

beforeAll(async () => {
  await setUpGpu();
});

function randomAxes(r: T.Random, rank: number): number[] {
  return Array.from({ length: rank }, (_, d) => d).filter(() => r.next() < 0.5);
}

for (const name of REDUCE_KERNELS) {
  test(`${name} matches cpu over random axes, keepDims, size-1 dims`, () => {
    const r = T.randomSource(name.length * 3 + 50);
    const logical = name === 'All' || name === 'Any';
    for (let trial = 0; trial < 8; trial++) {
      const shape = randomShape(r, randInt(r, 0, 4), 1, 6);
      const axes = randomAxes(r, shape.length);
      const keepDims = r.next() < 0.5;
      const v = randomValues(r, T.sizeOf(shape), name === 'Prod' ? 0.5 : -2, name === 'Prod' ? 1.5 : 2);
      const x = () =>
        logical
          ? T.tensor(
              v.map((e) => (e > -1.5 ? 1 : 0)),
              shape,
              'bool',
            )
          : T.tensor(v, shape);
      expectParity(() => T.runKernel(name, { x: x() }, { axes, keepDims }), {
        label: `${name} ${T.fmt(shape)} axes ${axes} keepDims ${keepDims}`,
        ranOnGpu: [name],
        rtol: 1e-5,
        atol: 1e-5,
      });
    }
  });
}

test('reductions of zero-size tensors give the identity', () => {
  for (const name of ['Sum', 'Max', 'Prod']) {
    expectParity(() => T.runKernel(name, { x: T.zeros([3, 0]) }, { axes: [1], keepDims: false }), {
      label: `${name} [3,0]`,
      ranOnGpu: [name],
    });
  }
});

test('Max and Min of int32 are exact', () => {
  expectParity(
    () => T.runKernel('Max', { x: T.tensor([3, -7, 1 << 20, 5], [2, 2], 'int32') }, { axes: [1], keepDims: false }),
    {
      label: 'max int32',
      ranOnGpu: ['Max'],
    },
  );
});

for (const name of ['ArgMax', 'ArgMin'] as const) {
  test(`${name} matches cpu, the first extreme winning ties`, () => {
    const r = T.randomSource(name.length + 60);
    for (let trial = 0; trial < 6; trial++) {
      const shape = randomShape(r, randInt(r, 1, 3), 1, 7);
      const axis = randInt(r, 0, shape.length - 1);
      const v = randomValues(r, T.sizeOf(shape)).map((e) => Math.round(e * 3));
      expectParity(() => T.runKernel(name, { x: T.tensor(v, shape) }, { axis }), {
        label: `${name} ${T.fmt(shape)} axis ${axis}`,
        ranOnGpu: [name],
      });
    }
  });
}

test('sum and mean ops compose from device kernels', () => {
  const x = T.tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  expect(T.sum(x, 1).arraySync()).toEqual([6, 15]);
  expect(T.mean(x, 0).arraySync()).toEqual([2.5, 3.5, 4.5]);
});

test('softmax composes from device kernels and matches cpu', () => {
  const r = T.randomSource(70);
  const v = randomValues(r, 5 * 7, -5, 5);
  expectParity(() => T.softmax(T.tensor(v, [5, 7])), {
    label: 'softmax',
    ranOnGpu: ['Max', 'IsFinite', 'Select', 'Sub', 'Exp', 'Sum', 'Log', 'Add'],
  });
});
