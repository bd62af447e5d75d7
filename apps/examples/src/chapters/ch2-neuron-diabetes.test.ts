import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Neuron, run } from './ch2-neuron-diabetes.js';

const golden = JSON.parse(readFileSync(new URL('../../fixtures/course-2-4.json', import.meta.url), 'utf8'))[
  'neuron-diabetes'
];

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test("2.3: the course's Neuron on diabetes feature 2 gives NumPy's w and b (100 epochs, and to convergence)", async () => {
  const r = await run();
  expect(r.w).toBeCloseTo(golden['epochs 100'].w, 6);
  expect(r.b).toBeCloseTo(golden['epochs 100'].b, 6);
  expect(r['epochs to convergence']).toBe(golden.converged.epochs);
  expect(r['converged w']).toBeCloseTo(golden.converged.w, 6);
  expect(r['least-squares w']).toBeCloseTo(golden['least squares'].w, 3);
  expect(r['least-squares b']).toBeCloseTo(golden['least squares'].b, 3);
});

test('2.3: one epoch of the Neuron is one update per sample', () => {
  const n = new Neuron();
  n.fit([1, 2], [3, 5], 1);
  // x = 1: ŷ = 2, err = −1 → w = 2, b = 2; x = 2: ŷ = 6, err = 1 → w = 0, b = 1.
  expect([n.w, n.b]).toEqual([0, 1]);
});
