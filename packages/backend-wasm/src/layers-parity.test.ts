import * as L from '@horn/layers';
import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { setUpWasm } from './test-support/parity.js';

// Every layer class @horn/layers registers (its layerCases; a test there checks they cover them
// all), on cpu and wasm: runLayerTest (which runs on every registered backend and compares each
// with cpu to 1e-3), then the same layer with the cpu weights on wasm: output and weight
// gradients within float32 tolerance.

beforeAll(setUpWasm);

const cases = L.layerCases();

test('the wasm backend is registered', () => {
  expect(T.listBackends()).toContain('wasm');
});

/** Kernels that must run on wasm itself (no cpu fall-back) in a case's forward + backward pass. */
const ON_WASM: Record<string, string[]> = {
  Dense: ['BatchMatMul', 'ReluGrad'],
  'Conv2D relu': ['FusedConv2D', 'ReluGrad', 'Conv2DBackpropFilter'],
  Embedding: ['Gather', 'UnsortedSegmentSum'],
  LSTM: ['LSTMCell', 'LSTMCellGrad'],
  Concatenate: ['Concat'],
  MaxPooling2D: ['MaxPool'],
  // The parity run takes weight gradients only: the input gradient is checked in depthwise-conv2d.test.ts.
  DepthwiseConv2D: ['DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter'],
  SeparableConv2D: ['DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter', 'Conv2D'],
};

describe('runLayerTest passes with wasm registered, and wasm matches cpu with the same weights', () => {
  test.each(cases.map((k) => [k.label, k] as const))('%s', (_, k) => {
    T.setBackend('wasm');
    L.runLayerTest(k.cls, k.options() as never);
    const { problems, kernels } = L.sameWeightsParity(k, 'wasm', 1e-4);
    expect(problems).toEqual([]);
    for (const name of ON_WASM[k.label] ?? []) {
      const runs = kernels.filter((r) => r.name === name);
      expect(runs.length, `${k.label}: ${name} ran`).toBeGreaterThan(0);
      for (const r of runs) expect([r.backend, r.fallback], `${k.label}: ${name}`).toEqual(['wasm', false]);
    }
  });
});
