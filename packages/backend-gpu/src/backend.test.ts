import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import type { GpuBackend } from './backend.js';
import { detectGpu, isSoftwareBackend } from './index.js';
import { setUpGpu } from './test-support/parity.js';

let gpu: GpuBackend;

beforeAll(async () => {
  gpu = await setUpGpu();
});

describe('device memory', () => {
  test('tidy frees the textures of every intermediate; dispose frees the rest', () => {
    const before = gpu.liveDeviceValues;
    const kept = T.tidy(() => {
      const x = T.tensor([
        [1, -2],
        [3, -4],
      ]);
      const y = T.relu(T.matmul(x, x)).add(1);
      expect(gpu.liveDeviceValues).toBeGreaterThan(before + 2);
      return y;
    });
    expect(gpu.liveDeviceValues).toBe(before + 1);
    // x @ x = [[-5, 6], [-9, 10]]; relu, then + 1.
    expect(kept.arraySync()).toEqual([
      [1, 7],
      [1, 11],
    ]);
    kept.dispose();
    expect(gpu.liveDeviceValues).toBe(before);
    expect(T.memory().backends.gpu.numDataBuffers).toBe(0);
  });

  test('a training-like loop keeps the texture count flat', () => {
    const w = T.keep(T.tensor(new Float32Array(64).fill(0.1), [8, 8]));
    const counts: number[] = [];
    for (let step = 0; step < 5; step++) {
      T.tidy(() => {
        const x = T.ones([4, 8]);
        const y = T.sigmoid(T.matmul(x, w));
        T.sum(T.mul(y, y)).dataSync();
      });
      counts.push(gpu.liveDeviceValues);
    }
    expect(new Set(counts).size).toBe(1);
    w.dispose();
  });
});

describe('data stays on the device between kernels', () => {
  test('a chain of kernels reads back nothing until dataSync, then once', () => {
    const x = T.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const w = T.tensor([[1], [0], [-1]]);
    const downloads = gpu.stats.downloads;
    const runs = gpu.stats.deviceRuns;
    const y = T.tidy(() => T.sum(T.exp(T.neg(T.abs(T.matmul(x, w)))).mul(2)));
    expect(gpu.stats.downloads).toBe(downloads);
    expect(gpu.stats.deviceRuns - runs).toBe(6);
    expect(y.dataSync()[0]).toBeCloseTo(4 * Math.exp(-2), 6);
    expect(gpu.stats.downloads).toBe(downloads + 1);
    y.dataSync(); // the read-back copy is kept: tensors are immutable
    expect(gpu.stats.downloads).toBe(downloads + 1);
    T.dispose([x, w, y]);
  });

  test('kernels compile once per shape signature', () => {
    const compiles = gpu.stats.compiles;
    for (let i = 0; i < 3; i++) T.tidy(() => void T.tanh(T.tensor([i, 1, 2, 3, 4])).dataSync());
    expect(gpu.stats.compiles - compiles).toBe(1);
    T.tidy(() => void T.tanh(T.tensor([1, 2, 3])).dataSync());
    expect(gpu.stats.compiles - compiles).toBe(2);
  });
});

describe('dtypes', () => {
  test('int32 values round-trip exactly below 2^24 through device kernels', () => {
    const values = [-16777215, -5, 0, 7, 123456, 16777215];
    const x = T.tensor(values, [2, 3], 'int32');
    const y = T.transpose(T.transpose(x));
    expect(y.dtype).toBe('int32');
    expect(y.dataSync()).toEqual(new Int32Array(values));
    expect(T.argMax(T.tensor([1, 9, 3, 9]), 0).dataSync()).toEqual(new Int32Array([1]));
  });

  test('bool values round-trip as 0/1', () => {
    const b = T.logicalNot(T.tensor([true, false, true]));
    expect(b.dtype).toBe('bool');
    expect(b.dataSync()).toEqual(new Uint8Array([0, 1, 0]));
    expect(T.greater(T.tensor([1, 5]), T.tensor([2, 2])).arraySync()).toEqual([0, 1]);
  });

  test('await data() reads the device too', async () => {
    const y = T.mul(T.tensor([1.5, 2.5]), 2);
    expect([...(await y.data())]).toEqual([3, 5]);
  });
});

describe('the cut-over and fall-backs', () => {
  test('small ops whose inputs are on the host run on the CPU (minSizeOnGpu)', () => {
    gpu.settings.minSizeOnGpu = 100;
    try {
      const { uploads, hostRuns } = gpu.stats;
      const y = T.add(T.tensor([1, 2, 3]), T.tensor([10, 20, 30]));
      expect(y.dataSync()).toEqual(new Float32Array([11, 22, 33]));
      expect(gpu.stats.uploads).toBe(uploads);
      expect(gpu.stats.hostRuns).toBe(hostRuns + 1);
      // Inputs already on the device stay there, however small.
      const runs = gpu.stats.deviceRuns;
      const z = T.tidy(() => {
        const d = T.exp(T.ones([200]));
        return T.slice(d, [0], [3]).mul(2);
      });
      expect(gpu.stats.deviceRuns - runs).toBe(3);
      expect(z.dataSync()[0]).toBeCloseTo(2 * Math.E, 5);
    } finally {
      gpu.settings.minSizeOnGpu = 0;
    }
  });

  test('a kernel the gpu backend lacks runs on cpu through the engine', () => {
    const before = T.memory().fallbacks.Log1p ?? 0;
    const y = T.log1p(T.exp(T.tensor([0, 1, 2])));
    expect(y.dataSync()[0]).toBeCloseTo(Math.log(2), 6);
    expect(T.memory().fallbacks.Log1p).toBe(before + 1);
  });
});

test('detectGpu reports headless Chromium WebGL2 as a software renderer', async () => {
  const info = await detectGpu();
  expect(info.available).toBe(true);
  expect(info.mode).toBe('webgl2');
  expect(info.renderer).toMatch(/SwiftShader/i);
  expect(info.software).toBe(true);
  expect(isSoftwareBackend(gpu)).toBe(true);
  expect(gpu.mode).toBe('webgl2');
});
