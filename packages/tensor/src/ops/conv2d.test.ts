import { describe, expect, test } from 'vitest';
import {
  type Conv2dOptions,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  conv2dTranspose,
  DTypeError,
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

const image = () => tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
const SAME_3X3 = [
  [12, 16, 9],
  [24, 28, 15],
  [15, 17, 9],
];

function rand(shape: number[], seed: number): Tensor {
  return randomUniform(shape, { min: -1, max: 1, seed });
}

/** Float32 sums over many taps: compare at 1e-4. */
const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-4) =>
  expectCloseTo(actual, expected, tol);

function dot(a: Tensor, b: Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** TensorFlow's 'same' rule for one dimension, written out again independently of the library. */
function tfSame(size: number, k: number, stride: number, dilation: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + (k - 1) * dilation + 1 - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

function pair(v: number | readonly [number, number] | undefined): [number, number] {
  if (v === undefined) return [1, 1];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** The definition of conv2d, on plain arrays: a zero-padded input read through every window tap. */
function naiveConv2d(x: Tensor, f: Tensor, options: Conv2dOptions): { values: number[]; shape: number[] } {
  const [n, h, w, c] = x.shape;
  const [kh, kw, , o] = f.shape;
  const [sh, sw] = pair(options.strides);
  const [dh, dw] = pair(options.dilations);
  const p = options.padding ?? 'valid';
  let pads: number[];
  if (p === 'valid') pads = [0, 0, 0, 0];
  else if (p === 'same') pads = [...tfSame(h, kh, sh, dh), ...tfSame(w, kw, sw, dw)];
  else if (typeof p === 'number') pads = [p, p, p, p];
  else pads = [p[0][0], p[0][1], p[1][0], p[1][1]];
  const oh = Math.floor((h + pads[0] + pads[1] - (kh - 1) * dh - 1) / sh) + 1;
  const ow = Math.floor((w + pads[2] + pads[3] - (kw - 1) * dw - 1) / sw) + 1;
  const xv = x.dataSync();
  const fv = f.dataSync();
  const at = (b: number, i: number, j: number, ci: number) =>
    i < 0 || i >= h || j < 0 || j >= w ? 0 : xv[((b * h + i) * w + j) * c + ci];
  const values: number[] = [];
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let oc = 0; oc < o; oc++) {
          let s = 0;
          for (let u = 0; u < kh; u++)
            for (let v = 0; v < kw; v++)
              for (let ci = 0; ci < c; ci++)
                s +=
                  at(b, i * sh - pads[0] + u * dh, j * sw - pads[2] + v * dw, ci) *
                  fv[((u * kw + v) * c + ci) * o + oc];
          values.push(s);
        }
  return { values, shape: [n, oh, ow, o] };
}

interface Case {
  x: number[];
  f: number[];
  options: Conv2dOptions;
}

const cases: Case[] = [
  { x: [1, 5, 5, 1], f: [3, 3, 1, 1], options: {} },
  // inC of 5 and 8: the kernels take input channels four at a time, then the rest one by one.
  { x: [2, 5, 6, 5], f: [3, 3, 5, 3], options: { padding: 'same' } },
  { x: [1, 6, 7, 8], f: [2, 3, 8, 2], options: { strides: 2, padding: 'same' } },
  { x: [2, 7, 6, 3], f: [3, 2, 3, 4], options: { padding: 'same' } },
  { x: [3, 7, 5, 2], f: [3, 3, 2, 5], options: { padding: 'same', strides: 2 } },
  { x: [2, 8, 9, 3], f: [2, 4, 3, 2], options: { padding: 'same', strides: [3, 2] } },
  { x: [2, 6, 7, 2], f: [4, 4, 2, 3], options: { padding: 'same', strides: 2 } },
  { x: [1, 9, 8, 2], f: [3, 2, 2, 3], options: { padding: 'same', dilations: [2, 3] } },
  { x: [2, 9, 9, 3], f: [3, 3, 3, 2], options: { padding: 'valid', dilations: 2 } },
  { x: [2, 7, 8, 2], f: [3, 3, 2, 3], options: { padding: 'valid', strides: [2, 3] } },
  { x: [2, 5, 6, 3], f: [3, 3, 3, 2], options: { padding: 1 } },
  { x: [1, 5, 4, 2], f: [2, 3, 2, 2], options: { padding: 2, strides: 2 } },
  {
    x: [2, 6, 5, 2],
    f: [3, 2, 2, 3],
    options: {
      padding: [
        [0, 2],
        [3, 1],
      ],
      strides: [1, 2],
    },
  },
  {
    x: [1, 7, 7, 1],
    f: [2, 2, 1, 2],
    options: {
      padding: [
        [1, 0],
        [0, 1],
      ],
      dilations: 3,
    },
  },
];

function describeCase(c: Case): string {
  return `x ${JSON.stringify(c.x)} filter ${JSON.stringify(c.f)} ${JSON.stringify(c.options)}`;
}

describe('conv2d', () => {
  test("course: 3x3 image 1..9, 2x2 kernel of ones, 'valid' and 'same'", () => {
    expect(conv2d(image(), ones([2, 2, 1, 1]), { padding: 'valid' }).arraySync()).toEqual([
      [
        [[12], [16]],
        [[24], [28]],
      ],
    ]);
    const same = conv2d(image(), ones([2, 2, 1, 1]), { padding: 'same' });
    expect(same.shape).toEqual([1, 3, 3, 1]);
    expect(same.reshape([3, 3]).arraySync()).toEqual(SAME_3X3);
  });

  test("course: three filters of weights 1, 10, -1 give three maps, 'same'", () => {
    const taps = [1, 10, -1, 1, 10, -1, 1, 10, -1, 1, 10, -1];
    const y = conv2d(image(), tensor(taps, [2, 2, 1, 3]), { padding: 'same' });
    expect(y.shape).toEqual([1, 3, 3, 3]);
    const maps = y.reshape([3, 3, 3]).transpose([2, 0, 1]).arraySync();
    expect(maps).toEqual([SAME_3X3, SAME_3X3.map((r) => r.map((v) => v * 10)), SAME_3X3.map((r) => r.map((v) => -v))]);
  });

  test('a rank-3 image gets a batch of 1, removed again; int32 inputs compute in float32', () => {
    const y = conv2d(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1], 'int32'), ones([2, 2, 1, 1], 'int32'));
    expect(y.shape).toEqual([2, 2, 1]);
    expect(y.dtype).toBe('float32');
    expect(y.reshape([4]).arraySync()).toEqual([12, 16, 24, 28]);
  });

  test('a number of padding puts that many zeros on every side', () => {
    const y = conv2d(image(), ones([2, 2, 1, 1]), { padding: 1 });
    expect(y.reshape([4, 4]).arraySync()).toEqual([
      [1, 3, 5, 3],
      [5, 12, 16, 9],
      [11, 24, 28, 15],
      [7, 15, 17, 9],
    ]);
  });

  test.each(cases)('matches the naive definition: %#', (c) => {
    const x = rand(c.x, 1);
    const f = rand(c.f, 2);
    const want = naiveConv2d(x, f, c.options);
    const got = conv2d(x, f, c.options);
    expect(got.shape, describeCase(c)).toEqual(want.shape);
    expectClose(got.dataSync(), want.values);
  });

  test('the kernel receives explicit attrs: strides, pad [top, bottom, left, right], dilations', () => {
    const records: KernelRecord[] = [];
    const previous = setRecorder({ record: (r) => records.push(r) });
    try {
      conv2d(ones([1, 5, 6, 2]), ones([3, 3, 2, 4]), { padding: 'same', strides: 2 });
    } finally {
      setRecorder(previous);
    }
    const conv = records.find((r) => r.name === 'Conv2D');
    // h 5: out 3, total 2 -> 1 + 1; w 6: out 3, total 1 -> 0 before, 1 after.
    expect(conv?.attrs).toEqual({ strides: [2, 2], pad: [1, 1, 0, 1], dilations: [1, 1] });
    expect(Object.keys(conv?.inputs ?? {})).toEqual(['x', 'filter']);
    for (const name of ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter']) {
      expect(getKernel(name, 'cpu')).toBeDefined();
    }
  });

  test('zero-size batch and channel dimensions', () => {
    expect(conv2d(zeros([0, 4, 4, 2]), ones([2, 2, 2, 3])).shape).toEqual([0, 3, 3, 3]);
    expect(conv2d(zeros([1, 4, 4, 2]), ones([2, 2, 2, 0])).shape).toEqual([1, 3, 3, 0]);
    const noInput = conv2d(zeros([1, 3, 3, 0]), ones([2, 2, 0, 2]));
    expect(noInput.shape).toEqual([1, 2, 2, 2]);
    expect([...noInput.dataSync()]).toEqual(new Array(8).fill(0));
  });

  test('errors name the op, what was expected and what was given', () => {
    const f = ones([2, 2, 1, 1]);
    expect(() => conv2d(ones([3, 3]), f)).toThrow(ShapeError);
    expect(() => conv2d(ones([1, 1, 3, 3, 1]), f)).toThrow(/conv2d: expected 'x' of rank 4/);
    expect(() => conv2d(image(), ones([2, 2, 1]))).toThrow(/conv2d: expected 'filter' of rank 4/);
    expect(() => conv2d(ones([1, 3, 3, 2]), ones([2, 2, 3, 1]))).toThrow(ShapeError);
    expect(() => conv2d(ones([1, 3, 3, 2]), ones([2, 2, 3, 1]))).toThrow(/\[1,3,3,2\].*\[2,2,3,1\]/);
    expect(() => conv2d(image(), ones([4, 2, 1, 1]))).toThrow(ShapeError);
    expect(() => conv2d(image(), ones([4, 2, 1, 1]))).toThrow(/conv2d: the filter window \[4,2\] is larger/);
    expect(() => conv2d(image(), ones([2, 2, 1, 1]), { dilations: 3 })).toThrow(/larger than the padded input/);
    expect(() => conv2d(image(), ones([0, 2, 1, 1]))).toThrow(ShapeError);
    expect(() => conv2d(image(), f, { strides: 0 })).toThrow(ValueError);
    expect(() => conv2d(image(), f, { strides: [1, -1] })).toThrow(/conv2d: strides must be a positive integer/);
    expect(() => conv2d(image(), f, { strides: 1.5 })).toThrow(ValueError);
    expect(() => conv2d(image(), f, { dilations: 0 })).toThrow(/conv2d: dilations must be a positive integer/);
    expect(() => conv2d(ones([1, 9, 9, 1]), f, { strides: 2, dilations: 2 })).toThrow(ValueError);
    expect(() => conv2d(ones([1, 9, 9, 1]), f, { strides: [1, 2], dilations: [2, 1] })).toThrow(/strides > 1 together/);
    expect(() => conv2d(image(), f, { padding: 'full' as 'same' })).toThrow(/conv2d: padding must be/);
    expect(() => conv2d(image(), f, { padding: -1 })).toThrow(ValueError);
    expect(() =>
      conv2d(image(), f, {
        padding: [
          [0, 1],
          [1, -1],
        ],
      }),
    ).toThrow(ValueError);
    expect(() => conv2d(tensor([true], [1, 1, 1, 1]), ones([1, 1, 1, 1]))).toThrow(DTypeError);
  });
});

describe('conv2d gradients', () => {
  test.each(cases)(
    'adjoint identities <conv2d(x,w), dy> = <x, backpropInput(dy,w)> = <w, backpropFilter(x,dy)>: %#',
    (c) => {
      const x = rand(c.x, 3);
      const f = rand(c.f, 4);
      const y = conv2d(x, f, c.options);
      const dy = rand([...y.shape], 5);
      const dx = conv2dBackpropInput(dy, f, c.x, c.options);
      const df = conv2dBackpropFilter(x, dy, c.f, c.options);
      expect(dx.shape).toEqual(c.x);
      expect(df.shape).toEqual(c.f);
      const lhs = dot(y, dy);
      expect(dot(x, dx), describeCase(c)).toBeCloseTo(lhs, 3);
      expect(dot(f, df), describeCase(c)).toBeCloseTo(lhs, 3);
    },
  );

  test('backprop by hand: the input gradient of a 2x2 ones filter counts the windows covering each cell', () => {
    const dx = conv2dBackpropInput(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]);
    expect(dx.reshape([3, 3]).arraySync()).toEqual([
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ]);
    // dL/dw[u][v] = sum of the window of x each tap saw, with dy = 1: 1+2+4+5, 2+3+5+6, ...
    const df = conv2dBackpropFilter(image(), ones([1, 2, 2, 1]), [2, 2, 1, 1]);
    expect(df.reshape([2, 2]).arraySync()).toEqual([
      [12, 16],
      [24, 28],
    ]);
  });

  test('rank-3 dy and inputShape work without a batch', () => {
    const dx = conv2dBackpropInput(ones([2, 2, 1]), ones([2, 2, 1, 1]), [3, 3, 1]);
    expect(dx.shape).toEqual([3, 3, 1]);
    const df = conv2dBackpropFilter(ones([3, 3, 1]), ones([2, 2, 1]), [2, 2, 1, 1]);
    expect(df.reshape([4]).arraySync()).toEqual([4, 4, 4, 4]);
  });

  test('gradient errors', () => {
    const f = ones([2, 2, 1, 1]);
    expect(() => conv2dBackpropInput(ones([1, 3, 3, 1]), f, [1, 3, 3, 1])).toThrow(ShapeError);
    expect(() => conv2dBackpropInput(ones([1, 3, 3, 1]), f, [1, 3, 3, 1])).toThrow(
      /conv2dBackpropInput: expected dy of shape \[1,2,2,1\]/,
    );
    expect(() => conv2dBackpropInput(ones([1, 2, 2, 1]), f, [3, 3])).toThrow(/inputShape/);
    expect(() => conv2dBackpropInput(ones([2, 2, 1]), f, [1, 3, 3, 1])).toThrow(/rank/);
    expect(() => conv2dBackpropInput(ones([1, 2, 2, 1]), f, [1, 3, 3, 2])).toThrow(/channels/);
    expect(() => conv2dBackpropFilter(ones([1, 3, 3, 1]), ones([1, 2, 2, 2]), [2, 2, 1, 1])).toThrow(
      /conv2dBackpropFilter: expected dy of shape \[1,2,2,1\]/,
    );
    expect(() => conv2dBackpropFilter(ones([1, 3, 3, 1]), ones([1, 2, 2, 1]), [2, 2, 1])).toThrow(ShapeError);
    expect(() => conv2dBackpropFilter(ones([1, 3, 3, 1]), ones([1, 2, 2, 1]), [2, 2, 1, 1], { strides: 0 })).toThrow(
      ValueError,
    );
  });
});

describe('conv2dTranspose', () => {
  test('spreads each input through the filter: ones 2x2 into 3x3', () => {
    const y = conv2dTranspose(ones([1, 2, 2, 1]), ones([2, 2, 1, 1]), [1, 3, 3, 1]);
    expect(y.reshape([3, 3]).arraySync()).toEqual([
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ]);
  });

  test('stride 2 with a 2x2 filter upsamples each value into a block; filter is [kh, kw, outC, inC]', () => {
    const x = tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    const f = tensor([1, 10, 1, 10, 1, 10, 1, 10], [2, 2, 2, 1]);
    const y = conv2dTranspose(x, f, [1, 4, 4, 2], { strides: 2 });
    expect(y.shape).toEqual([1, 4, 4, 2]);
    const first = y.transpose([3, 0, 1, 2]).arraySync() as number[][][][];
    expect(first[0][0]).toEqual([
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [3, 3, 4, 4],
      [3, 3, 4, 4],
    ]);
    expect(first[1][0][3]).toEqual([30, 30, 40, 40]);
  });

  test("'same' with stride 2 maps 2x2 back to 3x3 or 4x4, as outputShape picks", () => {
    expect(
      conv2dTranspose(ones([1, 2, 2, 1]), ones([3, 3, 1, 1]), [1, 3, 3, 1], { strides: 2, padding: 'same' }).shape,
    ).toEqual([1, 3, 3, 1]);
    expect(
      conv2dTranspose(ones([2, 2, 1]), ones([3, 3, 1, 1]), [4, 4, 1], { strides: 2, padding: 'same' }).shape,
    ).toEqual([4, 4, 1]);
    expect(() =>
      conv2dTranspose(ones([1, 2, 2, 1]), ones([3, 3, 1, 1]), [1, 5, 5, 1], { strides: 2, padding: 'same' }),
    ).toThrow(/conv2dTranspose: expected x of shape \[1,3,3,1\]/);
  });
});
