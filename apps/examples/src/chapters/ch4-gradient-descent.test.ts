import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { run } from './ch4-gradient-descent.js';
import { CourseNetwork, standardizedBreastCancer } from './ch4-network.js';

const golden: Record<string, { accuracy: number; loss: number }> = JSON.parse(
  readFileSync(new URL('../../fixtures/course-2-4.json', import.meta.url), 'utf8'),
)['gradient-descent'];

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test('4.2–4.4 (short mode): every run gives NumPy’s validation accuracy and training loss', async () => {
  const r = await run({ short: true });
  const keys = Object.keys(r).filter((k) => k.endsWith(': accuracy'));
  expect(keys.length).toBe(6);
  for (const key of keys) {
    const name = key.slice(0, -': accuracy'.length);
    expect(golden[name], name).toBeDefined();
    expect(r[key], key).toBeCloseTo(golden[name].accuracy, 6);
    expect(r[`${name}: loss`] as number, name).toBeCloseTo(golden[name].loss, 4);
  }
});

test('a small full-batch step of the two-layer network lowers the loss (its gradient points downhill)', () => {
  const { xTrain, yTrain } = standardizedBreastCancer();
  const x = xTrain.slice([0, 0], [8, 30]);
  const y = yTrain.slice([0], [8]);
  const before = new CourseNetwork({ units: 3, initSeed: 1, learningRate: 1e-3 }).fit(x, y, 0);
  const after = new CourseNetwork({ units: 3, initSeed: 1, learningRate: 1e-3 }).fit(x, y, 1);
  expect(after.loss(x, y)).toBeLessThan(before.loss(x, y));
});

test('bad options are refused by name', () => {
  expect(() => new CourseNetwork({ batchSize: 0 })).toThrow('batchSize must be an integer >= 1, got 0');
  expect(() => new CourseNetwork({ units: 1.5 })).toThrow('units must be an integer >= 0, got 1.5');
  expect(() =>
    new CourseNetwork().train(standardizedBreastCancer().xTrain, standardizedBreastCancer().yTrain, 1),
  ).toThrow('call fit first');
});
