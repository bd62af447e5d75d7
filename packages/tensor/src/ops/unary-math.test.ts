import { describe, expect, test } from 'vitest';
import {
  abs,
  ceil,
  exp,
  floor,
  log,
  log1p,
  neg,
  reciprocal,
  round,
  sign,
  sqrt,
  square,
  tensor,
  zeros,
} from '../index.js';
import { expectClose } from '../test-support/expect-close.js';

describe('sign-preserving math keeps int32', () => {
  test('neg, abs, sign, square on float32', () => {
    const x = tensor([-2.5, 0, 3]);
    expect(neg(x).arraySync()).toEqual([2.5, -0, -3]);
    expect(abs(x).arraySync()).toEqual([2.5, 0, 3]);
    expect(sign(tensor([-2.5, 0, 3, Number.NaN])).arraySync()).toEqual([-1, 0, 1, Number.NaN]);
    expect(square(x).arraySync()).toEqual([6.25, 0, 9]);
  });

  test('int32 stays int32, bool becomes int32', () => {
    const x = tensor([-3, 0, 4], [3], 'int32');
    for (const t of [neg(x), abs(x), sign(x), square(x), floor(x), ceil(x), round(x)]) expect(t.dtype).toBe('int32');
    expect(neg(x).arraySync()).toEqual([3, 0, -4]);
    expect(sign(x).arraySync()).toEqual([-1, 0, 1]);
    expect(square(x).arraySync()).toEqual([9, 0, 16]);
    // 70000² overflows int32 and wraps as in NumPy: 4900000000 - 2^32 = 605032704.
    expect(square(tensor([70000], [1], 'int32')).arraySync()).toEqual([605032704]);
    const b = neg(tensor([true, false]));
    expect(b.dtype).toBe('int32');
    expect(b.arraySync()).toEqual([-1, 0]);
  });

  test('shape is kept, including scalars and zero-size', () => {
    expect(abs(tensor(-4)).arraySync()).toBe(4);
    expect(neg(zeros([0, 3])).shape).toEqual([0, 3]);
    expect(exp(zeros([2, 0])).shape).toEqual([2, 0]);
  });
});

describe('float math', () => {
  test('exp, log, log1p, sqrt, reciprocal match NumPy', () => {
    expectClose(exp(tensor([0, 1, -1])), [1, Math.E, 1 / Math.E]);
    expectClose(log(tensor([1, Math.E, 0, -1])), [0, 1, Number.NEGATIVE_INFINITY, Number.NaN]);
    // log1p keeps tiny arguments where log(1 + x) would round to 0.
    expectClose(log1p(tensor([1e-10, 1])), [1e-10, Math.LN2], 1e-6);
    expect(log1p(tensor([1e-10])).dataSync()[0]).toBeGreaterThan(0);
    expectClose(sqrt(tensor([4, 2, -1])), [2, Math.SQRT2, Number.NaN]);
    expectClose(reciprocal(tensor([2, -4, 0])), [0.5, -0.25, Number.POSITIVE_INFINITY]);
  });

  test('int32 and bool input give float32', () => {
    const e = exp(tensor([0, 1], [2], 'int32'));
    expect(e.dtype).toBe('float32');
    expectClose(e, [1, Math.E]);
    expect(sqrt(tensor([true, false])).dtype).toBe('float32');
    expectClose(reciprocal(tensor([4], [1], 'int32')), [0.25]);
  });

  test('floor and ceil', () => {
    expect(floor(tensor([1.7, -1.2, -0.5, 2])).arraySync()).toEqual([1, -2, -1, 2]);
    expect(ceil(tensor([1.2, -1.7, 2])).arraySync()).toEqual([2, -1, 2]);
  });

  test('round halves to even like NumPy', () => {
    // np.round(np.float32([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 3.7])) = [0, 2, 2, -0, -2, -2, 2, 4]
    expect(round(tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 3.7])).arraySync()).toEqual([
      0, 2, 2, -0, -2, -2, 2, 4,
    ]);
  });
});

describe('method form and errors', () => {
  test('methods delegate', () => {
    expect(tensor([1, -2]).abs().arraySync()).toEqual([1, 2]);
    expect(tensor([1, -2]).neg().square().arraySync()).toEqual([1, 4]);
    expect(tensor([2.5]).round().arraySync()).toEqual([2]);
    expectClose(tensor([4]).sqrt().log(), [Math.LN2]);
  });

  test('bad input names the op', () => {
    expect(() => exp('a' as unknown as number)).toThrow(/exp/);
    expect(() => abs([[1, 2], [3]])).toThrow(/abs/);
  });
});
