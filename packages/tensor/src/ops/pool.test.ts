import { describe, expect, test } from 'vitest';
import {
  avgPool2d,
  avgPool2dBackprop,
  DTypeError,
  getKernel,
  globalAvgPool2d,
  type KernelRecord,
  maxPool2d,
  maxPool2dBackprop,
  ones,
  type Pool2dOptions,
  randomUniform,
  range,
  ShapeError,
  setRecorder,
  type Tensor,
  tensor,
  ValueError,
  zeros,
} from '../index.js';

const course = () =>
  tensor([
    [4, 3],
    [2, 1],
  ]).reshape([1, 2, 2, 1]);

function dot(a: Tensor, b: Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

function pair(v: number | readonly [number, number]): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/**
 * The definition of a pool on plain arrays: for each window, its real cells (padding excluded),
 * reduced by max or mean; also the flat index of each window's first maximum.
 */
function naivePool(x: Tensor, options: Pool2dOptions) {
  const [n, h, w, c] = x.shape;
  const [ph, pw] = pair(options.poolSize);
  const [sh, sw] = pair(options.strides ?? options.poolSize);
  let pt = 0;
  let pl = 0;
  let oh = Math.floor((h - ph) / sh) + 1;
  let ow = Math.floor((w - pw) / sw) + 1;
  if (options.padding === 'same') {
    oh = Math.ceil(h / sh);
    ow = Math.ceil(w / sw);
    pt = Math.floor(Math.max((oh - 1) * sh + ph - h, 0) / 2);
    pl = Math.floor(Math.max((ow - 1) * sw + pw - w, 0) / 2);
  }
  const xv = x.dataSync();
  const max: number[] = [];
  const avg: number[] = [];
  const argmax: number[] = [];
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let ci = 0; ci < c; ci++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          let sum = 0;
          let count = 0;
          for (let u = 0; u < ph; u++)
            for (let v = 0; v < pw; v++) {
              const y = i * sh - pt + u;
              const z = j * sw - pl + v;
              if (y < 0 || y >= h || z < 0 || z >= w) continue;
              const idx = ((b * h + y) * w + z) * c + ci;
              if (at < 0 || xv[idx] > best) {
                best = xv[idx];
                at = idx;
              }
              sum += xv[idx];
              count++;
            }
          max.push(best);
          avg.push(sum / count);
          argmax.push(at);
        }
  return { max, avg, argmax, shape: [n, oh, ow, c] };
}

const cases: { shape: number[]; options: Pool2dOptions }[] = [
  { shape: [1, 4, 4, 1], options: { poolSize: 2 } },
  { shape: [2, 5, 7, 3], options: { poolSize: 2 } },
  { shape: [2, 5, 7, 3], options: { poolSize: 2, padding: 'same' } },
  { shape: [1, 7, 6, 2], options: { poolSize: 3, strides: 2, padding: 'same' } },
  { shape: [2, 6, 8, 2], options: { poolSize: [3, 2], strides: [1, 3], padding: 'valid' } },
  { shape: [3, 5, 5, 1], options: { poolSize: [2, 3], strides: 1, padding: 'same' } },
  { shape: [1, 9, 9, 4], options: { poolSize: 4, strides: 3, padding: 'same' } },
];

describe('maxPool2d and avgPool2d', () => {
  test('course: range(16) as [1,4,4,1], 2x2 stride 2 gives [[5,7],[13,15]]', () => {
    const y = maxPool2d(range(16).reshape([1, 4, 4, 1]), { poolSize: 2, strides: 2 });
    expect(y.arraySync()).toEqual([
      [
        [[5], [7]],
        [[13], [15]],
      ],
    ]);
  });

  test("course: [[4,3],[2,1]] with a 2x2 pool, stride 1: 'valid' [[[[4]]]], 'same' [[4,3],[2,1]]", () => {
    expect(maxPool2d(course(), { poolSize: 2, strides: 1, padding: 'valid' }).arraySync()).toEqual([[[[4]]]]);
    const same = maxPool2d(course(), { poolSize: 2, strides: 1, padding: 'same' });
    expect(same.shape).toEqual([1, 2, 2, 1]);
    expect(same.reshape([2, 2]).arraySync()).toEqual([
      [4, 3],
      [2, 1],
    ]);
  });

  test("avgPool2d averages the real cells only under 'same' (TF): [[1,2],[3,4]] gives [[2.5,3],[3.5,4]]", () => {
    const x = tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    expect(avgPool2d(x, { poolSize: 2 }).arraySync()).toEqual([[[[2.5]]]]);
    expect(avgPool2d(x, { poolSize: 2, strides: 1, padding: 'same' }).reshape([2, 2]).arraySync()).toEqual([
      [2.5, 3],
      [3.5, 4],
    ]);
  });

  test('padded cells never win a max, even against negative values', () => {
    const x = tensor([-4, -3, -2, -1], [1, 2, 2, 1]);
    expect(maxPool2d(x, { poolSize: 2, strides: 1, padding: 'same' }).reshape([4]).arraySync()).toEqual([
      -1, -1, -1, -1,
    ]);
    const explicit = maxPool2d(x, {
      poolSize: 2,
      strides: 1,
      padding: [
        [1, 0],
        [1, 0],
      ],
    });
    // The first window holds one real cell (-4) and three of padding.
    expect(explicit.reshape([2, 2]).arraySync()).toEqual([
      [-4, -3],
      [-2, -1],
    ]);
  });

  test.each(cases)('match the naive definition: %#', ({ shape, options }) => {
    const x = randomUniform(shape, { min: -1, max: 1, seed: 31 });
    const want = naivePool(x, options);
    const mx = maxPool2d(x, options);
    const av = avgPool2d(x, options);
    expect(mx.shape).toEqual(want.shape);
    expect(av.shape).toEqual(want.shape);
    expect([...mx.dataSync()]).toEqual(want.max.map(Math.fround));
    av.dataSync().forEach((v, i) => {
      expect(v).toBeCloseTo(want.avg[i], 5);
    });
  });

  test('dtypes, NaN, -Infinity, rank-3 images, zero-size batch', () => {
    const ints = maxPool2d(range(16, undefined, 1, 'int32').reshape([4, 4, 1]), { poolSize: 2 });
    expect(ints.dtype).toBe('int32');
    expect(ints.shape).toEqual([2, 2, 1]);
    expect(avgPool2d(tensor([1, 2, 3, 4], [2, 2, 1], 'int32'), { poolSize: 2 }).arraySync()).toEqual([[[2.5]]]);
    const special = tensor([1, Number.NaN, 3, 4, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY], [1, 1, 6, 1]);
    expect([...maxPool2d(special, { poolSize: [1, 2] }).dataSync()]).toEqual([Number.NaN, 4, Number.NEGATIVE_INFINITY]);
    expect(maxPool2d(zeros([0, 4, 4, 3]), { poolSize: 2 }).shape).toEqual([0, 2, 2, 3]);
    expect(avgPool2d(zeros([2, 4, 4, 0]), { poolSize: 2 }).shape).toEqual([2, 2, 2, 0]);
  });

  test('kernels get explicit attrs', () => {
    const records: KernelRecord[] = [];
    const previous = setRecorder({ record: (r) => records.push(r) });
    try {
      maxPool2d(ones([1, 5, 5, 1]), { poolSize: 2, padding: 'same' });
    } finally {
      setRecorder(previous);
    }
    expect(records.find((r) => r.name === 'MaxPool')?.attrs).toEqual({
      poolSize: [2, 2],
      strides: [2, 2],
      pad: [0, 1, 0, 1],
    });
    for (const name of ['MaxPool', 'AvgPool', 'MaxPoolGrad', 'AvgPoolGrad'])
      expect(getKernel(name, 'cpu')).toBeDefined();
  });

  test('errors', () => {
    const x = ones([1, 4, 4, 1]);
    expect(() => maxPool2d(ones([4, 4]), { poolSize: 2 })).toThrow(ShapeError);
    expect(() => avgPool2d(ones([4, 4]), { poolSize: 2 })).toThrow(/avgPool2d: expected 'x' of rank 4/);
    expect(() => maxPool2d(x, { poolSize: 0 })).toThrow(/maxPool2d: poolSize must be a positive integer/);
    expect(() => maxPool2d(x, { poolSize: 2, strides: -1 })).toThrow(ValueError);
    expect(() => maxPool2d(x, { poolSize: 5 })).toThrow(/maxPool2d: the pool window \[5,5\] is larger/);
    expect(() => avgPool2d(x, { poolSize: 2, padding: 'full' as 'same' })).toThrow(/avgPool2d: padding must be/);
    expect(() => avgPool2d(x, { poolSize: 2, padding: 2 })).toThrow(/must be smaller than the pool/);
    expect(() => maxPool2d(x, undefined as unknown as Pool2dOptions)).toThrow(ValueError);
    expect(() => maxPool2d(tensor([true], [1, 1, 1, 1]), { poolSize: 1 })).toThrow(DTypeError);
  });
});

describe('pool gradients', () => {
  test.each(cases)('avgPool2dBackprop is the adjoint of avgPool2d: %#', ({ shape, options }) => {
    const x = randomUniform(shape, { min: -1, max: 1, seed: 32 });
    const y = avgPool2d(x, options);
    const dy = randomUniform([...y.shape], { min: -1, max: 1, seed: 33 });
    const dx = avgPool2dBackprop(dy, shape, options);
    expect(dx.shape).toEqual(shape);
    expect(dot(x, dx)).toBeCloseTo(dot(y, dy), 4);
  });

  test.each(cases)('maxPool2dBackprop routes each dy to its window maximum: %#', ({ shape, options }) => {
    const x = randomUniform(shape, { min: -1, max: 1, seed: 34 });
    const y = maxPool2d(x, options);
    const dy = randomUniform([...y.shape], { min: -1, max: 1, seed: 35 });
    const dx = maxPool2dBackprop(dy, x, options);
    const { argmax } = naivePool(x, options);
    const want = new Float64Array(x.size);
    dy.dataSync().forEach((g, i) => {
      want[argmax[i]] += g;
    });
    dx.dataSync().forEach((v, i) => {
      expect(v).toBeCloseTo(want[i], 5);
    });
    // max pooling is linear on each region where the maxima stay put.
    expect(dot(x, dx)).toBeCloseTo(dot(y, dy), 4);
  });

  test('ties go to the first maximum of the window; rank-3 inputs', () => {
    const dx = maxPool2dBackprop(tensor([5], [1, 1, 1, 1]), ones([1, 2, 2, 1]), { poolSize: 2 });
    expect(dx.reshape([2, 2]).arraySync()).toEqual([
      [5, 0],
      [0, 0],
    ]);
    const overlap = maxPool2dBackprop(ones([1, 2, 1]), tensor([1, 9, 2], [1, 3, 1]), { poolSize: [1, 2], strides: 1 });
    expect(overlap.shape).toEqual([1, 3, 1]);
    expect([...overlap.dataSync()]).toEqual([0, 2, 0]);
    const avg = avgPool2dBackprop(tensor([4], [1, 1, 1]), [2, 2, 1], { poolSize: 2 });
    expect([...avg.dataSync()]).toEqual([1, 1, 1, 1]);
  });

  test('gradient errors', () => {
    const x = ones([1, 4, 4, 1]);
    expect(() => maxPool2dBackprop(ones([1, 3, 3, 1]), x, { poolSize: 2 })).toThrow(
      /maxPool2dBackprop: expected dy of shape \[1,2,2,1\]/,
    );
    expect(() => maxPool2dBackprop(ones([2, 2, 1]), x, { poolSize: 2 })).toThrow(ShapeError);
    expect(() => avgPool2dBackprop(ones([1, 3, 3, 1]), [1, 4, 4, 1], { poolSize: 2 })).toThrow(
      /avgPool2dBackprop: expected dy of shape \[1,2,2,1\]/,
    );
    expect(() => avgPool2dBackprop(ones([1, 2, 2, 1]), [4, 4], { poolSize: 2 })).toThrow(/inputShape/);
  });
});

describe('globalAvgPool2d', () => {
  test('the mean over height and width, per channel', () => {
    const x = range(8).reshape([1, 2, 2, 2]);
    expect(globalAvgPool2d(x).arraySync()).toEqual([[3, 4]]);
    expect(globalAvgPool2d(x, true).shape).toEqual([1, 1, 1, 2]);
    expect(globalAvgPool2d(range(8).reshape([2, 2, 2])).arraySync()).toEqual([3, 4]);
    expect(globalAvgPool2d(ones([3, 4, 5, 6], 'int32')).shape).toEqual([3, 6]);
    expect(() => globalAvgPool2d(ones([4, 4]))).toThrow(/globalAvgPool2d: expected 'x' of rank 4/);
  });
});
