import { Tensor } from '@horn/tensor';
import { expect } from 'vitest';

/**
 * Asserts that a tensor holds the expected numbers (flat, nested, or another tensor's) within `atol + rtol * |expected|`.
 * @example expectClose(meanSquaredError([[0, 1]], [[1, 1]]), [0.5]);
 */
export function expectClose(
  actual: Tensor,
  expected: number | readonly unknown[] | Tensor,
  atol = 1e-5,
  rtol = 1e-5,
): void {
  const want =
    expected instanceof Tensor
      ? Array.from(expected.dataSync())
      : typeof expected === 'number'
        ? [expected]
        : (expected.flat(Number.POSITIVE_INFINITY) as number[]);
  const got = Array.from(actual.dataSync());
  expect(got.length, `size of ${actual.toString()}`).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const ok = Math.abs(got[i] - want[i]) <= atol + rtol * Math.abs(want[i]);
    expect(ok, `element ${i}: got ${got[i]}, expected ${want[i]}`).toBe(true);
  }
}
