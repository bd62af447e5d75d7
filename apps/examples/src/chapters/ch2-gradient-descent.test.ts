import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { run } from './ch2-gradient-descent.js';

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test('2.2: J = 8, dJ/dw = −8, dJ/db = −4, w = −0.92 after one step; converges to w = 0.6, b = 0.8', async () => {
  const r = await run();
  expect([r['ŷ'], r.J, r['dJ/dw'], r['dJ/db']]).toEqual([-2, 8, -8, -4]);
  expect(r['GradientTape dJ/dw, dJ/db']).toEqual([-8, -4]);
  expect(r['w after one step']).toBeCloseTo(-0.92, 12);
  expect(r['b after one step']).toBeCloseTo(0.04, 12);
  // Each step multiplies the error by 1 − 0.01·(x² + 1) = 0.95: |−4·0.95^k| < 1e-6 first at k = 297.
  expect(r['steps to convergence']).toBe(Math.ceil(Math.log(4e6) / -Math.log(0.95)));
  // The error's sum Σe = −4 / 0.05 = −80 moves w by 0.01·2·80 and b by 0.01·80.
  const [w, b] = r['converged w, b'] as number[];
  expect(w).toBeCloseTo(0.6, 5);
  expect(b).toBeCloseTo(0.8, 5);
});
