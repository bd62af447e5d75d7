import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { scalingRegularizationChapter } from './scaling-regularization.js';

test('chapter 3: standardization, scaling helps, regularization shrinks weights, k-fold', async () => {
  const r = await scalingRegularizationChapter();
  // z = (x − μ) / s with the population s, as the course's formula: sugar μ = 14/3, s = 2.494.
  const sugar = r['apples standardized (sugar)'] as number[];
  const mu = 14 / 3;
  const s = Math.sqrt(((4 - mu) ** 2 + (8 - mu) ** 2 + (2 - mu) ** 2) / 3);
  for (const [i, z] of sugar.entries()) expect(z).toBeCloseTo(([4, 8, 2][i] - mu) / s, 5);
  // weight μ = 573.33, s = 92.85: (540, 700, 480) -> (−0.359, 1.364, −1.005).
  const weight = r['apples standardized (weight)'] as number[];
  expect(weight.map((z) => Number(z.toFixed(3)))).toEqual([-0.359, 1.364, -1.005]);
  expect(r['validation accuracy, standardized']).toBeGreaterThanOrEqual(0.95);
  expect(r['validation accuracy, standardized']).toBeGreaterThan(r['validation accuracy, raw features'] as number);
  expect(r['|w|₁ with L1 α = 0.01']).toBeLessThan(r['|w|₁ without regularization'] as number);
  expect(r['‖w‖₂ with L2 α = 0.1']).toBeLessThan(r['‖w‖₂ without regularization'] as number);
  expect((r['10-fold cross-validation scores'] as number[]).length).toBe(10);
  expect(r['10-fold cross-validation mean']).toBeGreaterThanOrEqual(0.95);
});

test('chapter 3: the logistic unit gives NumPy’s accuracies and weight norms on the same rows', async () => {
  const golden = JSON.parse(readFileSync(new URL('../../fixtures/course-2-4.json', import.meta.url), 'utf8'))[
    'scaling-regularization'
  ];
  const r = await scalingRegularizationChapter();
  const pairs: [string, string][] = [
    ['validation accuracy, raw features', 'validation accuracy, raw features'],
    ['validation accuracy, standardized', 'validation accuracy, standardized'],
    ['|w|₁ without regularization', '|w|1 without regularization'],
    ['|w|₁ with L1 α = 0.01', '|w|1 with L1 0.01'],
    ['‖w‖₂ with L2 α = 0.1', '|w|2 with L2 0.1'],
    ['‖w‖₂ without regularization', '|w|2 without regularization'],
    ['validation accuracy with L1', 'validation accuracy with L1'],
    ['validation accuracy with L2', 'validation accuracy with L2'],
  ];
  for (const [horn, numpy] of pairs) expect(r[horn] as number, horn).toBeCloseTo(golden[numpy], 3);
});
