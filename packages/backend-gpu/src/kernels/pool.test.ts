import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, randInt, randomValues, setUpGpu } from '../test-support/parity.js';
import { windowOut } from './window.js';

beforeAll(async () => {
  await setUpGpu();
});

interface PoolCase {
  x: number[];
  attrs: { poolSize: number[]; strides: number[]; pad: number[] };
  y: number[];
}

/** Random pools: sizes 1-3, strides 1-3 (overlapping windows too), pads smaller than the pool. */
function randomPool(r: T.Random): PoolCase {
  for (;;) {
    const x = [randInt(r, 1, 2), randInt(r, 1, 9), randInt(r, 1, 9), randInt(r, 1, 4)];
    const poolSize = [randInt(r, 1, 3), randInt(r, 1, 3)];
    const strides = [randInt(r, 1, 3), randInt(r, 1, 3)];
    const pad = [0, 0, 0, 0].map((_, k) => randInt(r, 0, poolSize[k < 2 ? 0 : 1] - 1));
    const oh = windowOut(x[1], poolSize[0], strides[0], 1, pad[0], pad[1]);
    const ow = windowOut(x[2], poolSize[1], strides[1], 1, pad[2], pad[3]);
    if (oh > 0 && ow > 0) return { x, attrs: { poolSize, strides, pad }, y: [x[0], oh, ow, x[3]] };
  }
}

for (const name of ['MaxPool', 'AvgPool']) {
  test(`${name} matches cpu over pool sizes, strides and paddings`, () => {
    const r = T.randomSource(name.length + 30);
    for (let trial = 0; trial < 12; trial++) {
      const c = randomPool(r);
      const xv = randomValues(r, T.sizeOf(c.x));
      expectParity(() => T.runKernel(name, { x: T.tensor(xv, c.x) }, c.attrs), {
        label: `${name} ${T.fmt(c.x)} ${JSON.stringify(c.attrs)}`,
        ranOnGpu: [name],
      });
    }
  });
}

test('MaxPoolGrad matches cpu, ties going to the first maximum', () => {
  const r = T.randomSource(41);
  for (let trial = 0; trial < 12; trial++) {
    const c = randomPool(r);
    // Coarse values make ties common.
    const xv = randomValues(r, T.sizeOf(c.x)).map((v) => Math.round(v * 2));
    const dy = randomValues(r, T.sizeOf(c.y));
    expectParity(() => T.runKernel('MaxPoolGrad', { dy: T.tensor(dy, c.y), x: T.tensor(xv, c.x) }, c.attrs), {
      label: `MaxPoolGrad ${T.fmt(c.x)} ${JSON.stringify(c.attrs)}`,
      ranOnGpu: ['MaxPoolGrad'],
    });
  }
});

test('AvgPoolGrad matches cpu', () => {
  const r = T.randomSource(42);
  for (let trial = 0; trial < 12; trial++) {
    const c = randomPool(r);
    const dy = randomValues(r, T.sizeOf(c.y));
    expectParity(() => T.runKernel('AvgPoolGrad', { dy: T.tensor(dy, c.y) }, { ...c.attrs, inputShape: c.x }), {
      label: `AvgPoolGrad ${T.fmt(c.x)} ${JSON.stringify(c.attrs)}`,
      ranOnGpu: ['AvgPoolGrad'],
    });
  }
});

test('maxPool2d and avgPool2d ops with same padding reproduce hand-computed values', () => {
  const x = T.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
  expect(T.maxPool2d(x, { poolSize: 2, padding: 'same' }).arraySync()).toEqual([
    [
      [[5], [6]],
      [[8], [9]],
    ],
  ]);
  expect(T.avgPool2d(x, { poolSize: 2, padding: 'same' }).arraySync()).toEqual([
    [
      [[3], [4.5]],
      [[7.5], [9]],
    ],
  ]);
});
