import { listBackends } from '@horn/tensor';
import { expect, test } from 'vitest';
import {
  getRegisteredClass,
  Layer,
  layerCases,
  registeredClassNames,
  SKIPPED_LAYERS,
  sameWeightsParity,
} from '../index.js';

test('the cases cover every registered layer class', () => {
  const layerNames = new Set(
    registeredClassNames()
      .map((name) => getRegisteredClass(name))
      .filter((cls) => (cls as unknown as { prototype: unknown }).prototype instanceof Layer)
      .map((cls) => cls.className),
  );
  const covered = new Set(layerCases().map((k) => k.cls.className));
  const missing = [...layerNames].filter((n) => !covered.has(n) && !(n in SKIPPED_LAYERS));
  expect(missing).toEqual([]);
  expect(layerNames.size).toBeGreaterThan(50);
});

test('sameWeightsParity on cpu against itself finds nothing, and reports the kernels it ran', () => {
  expect(listBackends()).toEqual(['cpu']);
  const dense = layerCases().find((k) => k.label === 'Dense')!;
  const { problems, kernels } = sameWeightsParity(dense, 'cpu', 0);
  expect(problems).toEqual([]);
  expect(kernels.map((k) => k.name)).toContain('BatchMatMul');
});
