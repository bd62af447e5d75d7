import { expect } from 'vitest';
import { Tensor } from '../tensor.js';

/**
 * Asserts element-wise closeness: `|actual - expected| <= tol * (1 + |expected|)`, with exact
 * equality where the expected value is not finite (NaN, ±Infinity). Test-only.
 * @example expectClose(tensor([0.1 + 0.2]), [0.3])
 */
export function expectClose(actual: Tensor | ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-6): void {
  const got = Array.from(actual instanceof Tensor ? actual.dataSync() : actual);
  expect(got.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (!Number.isFinite(e)) expect(got[i]).toBe(e);
    else if (Math.abs(got[i] - e) > tol * (1 + Math.abs(e))) {
      throw new Error(`element ${i}: got ${got[i]}, expected ${e} (tolerance ${tol})`);
    }
  }
}
