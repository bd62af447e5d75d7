import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import type { WasmBackend } from './backend.js';
import { registerWasmBackend } from './index.js';
import { expectParity, randomValues, setUpWasm } from './test-support/parity.js';

let backend: WasmBackend;
beforeAll(async () => {
  await setUpWasm();
  backend = T.getBackendInstance('wasm') as WasmBackend;
});

describe('the wasm backend', () => {
  test('registers once, above cpu, and becomes the default', async () => {
    expect(await registerWasmBackend()).toBe(backend);
    expect(T.listBackends()).toContain('wasm');
    expect(T.kernelNames('wasm')).toEqual(expect.arrayContaining(['BatchMatMul', 'Conv2D', 'Add', 'Sum', 'MaxPool']));
  });

  test('data lives in the heap: write, readSync, read, dispose', async () => {
    const t = T.tensor([1.5, 2.5, 3.5]);
    expect(t.ref.backend.name).toBe('wasm');
    expect([...t.dataSync()]).toEqual([1.5, 2.5, 3.5]);
    expect([...(await t.data())]).toEqual([1.5, 2.5, 3.5]);
    const i = T.tensor([1, -2], [2], 'int32');
    const b = T.tensor([true, false, true]);
    expect([...i.dataSync()]).toEqual([1, -2]);
    expect([...b.dataSync()]).toEqual([1, 0, 1]);
    const before = backend.heapInfo().bytesInUse;
    T.dispose([t, i, b]);
    expect(backend.heapInfo().bytesInUse).toBe(before - 3 * 64);
  });

  test('memory() counts the wasm bytes; Reshape shares the data', () => {
    const before = T.memory().backends.wasm ?? { numBytes: 0, numDataBuffers: 0 };
    const x = T.zeros([4, 5]);
    const y = x.reshape([20]);
    const after = T.memory().backends.wasm;
    expect(after.numBytes - before.numBytes).toBe(80);
    expect(after.numDataBuffers - before.numDataBuffers).toBe(1);
    x.dispose();
    expect([...y.dataSync()]).toEqual(new Array(20).fill(0));
    y.dispose();
    expect(T.memory().backends.wasm.numBytes).toBe(before.numBytes);
  });

  test('10,000 small steps keep the heap flat', () => {
    const w = T.tensor(randomValues(T.randomSource(1), 64 * 10), [64, 10]);
    const x = T.tensor(randomValues(T.randomSource(2), 32 * 64), [32, 64]);
    const step = () => T.tidy(() => T.matmul(x, w).add(1).relu().sum(0).mul(0.5));
    step().dispose();
    const heapBefore = backend.heapInfo();
    const memBefore = T.memory().backends.wasm;
    for (let i = 0; i < 10_000; i++) step().dispose();
    const heapAfter = backend.heapInfo();
    expect(heapAfter.heapBytes).toBe(heapBefore.heapBytes);
    expect(heapAfter.bytesInUse).toBe(heapBefore.bytesInUse);
    expect(T.memory().backends.wasm).toEqual(memBefore);
    T.dispose([w, x]);
  });

  test('a kernel the backend lacks falls back to cpu, with its result moved to wasm', () => {
    // Every cpu kernel has a wasm one now: take the depthwise one away for the length of the test.
    const own = T.getKernel('DepthwiseConv2dNative', 'wasm');
    expect(own).toBeDefined();
    T.unregisterKernel('DepthwiseConv2dNative', 'wasm');
    try {
      const r = T.randomSource(3);
      const xv = randomValues(r, 2 * 5 * 5 * 3);
      const fv = randomValues(r, 3 * 3 * 3 * 2);
      const before = T.memory().fallbacks.DepthwiseConv2dNative ?? 0;
      const make = () => T.depthwiseConv2d(T.tensor(xv, [2, 5, 5, 3]), T.tensor(fv, [3, 3, 3, 2]), { padding: 'same' });
      expectParity(make, { rtol: 1e-6, atol: 1e-6, label: 'depthwise fall-back', ranOnWasm: [] });
      expect(T.memory().fallbacks.DepthwiseConv2dNative).toBe(before + 1);
      const y = make();
      expect(y.ref.backend.name).toBe('wasm');
      y.dispose();
    } finally {
      if (own) T.registerKernel(own);
    }
  });

  test('kernels run as cpu code on heap views: transpose, select, cast, compare, broadcastTo', () => {
    const v = randomValues(T.randomSource(4), 24);
    expectParity(
      () => {
        const x = T.tensor(v, [2, 3, 4]);
        return [
          T.transpose(x, [2, 0, 1]),
          T.where(T.greater(x, 0), x, T.neg(x)),
          T.cast(x.mul(10), 'int32'),
          T.broadcastTo(T.tensor([1, 2, 3], [3, 1]), [2, 3, 4]),
          T.argMax(x, -1),
        ];
      },
      { label: 'via cpu', ranOnWasm: ['Transpose', 'Select', 'Cast', 'Greater', 'BroadcastTo', 'ArgMax'] },
    );
    expect(T.memory().fallbacks.Transpose).toBeUndefined();
  });
});
