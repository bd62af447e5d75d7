import * as T from '@horn/tensor';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WasmBackend } from '../backend.js';
import { registerWasmBackend } from '../index.js';
import { checkDepthwise } from '../test-support/depthwise-parity.js';

// The depthwise kernels with rows split across two threads (and per-thread filter-gradient partials):
// every case is above PARALLEL_FLOPS (4e6 flops), so each one splits.

let backend: WasmBackend;
beforeAll(async () => {
  backend = await registerWasmBackend({ threads: 2 });
  T.setBackend('wasm');
});
afterAll(() => backend.parallel.terminate());

test('depthwise convolution and both gradients on two threads agree with cpu', () => {
  expect(backend.parallel.threads).toBe(2);
  const one: [number, number] = [1, 1];
  checkDepthwise({ x: [8, 32, 32, 32], f: [3, 3, 32, 1], strides: one, dilations: one, pad: [1, 1, 1, 1] }, 21);
  checkDepthwise({ x: [64, 21, 19, 13], f: [3, 3, 13, 3], strides: [2, 2], dilations: one, pad: [1, 1, 1, 1] }, 22);
  checkDepthwise({ x: [12, 30, 28, 20], f: [3, 2, 20, 2], strides: one, dilations: [2, 2], pad: [0, 2, 1, 0] }, 23);
  checkDepthwise({ x: [5, 25, 25, 18], f: [5, 5, 18, 1], strides: [3, 1], dilations: one, pad: [2, 2, 2, 2] }, 24);
});
