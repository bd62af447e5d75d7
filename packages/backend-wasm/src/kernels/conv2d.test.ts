import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectParity, pick, randInt, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

interface ConvCase {
  x: number[];
  f: number[];
  strides: [number, number];
  dilations: [number, number];
  pad: [number, number, number, number];
}

const outSize = (size: number, k: number, s: number, d: number, before: number, after: number) =>
  Math.max(0, Math.floor((size + before + after - (k - 1) * d - 1) / s) + 1);

/** Checks the three convolution kernels on one geometry, called through runKernel with explicit attrs. */
function checkConv(c: ConvCase, seed: number) {
  const [n, h, w, ci] = c.x;
  const [kh, kw, , o] = c.f;
  const [pt, pb, pl, pr] = c.pad;
  const oh = outSize(h, kh, c.strides[0], c.dilations[0], pt, pb);
  const ow = outSize(w, kw, c.strides[1], c.dilations[1], pl, pr);
  const dyShape = [n, oh, ow, o];
  const r = T.randomSource(seed);
  const xv = randomValues(r, T.sizeOf(c.x));
  const fv = randomValues(r, T.sizeOf(c.f));
  const dyv = randomValues(r, T.sizeOf(dyShape));
  const attrs = { strides: c.strides, pad: c.pad, dilations: c.dilations };
  const label = `x${T.fmt(c.x)} f${T.fmt(c.f)} strides ${c.strides} dilations ${c.dilations} pad ${c.pad}`;
  const k = kh * kw * ci;
  const pixels = n * oh * ow;
  expectParity(() => T.runKernel('Conv2D', { x: T.tensor(xv, c.x), filter: T.tensor(fv, c.f) }, attrs), {
    rtol: 1e-4,
    atol: 2e-6 * Math.sqrt(Math.max(k, 1)),
    label: `Conv2D ${label}`,
    ranOnWasm: ['Conv2D'],
  });
  const bv = randomValues(r, o);
  for (const [withBias, activation] of [
    [true, 'relu'],
    [true, 'linear'],
    [false, 'relu'],
  ] as const) {
    const inputs = () => ({
      x: T.tensor(xv, c.x),
      filter: T.tensor(fv, c.f),
      ...(withBias ? { bias: T.tensor(bv, [o]) } : {}),
    });
    expectParity(() => T.runKernel('FusedConv2D', inputs(), { ...attrs, activation }), {
      rtol: 1e-4,
      atol: 2e-6 * Math.sqrt(Math.max(k, 1)),
      label: `FusedConv2D ${activation}${withBias ? ' + bias' : ''} ${label}`,
      ranOnWasm: ['FusedConv2D'],
    });
  }
  expectParity(
    () =>
      T.runKernel(
        'Conv2DBackpropInput',
        { dy: T.tensor(dyv, dyShape), filter: T.tensor(fv, c.f) },
        { ...attrs, inputShape: c.x },
      ),
    {
      rtol: 1e-4,
      atol: 2e-6 * Math.sqrt(Math.max(kh * kw * o, 1)),
      label: `Conv2DBackpropInput ${label}`,
      ranOnWasm: ['Conv2DBackpropInput'],
    },
  );
  expectParity(
    () =>
      T.runKernel(
        'Conv2DBackpropFilter',
        { x: T.tensor(xv, c.x), dy: T.tensor(dyv, dyShape) },
        { ...attrs, filterShape: c.f },
      ),
    {
      rtol: 1e-4,
      atol: 2e-6 * Math.sqrt(Math.max(pixels, 1)),
      label: `Conv2DBackpropFilter ${label}`,
      ranOnWasm: ['Conv2DBackpropFilter'],
    },
  );
}

describe('Conv2D and its gradients on wasm agree with cpu', () => {
  test('the course example: 3x3 image, 2x2 ones, valid', () => {
    const image = T.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    expect(T.conv2d(image, T.ones([2, 2, 1, 1]), { padding: 'valid' }).arraySync()).toEqual([
      [
        [[12], [16]],
        [[24], [28]],
      ],
    ]);
  });

  test('random geometries: strides, dilations, every padding, odd channel counts', () => {
    const r = T.randomSource(3);
    for (let i = 0; i < 40; i++) {
      const c: ConvCase = {
        x: [randInt(r, 1, 3), randInt(r, 1, 9), randInt(r, 1, 9), pick(r, [1, 2, 3, 5, 8, 17])],
        f: [randInt(r, 1, 3), randInt(r, 1, 3), 0, pick(r, [1, 3, 4, 16, 17])],
        strides: [randInt(r, 1, 3), randInt(r, 1, 3)],
        dilations: [randInt(r, 1, 2), randInt(r, 1, 2)],
        pad: [randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2), randInt(r, 0, 2)],
      };
      c.f[2] = c.x[3];
      checkConv(c, 500 + i);
    }
  });

  test('1x1 pointwise convolutions use x as the im2col matrix', () => {
    checkConv({ x: [2, 5, 7, 6], f: [1, 1, 6, 9], strides: [1, 1], dilations: [1, 1], pad: [0, 0, 0, 0] }, 1);
    checkConv({ x: [2, 5, 7, 6], f: [1, 1, 6, 9], strides: [2, 2], dilations: [1, 1], pad: [0, 0, 0, 0] }, 2);
  });

  test('the benchmark shapes, scaled down, across several im2col chunks', () => {
    checkConv({ x: [8, 28, 28, 1], f: [3, 3, 1, 32], strides: [1, 1], dilations: [1, 1], pad: [1, 1, 1, 1] }, 3);
    checkConv({ x: [4, 14, 14, 32], f: [3, 3, 32, 64], strides: [1, 1], dilations: [1, 1], pad: [1, 1, 1, 1] }, 4);
  });

  test('one-channel 3-wide unpadded filters (the direct filter-gradient loop): strides, row dilation', () => {
    const cases: [number[], number[], [number, number], [number, number]][] = [
      [
        [3, 28, 28, 1],
        [3, 3, 1, 32],
        [1, 1],
        [1, 1],
      ],
      [
        [2, 9, 11, 1],
        [3, 3, 1, 8],
        [2, 1],
        [1, 1],
      ],
      [
        [2, 10, 7, 1],
        [2, 3, 1, 16],
        [1, 2],
        [2, 1],
      ],
      [
        [1, 5, 3, 1],
        [5, 3, 1, 24],
        [1, 1],
        [1, 1],
      ],
    ];
    cases.forEach(([x, f, strides, dilations], i) => {
      checkConv({ x, f, strides, dilations, pad: [0, 0, 0, 0] }, 40 + i);
    });
  });

  test('zero-size batch, channels and windows larger than the input', () => {
    checkConv({ x: [0, 4, 4, 2], f: [2, 2, 2, 3], strides: [1, 1], dilations: [1, 1], pad: [0, 0, 0, 0] }, 5);
    checkConv({ x: [2, 4, 4, 0], f: [2, 2, 0, 3], strides: [1, 1], dilations: [1, 1], pad: [0, 0, 0, 0] }, 6);
    checkConv({ x: [2, 4, 4, 2], f: [2, 2, 2, 0], strides: [1, 1], dilations: [1, 1], pad: [0, 0, 0, 0] }, 7);
    checkConv({ x: [1, 2, 2, 1], f: [3, 3, 1, 2], strides: [1, 1], dilations: [1, 1], pad: [0, 0, 0, 0] }, 8);
  });

  test("the conv2d op's 'same' padding and strides reach the kernel", () => {
    const r = T.randomSource(9);
    const xv = randomValues(r, 2 * 7 * 6 * 3);
    const fv = randomValues(r, 3 * 3 * 3 * 5);
    for (const strides of [1, 2] as const) {
      expectParity(
        () => T.conv2d(T.tensor(xv, [2, 7, 6, 3]), T.tensor(fv, [3, 3, 3, 5]), { padding: 'same', strides }),
        {
          rtol: 1e-4,
          atol: 1e-5,
          label: `conv2d same strides ${strides}`,
          ranOnWasm: ['Conv2D'],
        },
      );
    }
  });
});
