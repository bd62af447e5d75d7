import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, randInt, randomShape, randomValues, setUpGpu } from '../test-support/parity.js';
import { windowOut } from './window.js';

beforeAll(async () => {
  await setUpGpu();
});

/** Random geometry as in conv2d.test.ts: odd sizes, strides 1-2, dilations 1-2, pads 0-2. */
function randomGeometry(r: T.Random) {
  for (;;) {
    const x = [randInt(r, 1, 2), randInt(r, 1, 7), randInt(r, 1, 7), randInt(r, 1, 4)];
    const filter = [randInt(r, 1, 3), randInt(r, 1, 3), x[3], randInt(r, 1, 4)];
    const strides = [randInt(r, 1, 2), randInt(r, 1, 2)];
    const dilations = [randInt(r, 1, 2), randInt(r, 1, 2)];
    const pad = [randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2)];
    const oh = windowOut(x[1], filter[0], strides[0], dilations[0], pad[0], pad[1]);
    const ow = windowOut(x[2], filter[1], strides[1], dilations[1], pad[2], pad[3]);
    if (oh > 0 && ow > 0) return { x, filter, attrs: { strides, pad, dilations } };
  }
}

test('FusedConv2D matches cpu with and without bias, linear and relu', () => {
  const r = T.randomSource(31);
  for (let trial = 0; trial < 8; trial++) {
    const g = randomGeometry(r);
    const activation = trial % 2 === 0 ? 'relu' : 'linear';
    const withBias = trial % 4 < 2 || trial === 7;
    const xv = randomValues(r, T.sizeOf(g.x));
    const fv = randomValues(r, T.sizeOf(g.filter));
    const bv = randomValues(r, g.filter[3]);
    expectParity(
      () =>
        T.runKernel(
          'FusedConv2D',
          {
            x: T.tensor(xv, g.x),
            filter: T.tensor(fv, g.filter),
            ...(withBias ? { bias: T.tensor(bv, [g.filter[3]]) } : {}),
          },
          { ...g.attrs, activation },
        ),
      {
        label: `fused x${T.fmt(g.x)} f${T.fmt(g.filter)} ${JSON.stringify(g.attrs)} ${activation} bias ${withBias}`,
        ranOnGpu: ['FusedConv2D'],
      },
    );
  }
});

test('fusedConv2d op: same padding, stride 2, relu; the documented example', () => {
  const r = T.randomSource(32);
  const xv = randomValues(r, 2 * 9 * 7 * 3);
  const fv = randomValues(r, 3 * 3 * 3 * 5);
  const bv = randomValues(r, 5);
  expectParity(
    () =>
      T.fusedConv2d(T.tensor(xv, [2, 9, 7, 3]), T.tensor(fv, [3, 3, 3, 5]), {
        padding: 'same',
        strides: 2,
        bias: T.tensor(bv, [5]),
        activation: 'relu',
      }),
    { label: 'fusedConv2d same s2 relu', ranOnGpu: ['FusedConv2D'] },
  );
  const y = T.fusedConv2d(T.tensor([1, -2, 3, -4], [1, 2, 2, 1]), T.ones([1, 1, 1, 1]), {
    bias: [1],
    activation: 'relu',
  });
  expect(y.arraySync()).toEqual([
    [
      [[2], [0]],
      [[4], [0]],
    ],
  ]);
});

test('ReluGrad matches cpu: dy where x > 0, 0 where x <= 0 (zeros included)', () => {
  const r = T.randomSource(33);
  for (let trial = 0; trial < 4; trial++) {
    const shape = randomShape(r, randInt(r, 1, 3), 1, 9);
    const n = T.sizeOf(shape);
    const dy = randomValues(r, n, -3, 3);
    const x = randomValues(r, n).map((v) => (v > 0.6 ? 0 : v));
    expectParity(() => T.runKernel('ReluGrad', { dy: T.tensor(dy, shape), x: T.tensor(x, shape) }), {
      label: `reluGrad ${T.fmt(shape)}`,
      ranOnGpu: ['ReluGrad'],
    });
  }
  const y = T.runKernel('ReluGrad', { dy: T.tensor([5, 6, 7]), x: T.tensor([-1, 0, 2]) });
  expect([...y.dataSync()]).toEqual([0, 0, 7]);
});
