import { describe, expect, test } from 'vitest';
import {
  type Conv2dOptions,
  conv2d,
  DTypeError,
  depthwiseConv2d,
  depthwiseConv2dBackpropFilter,
  depthwiseConv2dBackpropInput,
  getKernel,
  type KernelRecord,
  ones,
  randomUniform,
  ShapeError,
  setRecorder,
  type Tensor,
  tensor,
  ValueError,
  zeros,
} from '../index.js';
import { expectClose as expectCloseTo } from '../test-support/expect-close.js';

function rand(shape: number[], seed: number): Tensor {
  return randomUniform(shape, { min: -1, max: 1, seed });
}

function dot(a: Tensor, b: Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** Float32 sums over many taps: compare at 1e-4. */
const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-4) =>
  expectCloseTo(actual, expected, tol);

/**
 * A second computation of depthwiseConv2d: conv2d of each input channel alone with its
 * [kh, kw, 1, multiplier] slice of the filter, the results interleaved as channel c * m + k.
 */
function perChannelConv(x: Tensor, f: Tensor, options: Conv2dOptions): { values: number[]; shape: number[] } {
  const [, , , c] = x.shape;
  const [, , , m] = f.shape;
  const maps = [];
  for (let ci = 0; ci < c; ci++) {
    const xc = x.slice([0, 0, 0, ci], [-1, -1, -1, 1]);
    const fc = f.slice([0, 0, ci, 0], [-1, -1, 1, -1]);
    maps.push(conv2d(xc, fc, options));
  }
  const [n, oh, ow] = maps[0].shape;
  const data = maps.map((t) => t.dataSync());
  const values: number[] = [];
  for (let p = 0; p < n * oh * ow; p++)
    for (let ci = 0; ci < c; ci++) for (let k = 0; k < m; k++) values.push(data[ci][p * m + k]);
  return { values, shape: [n, oh, ow, c * m] };
}

const cases: { x: number[]; f: number[]; options: Conv2dOptions }[] = [
  { x: [1, 4, 4, 1], f: [2, 2, 1, 1], options: {} },
  { x: [2, 6, 5, 3], f: [3, 3, 3, 2], options: { padding: 'same' } },
  { x: [2, 7, 7, 2], f: [3, 2, 2, 3], options: { padding: 'same', strides: 2 } },
  { x: [1, 8, 7, 2], f: [2, 3, 2, 1], options: { padding: 'valid', dilations: [2, 1] } },
  { x: [2, 5, 6, 3], f: [3, 3, 3, 1], options: { padding: 1, strides: [1, 2] } },
  {
    x: [1, 5, 5, 2],
    f: [2, 2, 2, 2],
    options: {
      padding: [
        [2, 0],
        [1, 1],
      ],
    },
  },
];

describe('depthwiseConv2d', () => {
  test('each channel sees only its own filters; outputs are inC * multiplier channels', () => {
    // Channel 0 is 1..9, channel 1 is 10 * (1..9); multiplier 2 with weights 1 and -1 on channel 0, 0.5 and 2 on channel 1.
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const x = tensor(
      a.flatMap((v) => [v, 10 * v]),
      [1, 3, 3, 2],
    );
    const tap = [1, -1, 0.5, 2];
    const f = tensor([...tap, ...tap, ...tap, ...tap], [2, 2, 2, 2]);
    const y = depthwiseConv2d(x, f);
    expect(y.shape).toEqual([1, 2, 2, 4]);
    // Window sums of channel 0: 12, 16, 24, 28.
    expect(y.reshape([4, 4]).arraySync()).toEqual([
      [12, -12, 60, 240],
      [16, -16, 80, 320],
      [24, -24, 120, 480],
      [28, -28, 140, 560],
    ]);
  });

  test.each(cases)('matches per-channel conv2d: %#', (c) => {
    const x = rand(c.x, 11);
    const f = rand(c.f, 12);
    const want = perChannelConv(x, f, c.options);
    const got = depthwiseConv2d(x, f, c.options);
    expect(got.shape).toEqual(want.shape);
    expectClose(got.dataSync(), want.values);
  });

  test('with one input channel it is conv2d; rank 3 images work; attrs are explicit', () => {
    const x = rand([5, 5, 1], 13);
    const f = rand([3, 3, 1, 4], 14);
    const y = depthwiseConv2d(x, f, { padding: 'same' });
    expect(y.shape).toEqual([5, 5, 4]);
    expectClose(y.dataSync(), conv2d(x, f, { padding: 'same' }).dataSync());
    const records: KernelRecord[] = [];
    const previous = setRecorder({ record: (r) => records.push(r) });
    try {
      depthwiseConv2d(ones([1, 4, 4, 2]), ones([3, 3, 2, 1]), { padding: 'same', strides: 2 });
    } finally {
      setRecorder(previous);
    }
    const rec = records.find((r) => r.name === 'DepthwiseConv2dNative');
    expect(rec?.attrs).toEqual({ strides: [2, 2], pad: [0, 1, 0, 1], dilations: [1, 1] });
    for (const name of [
      'DepthwiseConv2dNative',
      'DepthwiseConv2dNativeBackpropInput',
      'DepthwiseConv2dNativeBackpropFilter',
    ]) {
      expect(getKernel(name, 'cpu')).toBeDefined();
    }
  });

  test('zero-size batch and multiplier', () => {
    expect(depthwiseConv2d(zeros([0, 3, 3, 2]), ones([2, 2, 2, 1])).shape).toEqual([0, 2, 2, 2]);
    expect(depthwiseConv2d(zeros([1, 3, 3, 2]), ones([2, 2, 2, 0])).shape).toEqual([1, 2, 2, 0]);
  });

  test('errors', () => {
    expect(() => depthwiseConv2d(ones([3, 3]), ones([2, 2, 1, 1]))).toThrow(ShapeError);
    expect(() => depthwiseConv2d(ones([1, 3, 3, 2]), ones([2, 2, 1, 1]))).toThrow(
      /depthwiseConv2d: input \[1,3,3,2\] has 2 channels but filter \[2,2,1,1\]/,
    );
    expect(() => depthwiseConv2d(ones([1, 3, 3, 1]), ones([2, 2, 1]))).toThrow(/rank 4 \[kh, kw, inC, multiplier\]/);
    expect(() => depthwiseConv2d(ones([1, 3, 3, 1]), ones([4, 4, 1, 1]))).toThrow(/larger than the padded input/);
    expect(() => depthwiseConv2d(ones([1, 3, 3, 1]), ones([2, 2, 1, 1]), { strides: 0 })).toThrow(ValueError);
    expect(() => depthwiseConv2d(ones([1, 9, 9, 1]), ones([2, 2, 1, 1]), { strides: 2, dilations: 2 })).toThrow(
      /depthwiseConv2d: strides > 1 together/,
    );
    expect(() => depthwiseConv2d(tensor([true], [1, 1, 1, 1]), ones([1, 1, 1, 1]))).toThrow(DTypeError);
    expect(() => depthwiseConv2dBackpropInput(ones([1, 3, 3, 2]), ones([2, 2, 2, 1]), [1, 3, 3, 2])).toThrow(
      /depthwiseConv2dBackpropInput: expected dy of shape \[1,2,2,2\]/,
    );
    expect(() => depthwiseConv2dBackpropFilter(ones([1, 3, 3, 2]), ones([1, 2, 2, 1]), [2, 2, 2, 1])).toThrow(
      /depthwiseConv2dBackpropFilter: expected dy of shape \[1,2,2,2\]/,
    );
  });
});

describe('depthwiseConv2d gradients', () => {
  test.each(cases)('adjoint identities with backpropInput and backpropFilter: %#', (c) => {
    const x = rand(c.x, 15);
    const f = rand(c.f, 16);
    const y = depthwiseConv2d(x, f, c.options);
    const dy = rand([...y.shape], 17);
    const dx = depthwiseConv2dBackpropInput(dy, f, c.x, c.options);
    const df = depthwiseConv2dBackpropFilter(x, dy, c.f, c.options);
    expect(dx.shape).toEqual(c.x);
    expect(df.shape).toEqual(c.f);
    const lhs = dot(y, dy);
    expect(dot(x, dx)).toBeCloseTo(lhs, 3);
    expect(dot(f, df)).toBeCloseTo(lhs, 3);
  });

  test('rank-3 gradients', () => {
    const dx = depthwiseConv2dBackpropInput(ones([2, 2, 1]), ones([2, 2, 1, 1]), [3, 3, 1]);
    expect(dx.reshape([3, 3]).arraySync()).toEqual([
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ]);
    const df = depthwiseConv2dBackpropFilter(
      tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1]),
      ones([2, 2, 1]),
      [2, 2, 1, 1],
    );
    expect(df.reshape([4]).arraySync()).toEqual([12, 16, 24, 28]);
  });
});
