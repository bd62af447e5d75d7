import { describe, expect, test } from 'vitest';
import { logSumExp, range, ShapeError, tensor, ValueError, zeros } from '../index.js';
import { expectClose } from '../test-support/expect-close.js';

const inf = Number.POSITIVE_INFINITY;

describe('logSumExp', () => {
  test('scipy.special.logsumexp results', () => {
    expectClose(logSumExp(tensor([1, 2, 3])), [3.40760596444438]);
    // logsumexp(arange(24).reshape(2,3,4), axis=(0,2))
    expectClose(
      logSumExp(range(24).reshape([2, 3, 4]), [0, 2]),
      [15.440195842754672, 19.440195842754672, 23.440195842754672],
    );
    expectClose(
      logSumExp(range(24).reshape([2, 3, 4]), [-3, -1]),
      [15.440195842754672, 19.440195842754672, 23.440195842754672],
    );
  });

  test('stable for logits of magnitude 1e4', () => {
    // logsumexp([1e4, 1e4]) = 1e4 + ln 2; naive exp(1e4) overflows.
    expectClose(logSumExp(tensor([1e4, 1e4])), [1e4 + Math.LN2]);
    expectClose(
      logSumExp(
        tensor([
          [1, 2, 3],
          [-1e4, 0, 1e4],
        ]),
        1,
      ),
      [3.40760596444438, 1e4],
    );
    expectClose(logSumExp(tensor([-1e4, -1e4])), [-1e4 + Math.LN2], 1e-6);
  });

  test('infinite rows: all -inf gives -inf, any +inf gives +inf', () => {
    const x = tensor([
      [-inf, -inf],
      [0, -inf],
      [inf, 1],
    ]);
    expectClose(logSumExp(x, 1), [-inf, 0, inf]);
  });

  test('keepDims, scalars, zero-size, int32', () => {
    const k = logSumExp(
      tensor([
        [0, 0],
        [1, 1],
      ]),
      -1,
      true,
    );
    expect(k.shape).toEqual([2, 1]);
    expectClose(k, [Math.LN2, 1 + Math.LN2]);
    expectClose(logSumExp(tensor(3)), [3]);
    // Reducing nothing: log(0) = -inf (scipy gives -inf).
    expectClose(logSumExp(zeros([0, 2]), 0), [-inf, -inf]);
    expect(logSumExp(zeros([0, 2]), 1).shape).toEqual([0]);
    const i = logSumExp(tensor([0, 0], [2], 'int32'));
    expect(i.dtype).toBe('float32');
    expectClose(i, [Math.LN2]);
  });

  test('method form', () => {
    expectClose(tensor([1e4, 1e4]).logSumExp(), [1e4 + Math.LN2]);
    expect(tensor([[1, 2]]).logSumExp(0, true).shape).toEqual([1, 2]);
  });

  test('errors name logSumExp', () => {
    expect(() => logSumExp(tensor([1, 2]), 1)).toThrow(ShapeError);
    expect(() => logSumExp(tensor([1, 2]), 1)).toThrow(/logSumExp: axis 1/);
    expect(() => logSumExp(tensor([[1]]), [0, 0])).toThrow(ValueError);
    expect(() => logSumExp(tensor([1]), 0, 1 as unknown as boolean)).toThrow(/logSumExp: keepDims/);
  });
});
