import { describe, expect, test } from 'vitest';
import { DTypeError, logSoftmax, ShapeError, softmax, tensor, ValueError, zeros } from '../index.js';

function expectClose(actual: unknown, expected: number[], digits = 5): void {
  const a = (actual as number[]).flat(Number.POSITIVE_INFINITY) as number[];
  expect(a.length).toBe(expected.length);
  a.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i], digits);
  });
}

describe('softmax', () => {
  test('course: softmax([2.20, 1.39, 0.85]) is [0.59, 0.26, 0.15] and sums to 1', () => {
    const p = softmax(tensor([2.2, 1.39, 0.85]));
    expectClose(p.arraySync(), [0.59, 0.26, 0.15], 2);
    expect(p.sum().arraySync()).toBeCloseTo(1, 6);
    // exp(2.2) / (exp(2.2) + exp(1.39) + exp(0.85)), by hand
    const e = [Math.exp(2.2), Math.exp(1.39), Math.exp(0.85)];
    const z = e[0] + e[1] + e[2];
    expectClose(p.arraySync(), [e[0] / z, e[1] / z, e[2] / z], 6);
  });

  test('stable for logits of magnitude 1e4: [1e4, 0, -1e4] gives [1, 0, 0], no NaN', () => {
    expect(softmax(tensor([1e4, 0, -1e4])).arraySync()).toEqual([1, 0, 0]);
    expect(softmax(tensor([1e4, 1e4])).arraySync()).toEqual([0.5, 0.5]);
    expect(logSoftmax(tensor([1e4, 0, -1e4])).arraySync()).toEqual([0, -1e4, -2e4]);
  });

  test('along an axis, negative axes, rows sum to 1', () => {
    const x = tensor([
      [1, 2, 3],
      [1, 1, 1],
    ]);
    const rows = softmax(x);
    expectClose(rows.sum(-1).arraySync(), [1, 1], 6);
    expectClose((rows.arraySync() as number[][])[1], [1 / 3, 1 / 3, 1 / 3], 6);
    const cols = softmax(x, 0);
    expectClose(cols.arraySync(), [
      0.5,
      1 / (1 + Math.exp(-1)),
      1 / (1 + Math.exp(-2)),
      0.5,
      1 / (1 + Math.exp(1)),
      1 / (1 + Math.exp(2)),
    ]);
    expect(softmax(x, -2).arraySync()).toEqual(cols.arraySync());
  });

  test('int32 logits give float32 probabilities; a size-1 axis gives ones', () => {
    const p = softmax(tensor([0, 0], undefined, 'int32'));
    expect(p.dtype).toBe('float32');
    expect(p.arraySync()).toEqual([0.5, 0.5]);
    expect(softmax(tensor([[3], [-7]])).arraySync()).toEqual([[1], [1]]);
    expect(softmax(zeros([2, 0])).shape).toEqual([2, 0]);
    expect(logSoftmax(zeros([0, 3])).shape).toEqual([0, 3]);
  });

  test('errors', () => {
    expect(() => softmax(tensor([1, 2]), 1)).toThrow(ShapeError);
    expect(() => softmax(tensor([1, 2]), 1)).toThrow(/softmax: axis 1 is out of bounds/);
    expect(() => logSoftmax(tensor(3))).toThrow(/logSoftmax/);
    expect(() => softmax(tensor([1, 2]), 0.5)).toThrow(ValueError);
    expect(() => softmax(tensor([true, false]))).toThrow(DTypeError);
  });
});

describe('logSoftmax', () => {
  test('x - logSumExp(x): log(1/2) for two equal logits, log of softmax otherwise', () => {
    expectClose(logSoftmax(tensor([0, 0])).arraySync(), [Math.log(0.5), Math.log(0.5)], 6);
    const x = tensor([2.2, 1.39, 0.85]);
    const p = softmax(x).arraySync() as number[];
    expectClose(logSoftmax(x).arraySync(), p.map(Math.log), 5);
    expectClose(
      logSoftmax(
        tensor([
          [1, 2],
          [3, 5],
        ]),
        0,
      ).arraySync(),
      [-Math.log1p(Math.exp(2)), -Math.log1p(Math.exp(3)), -Math.log1p(Math.exp(-2)), -Math.log1p(Math.exp(-3))],
    );
  });
});
