import * as L from '@horn/layers';
import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { setUpGpu } from './test-support/parity.js';

// Every layer class @horn/layers registers (its layerCases; a test there checks they cover them
// all), on cpu and gpu (WebGL2 in headless Chromium):
// runLayerTest (which runs on every registered backend and compares each with cpu to 1e-3),
// then the same layer with the cpu weights on gpu: output and weight gradients within float32
// tolerance (float32 sums on the device).

beforeAll(async () => {
  await setUpGpu();
});

const cases = L.layerCases();

test('the gpu backend is registered', () => {
  expect(T.listBackends()).toContain('gpu');
});

/** Kernels that must run on the gpu backend (no cpu fall-back) in a case's forward + backward pass. */
const ON_GPU: Record<string, string[]> = {
  Dense: ['BatchMatMul', 'ReluGrad'],
  'Conv2D relu': ['FusedConv2D', 'ReluGrad', 'Conv2DBackpropFilter'],
  Embedding: ['Gather', 'UnsortedSegmentSum'],
  Concatenate: ['Concat'],
  MaxPooling2D: ['MaxPool'],
};

describe('runLayerTest passes with gpu registered, and gpu matches cpu with the same weights', () => {
  test.each(cases.map((k) => [k.label, k] as const))('%s', (_, k) => {
    T.setBackend('gpu');
    L.runLayerTest(k.cls, k.options() as never);
    const { problems, kernels } = L.sameWeightsParity(k, 'gpu', 1e-4);
    expect(problems).toEqual([]);
    for (const name of ON_GPU[k.label] ?? []) {
      const runs = kernels.filter((r) => r.name === name);
      expect(runs.length, `${k.label}: ${name} ran`).toBeGreaterThan(0);
      for (const r of runs) expect([r.backend, r.fallback], `${k.label}: ${name}`).toEqual(['gpu', false]);
    }
  });
});
