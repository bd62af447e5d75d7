import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import type { WasmBackend } from './backend.js';
import { expectParity, randomValues, setUpWasm } from './test-support/parity.js';

let backend: WasmBackend;
beforeAll(async () => {
  await setUpWasm();
  backend = T.getBackendInstance('wasm') as WasmBackend;
});

describe('a heap past 2 GiB', () => {
  test('the default limit is 4 GiB, and kernels compute right on tensors above 2 GiB', () => {
    expect(backend.heapInfo().heapLimitBytes).toBe(2 ** 32);
    // 2.25 GiB that is never written: the memory grows, the pages stay untouched (not resident).
    const filler = backend.alloc(2.25 * 2 ** 30);
    try {
      const r = T.randomSource(21);
      const a = randomValues(r, 48 * 40);
      const b = randomValues(r, 40 * 24);
      const x = randomValues(r, 2 * 9 * 9 * 3);
      const f = randomValues(r, 3 * 3 * 3 * 4);
      const probe = T.tensor(a, [48, 40]);
      expect((probe.ref.handle as { ptr: number }).ptr).toBeGreaterThan(2 ** 31);
      probe.dispose();
      expectParity(
        () => {
          const m = T.matmul(T.tensor(a, [48, 40]), T.tensor(b, [40, 24]));
          const c = T.conv2d(T.tensor(x, [2, 9, 9, 3]), T.tensor(f, [3, 3, 3, 4]), { padding: 'same' });
          return [m, m.add(1).relu().sum(0), T.maxPool2d(c, { poolSize: 2 }), c.tanh().mul(c)];
        },
        { rtol: 1e-5, atol: 1e-5, label: 'above 2 GiB', ranOnWasm: ['BatchMatMul', 'Conv2D', 'Add', 'Relu', 'Sum'] },
      );
    } finally {
      backend.disposeData(filler);
    }
    expect(backend.heapInfo().heapBytes).toBeGreaterThan(2.25 * 2 ** 30);
  });
});
