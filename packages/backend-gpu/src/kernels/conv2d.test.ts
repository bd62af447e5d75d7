import * as T from '@horn/tensor';
import { beforeAll, expect, test } from 'vitest';
import { expectParity, randInt, randomValues, setUpGpu } from '../test-support/parity.js';
import { windowOut } from './window.js';

beforeAll(async () => {
  await setUpGpu();
});

interface Case {
  x: number[];
  filter: number[];
  attrs: { strides: number[]; pad: number[]; dilations: number[] };
  y: number[];
}

/** Random convolution geometry: odd sizes, strides 1-3, dilations 1-2, asymmetric pads 0-2. */
function randomCase(r: T.Random): Case {
  for (;;) {
    const x = [randInt(r, 1, 2), randInt(r, 1, 8), randInt(r, 1, 8), randInt(r, 1, 5)];
    const filter = [randInt(r, 1, 3), randInt(r, 1, 3), x[3], randInt(r, 1, 4)];
    const strides = [randInt(r, 1, 3), randInt(r, 1, 3)];
    const dilations = [randInt(r, 1, 2), randInt(r, 1, 2)];
    const pad = [randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2)];
    const oh = windowOut(x[1], filter[0], strides[0], dilations[0], pad[0], pad[1]);
    const ow = windowOut(x[2], filter[1], strides[1], dilations[1], pad[2], pad[3]);
    if (oh > 0 && ow > 0) return { x, filter, attrs: { strides, pad, dilations }, y: [x[0], oh, ow, filter[3]] };
  }
}

test('Conv2D matches cpu over strides, dilations and paddings', () => {
  const r = T.randomSource(21);
  for (let trial = 0; trial < 14; trial++) {
    const c = randomCase(r);
    const xv = randomValues(r, T.sizeOf(c.x));
    const fv = randomValues(r, T.sizeOf(c.filter));
    expectParity(() => T.runKernel('Conv2D', { x: T.tensor(xv, c.x), filter: T.tensor(fv, c.filter) }, c.attrs), {
      label: `conv2d x${T.fmt(c.x)} f${T.fmt(c.filter)} ${JSON.stringify(c.attrs)}`,
      ranOnGpu: ['Conv2D'],
    });
  }
});

test('Conv2DBackpropInput matches cpu', () => {
  const r = T.randomSource(22);
  for (let trial = 0; trial < 14; trial++) {
    const c = randomCase(r);
    const dy = randomValues(r, T.sizeOf(c.y));
    const fv = randomValues(r, T.sizeOf(c.filter));
    expectParity(
      () =>
        T.runKernel(
          'Conv2DBackpropInput',
          { dy: T.tensor(dy, c.y), filter: T.tensor(fv, c.filter) },
          { ...c.attrs, inputShape: c.x },
        ),
      {
        label: `conv2d dx x${T.fmt(c.x)} f${T.fmt(c.filter)} ${JSON.stringify(c.attrs)}`,
        ranOnGpu: ['Conv2DBackpropInput'],
      },
    );
  }
});

test('Conv2DBackpropFilter matches cpu', () => {
  const r = T.randomSource(23);
  for (let trial = 0; trial < 14; trial++) {
    const c = randomCase(r);
    const xv = randomValues(r, T.sizeOf(c.x));
    const dy = randomValues(r, T.sizeOf(c.y));
    expectParity(
      () =>
        T.runKernel(
          'Conv2DBackpropFilter',
          { x: T.tensor(xv, c.x), dy: T.tensor(dy, c.y) },
          { ...c.attrs, filterShape: c.filter },
        ),
      {
        label: `conv2d dw x${T.fmt(c.x)} f${T.fmt(c.filter)} ${JSON.stringify(c.attrs)}`,
        ranOnGpu: ['Conv2DBackpropFilter'],
      },
    );
  }
});

test('conv2d op with same and valid padding, and a zero-size batch', () => {
  const r = T.randomSource(24);
  const xv = randomValues(r, 2 * 9 * 7 * 3);
  const fv = randomValues(r, 3 * 3 * 3 * 4);
  for (const padding of ['same', 'valid'] as const) {
    for (const strides of [1, 2]) {
      expectParity(() => T.conv2d(T.tensor(xv, [2, 9, 7, 3]), T.tensor(fv, [3, 3, 3, 4]), { padding, strides }), {
        label: `conv2d ${padding} s${strides}`,
        ranOnGpu: ['Conv2D'],
      });
    }
  }
  expectParity(
    () =>
      T.runKernel(
        'Conv2D',
        { x: T.zeros([0, 4, 4, 2]), filter: T.ones([2, 2, 2, 3]) },
        { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1] },
      ),
    {
      label: 'conv2d empty batch',
      ranOnGpu: ['Conv2D'],
    },
  );
});

test('conv2d reproduces the course: 3x3 image, 2x2 ones, valid', () => {
  const image = T.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
  expect(T.conv2d(image, T.ones([2, 2, 1, 1]), { padding: 'valid' }).arraySync()).toEqual([
    [
      [[12], [16]],
      [[24], [28]],
    ],
  ]);
});
