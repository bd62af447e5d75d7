import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectParity, randInt, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

describe('MaxPool and MaxPoolGrad on wasm agree with cpu', () => {
  test('a 2x2 pool of a 4x4 ramp', () => {
    expect(T.maxPool2d(T.range(16).reshape([1, 4, 4, 1]), { poolSize: 2 }).arraySync()).toEqual([
      [
        [[5], [7]],
        [[13], [15]],
      ],
    ]);
  });

  test('random windows, strides, paddings and channel counts (ties included)', () => {
    const r = T.randomSource(5);
    for (let i = 0; i < 40; i++) {
      const [ph, pw] = [randInt(r, 1, 3), randInt(r, 1, 3)];
      const pad = [randInt(r, 0, ph - 1), randInt(r, 0, ph - 1), randInt(r, 0, pw - 1), randInt(r, 0, pw - 1)];
      const x = [randInt(r, 1, 3), randInt(r, ph, 9), randInt(r, pw, 9), [1, 3, 4, 5, 17][i % 5]];
      const attrs = { poolSize: [ph, pw], strides: [randInt(r, 1, 3), randInt(r, 1, 3)], pad };
      // Values on a coarse grid so windows hold ties: the first maximum must win on both backends.
      const xv = randomValues(r, T.sizeOf(x), 0, 4).map(Math.floor);
      const probe = T.runKernel('MaxPool', { x: T.tensor(xv, x) }, attrs);
      const dyv = randomValues(r, probe.size);
      const label = `x${T.fmt(x)} ${JSON.stringify(attrs)}`;
      expectParity(() => T.runKernel('MaxPool', { x: T.tensor(xv, x) }, attrs), {
        label: `MaxPool ${label}`,
        ranOnWasm: ['MaxPool'],
      });
      expectParity(() => T.runKernel('MaxPoolGrad', { dy: T.tensor(dyv, probe.shape), x: T.tensor(xv, x) }, attrs), {
        rtol: 1e-6,
        atol: 1e-6,
        label: `MaxPoolGrad ${label}`,
        ranOnWasm: ['MaxPoolGrad'],
      });
      probe.dispose();
    }
  });

  test('tiling windows (stride = pool, no padding): ties, NaN, signed zeros, uncovered edges', () => {
    const r = T.randomSource(11);
    const special = [Number.NaN, 0, -0, Number.NEGATIVE_INFINITY];
    for (let i = 0; i < 30; i++) {
      // Every third case is the 2x2 window, which has its own loop (odd sizes included).
      const p = i % 3 === 0 ? [2, 2] : [randInt(r, 1, 3), randInt(r, 1, 3)];
      const x = [randInt(r, 1, 3), randInt(r, p[0], 9), randInt(r, p[1], 9), [1, 3, 4, 5, 17, 32, 8][i % 7]];
      const attrs = { poolSize: p, strides: p, pad: [0, 0, 0, 0] };
      const xv = randomValues(r, T.sizeOf(x), 0, 3).map(Math.floor);
      for (let j = i % 5; j < xv.length; j += 13) xv[j] = special[j % 4];
      const probe = T.runKernel('MaxPool', { x: T.tensor(xv, x) }, attrs);
      const dyv = randomValues(r, probe.size);
      // A used heap block first, so stale values would show if a cell were left unwritten.
      T.dispose(T.ones([T.sizeOf(x)]).mul(7));
      expectParity(() => T.runKernel('MaxPool', { x: T.tensor(xv, x) }, attrs), {
        label: `MaxPool tiled x${T.fmt(x)} pool ${p}`,
        ranOnWasm: ['MaxPool'],
      });
      expectParity(() => T.runKernel('MaxPoolGrad', { dy: T.tensor(dyv, probe.shape), x: T.tensor(xv, x) }, attrs), {
        rtol: 0,
        atol: 0,
        label: `MaxPoolGrad tiled x${T.fmt(x)} pool ${p}`,
        ranOnWasm: ['MaxPoolGrad'],
      });
      probe.dispose();
    }
  });

  test('NaN wins the window; zero-size batch gives empty results', () => {
    const x = T.tensor([1, Number.NaN, 3, 4], [1, 2, 2, 1]);
    expect(T.maxPool2d(x, { poolSize: 2 }).dataSync()[0]).toBeNaN();
    expectParity(() => T.maxPool2d(T.zeros([0, 4, 4, 2]), { poolSize: 2 }), { label: 'empty', ranOnWasm: ['MaxPool'] });
  });

  test("'same' padding through the op and its gradient", () => {
    const xv = randomValues(T.randomSource(2), 2 * 7 * 5 * 3);
    expectParity(() => T.maxPool2d(T.tensor(xv, [2, 7, 5, 3]), { poolSize: 3, strides: 2, padding: 'same' }), {
      label: 'same',
      ranOnWasm: ['MaxPool'],
    });
  });
});
