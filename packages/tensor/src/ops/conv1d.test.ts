import { describe, expect, test } from 'vitest';
import {
  type Conv1dOptions,
  conv1d,
  DTypeError,
  ones,
  randomUniform,
  ShapeError,
  type Tensor,
  tensor,
  ValueError,
  zeros,
} from '../index.js';

const seq = () => tensor([1, 2, 3, 4, 5], [5, 1]);
const pairSum = () => tensor([1, 1], [2, 1, 1]);
const flat = (t: Tensor) => [...t.dataSync()];

/** The definition of conv1d on plain arrays, with the padding worked out by the test itself. */
function naiveConv1d(x: Tensor, f: Tensor, options: Conv1dOptions): { values: number[]; shape: number[] } {
  const [n, w, c] = x.shape;
  const [k, , o] = f.shape;
  const s = options.stride ?? 1;
  const d = options.dilation ?? 1;
  const eff = (k - 1) * d + 1;
  const p = options.padding ?? 'valid';
  let left = 0;
  let right = 0;
  if (p === 'causal') left = eff - 1;
  else if (typeof p === 'number') left = right = p;
  else if (p === 'same') {
    const total = Math.max((Math.ceil(w / s) - 1) * s + eff - w, 0);
    left = Math.floor(total / 2);
    right = total - left;
  }
  const ow = Math.floor((w + left + right - eff) / s) + 1;
  const xv = x.dataSync();
  const fv = f.dataSync();
  const values: number[] = [];
  for (let b = 0; b < n; b++)
    for (let t = 0; t < ow; t++)
      for (let oc = 0; oc < o; oc++) {
        let acc = 0;
        for (let j = 0; j < k; j++) {
          const i = t * s - left + j * d;
          if (i < 0 || i >= w) continue;
          for (let ci = 0; ci < c; ci++) acc += xv[(b * w + i) * c + ci] * fv[(j * c + ci) * o + oc];
        }
        values.push(acc);
      }
  return { values, shape: [n, ow, o] };
}

describe('conv1d', () => {
  test('by hand: a [1, 1] filter sums neighbours under each padding', () => {
    expect(flat(conv1d(seq(), pairSum()))).toEqual([3, 5, 7, 9]);
    expect(flat(conv1d(seq(), pairSum(), { padding: 'same' }))).toEqual([3, 5, 7, 9, 5]);
    expect(flat(conv1d(seq(), pairSum(), { padding: 'causal' }))).toEqual([1, 3, 5, 7, 9]);
    expect(flat(conv1d(seq(), pairSum(), { padding: 1 }))).toEqual([1, 3, 5, 7, 9, 5]);
    expect(flat(conv1d(seq(), pairSum(), { stride: 2 }))).toEqual([3, 7]);
    expect(flat(conv1d(seq(), pairSum(), { dilation: 2 }))).toEqual([4, 6, 8]);
    // Causal with dilation 2 pads (2 - 1) * 2 = 2 zeros on the left.
    expect(flat(conv1d(seq(), pairSum(), { padding: 'causal', dilation: 2 }))).toEqual([1, 2, 4, 6, 8]);
  });

  test('shapes: [w, c] stays unbatched, [n, w, c] keeps its batch', () => {
    expect(conv1d(seq(), pairSum()).shape).toEqual([4, 1]);
    expect(conv1d(ones([3, 6, 2]), ones([3, 2, 4]), { padding: 'same' }).shape).toEqual([3, 6, 4]);
    expect(conv1d(zeros([0, 6, 2]), ones([3, 2, 4])).shape).toEqual([0, 4, 4]);
  });

  test.each<Conv1dOptions>([
    {},
    { padding: 'same' },
    { padding: 'same', stride: 2 },
    { padding: 'causal' },
    { padding: 'causal', dilation: 3 },
    { padding: 2, stride: 3 },
    { dilation: 2 },
  ])('matches the naive definition with batch 2, 3 input and 4 output channels: %j', (options) => {
    const x = randomUniform([2, 11, 3], { min: -1, max: 1, seed: 21 });
    const f = randomUniform([3, 3, 4], { min: -1, max: 1, seed: 22 });
    const want = naiveConv1d(x, f, options);
    const got = conv1d(x, f, options);
    expect(got.shape).toEqual(want.shape);
    got.dataSync().forEach((v, i) => {
      expect(v).toBeCloseTo(want.values[i], 4);
    });
  });

  test('errors', () => {
    expect(() => conv1d(ones([5]), pairSum())).toThrow(ShapeError);
    expect(() => conv1d(ones([1, 1, 5, 1]), pairSum())).toThrow(/conv1d: expected 'x' of rank 3/);
    expect(() => conv1d(seq(), ones([2, 1]))).toThrow(/conv1d: expected 'filter' of rank 3/);
    expect(() => conv1d(seq(), ones([0, 1, 1]))).toThrow(ShapeError);
    expect(() => conv1d(ones([5, 2]), pairSum())).toThrow(/conv1d: input \[5,2\] has 2 channels but filter \[2,1,1\]/);
    expect(() => conv1d(seq(), ones([6, 1, 1]))).toThrow(/conv1d: .*larger than the padded input/);
    expect(() => conv1d(seq(), pairSum(), { stride: 0 })).toThrow(/conv1d: stride must be a positive integer/);
    expect(() => conv1d(seq(), pairSum(), { dilation: 1.5 })).toThrow(ValueError);
    expect(() => conv1d(seq(), pairSum(), { stride: 2, dilation: 2 })).toThrow(/conv1d: strides > 1 together/);
    expect(() => conv1d(seq(), pairSum(), { padding: 'full' as 'same' })).toThrow(/conv1d: padding must be/);
    expect(() => conv1d(tensor([true, false], [2, 1]), ones([1, 1, 1]))).toThrow(DTypeError);
  });
});
