import { variable } from '@horn/autograd';
import * as T from '@horn/tensor';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { WasmBackend, WasmHandle } from '../backend.js';
import { randomValues, setUpWasm } from '../test-support/parity.js';
import { PackedBCache } from './packed-b-cache.js';

let backend: WasmBackend;
beforeAll(async () => {
  await setUpWasm();
  backend = T.getBackendInstance('wasm') as WasmBackend;
});
beforeEach(() => {
  T.setBackend('wasm');
  backend.packedB.clear();
});

/** A·B (or A·Bᵀ) in float64 from plain arrays: the second implementation. */
function reference(a: Float32Array, b: Float32Array, m: number, k: number, n: number, transposeB = false): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * (transposeB ? b[j * k + p] : b[p * n + j]);
      out.push(s);
    }
  return out;
}

function expectNear(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(1e-4);
}

const handleOf = (t: T.Tensor) => t.ref.handle as WasmHandle;
const values = (seed: number, n: number) => randomValues(T.randomSource(seed), n);

describe('BatchMatMul keeps B packed across products, and never uses a stale packing', () => {
  const [m, k, n] = [8, 64, 256]; // an LSTM step's h·U at a small batch

  test('the same B a second time is a cache hit, with the same numbers', () => {
    const a = values(1, m * k);
    const bv = values(2, k * n);
    const b = T.tensor(bv, [k, n]);
    const first = T.matmul(T.tensor(a, [m, k]), b).dataSync();
    expect([backend.packedB.hits, backend.packedB.misses]).toEqual([0, 1]);
    const second = T.matmul(T.tensor(a, [m, k]), b).dataSync();
    expect([backend.packedB.hits, backend.packedB.misses]).toEqual([1, 1]);
    expectNear(first, reference(a, bv, m, k, n));
    expect([...second]).toEqual([...first]);
  });

  test("a variable's assign: the next product sees the new values", () => {
    const a = T.tensor(values(3, m * k), [m, k]);
    const b0 = values(4, k * n);
    const b1 = values(5, k * n);
    const w = variable(T.tensor(b0, [k, n]));
    expectNear(T.matmul(a, w).dataSync(), reference(a.dataSync() as Float32Array, b0, m, k, n));
    w.assign(T.tensor(b1, [k, n]));
    expectNear(T.matmul(a, w).dataSync(), reference(a.dataSync() as Float32Array, b1, m, k, n));
    // Twice more, as an optimizer's steps would: each assign is new data.
    w.assign(T.tensor(b0, [k, n]));
    expectNear(T.matmul(a, w).dataSync(), reference(a.dataSync() as Float32Array, b0, m, k, n));
  });

  test('data written into B in the heap is seen once the writer calls forget (the rule for in-place writers)', () => {
    const av = values(6, m * k);
    const a = T.tensor(av, [m, k]);
    const b = T.tensor(values(7, k * n), [k, n]);
    T.matmul(a, b).dataSync();
    const written = values(8, k * n);
    backend.view(handleOf(b), 'float32').set(written);
    backend.packedB.forget(handleOf(b));
    expectNear(T.matmul(a, b).dataSync(), reference(av, written, m, k, n));
  });

  test('a freed B whose block is reused by a new tensor is packed afresh', () => {
    const av = values(9, m * k);
    const a = T.tensor(av, [m, k]);
    const b = T.tensor(values(10, k * n), [k, n]);
    const ptr = handleOf(b).ptr;
    T.matmul(a, b).dataSync();
    expect(backend.packedB.size).toBe(1);
    b.dispose();
    expect(backend.packedB.size).toBe(0); // freed with its data
    const nv = values(11, k * n);
    const b2 = T.tensor(nv, [k, n]);
    expect(handleOf(b2).ptr).toBe(ptr); // the same address: only the handle tells them apart
    expectNear(T.matmul(a, b2).dataSync(), reference(av, nv, m, k, n));
  });

  test('one B read two ways (as B and as Bᵀ, and reshaped) keeps one packing for each', () => {
    const s = 64;
    const av = values(12, m * s);
    const bv = values(13, s * s);
    const a = T.tensor(av, [m, s]);
    const b = T.tensor(bv, [s, s]);
    for (let round = 0; round < 2; round++) {
      expectNear(T.matmul(a, b).dataSync(), reference(av, bv, m, s, s));
      expectNear(T.matmul(a, b, false, true).dataSync(), reference(av, bv, m, s, s, true));
      const wide = T.reshape(b, [32, 128]); // shares b's handle
      expectNear(T.matmul(T.tensor(av.subarray(0, m * 32), [m, 32]), wide).dataSync(), reference(av, bv, m, 32, 128));
    }
    expect([backend.packedB.hits, backend.packedB.misses]).toEqual([3, 3]);
  });

  test('each batch entry of a batched B is its own packing', () => {
    const av = values(14, m * k);
    const bv = values(15, 3 * k * 16);
    const a = T.tensor(av, [1, m, k]);
    const b = T.tensor(bv, [3, k, 16]);
    const out = T.matmul(a, b).dataSync();
    const again = T.matmul(a, b).dataSync();
    for (let i = 0; i < 3; i++) {
      const expected = reference(av, bv.subarray(i * k * 16, (i + 1) * k * 16), m, k, 16);
      expectNear(out.subarray(i * m * 16, (i + 1) * m * 16), expected);
    }
    expect([...again]).toEqual([...out]);
    expect(backend.packedB.hits).toBe(3);
  });

  test('a training loop leaves no packed copy behind once its tensors are gone', () => {
    const before = backend.heapInfo().bytesInUse;
    const a = T.tensor(values(16, m * k), [m, k]);
    for (let i = 0; i < 5; i++) {
      const b = T.tensor(values(17 + i, k * n), [k, n]);
      T.tidy(() => {
        T.matmul(a, b).dataSync();
      });
      T.tidy(() => {
        T.matmul(a, b).dataSync();
      });
      b.dispose();
    }
    a.dispose();
    expect(backend.packedB.size).toBe(0);
    expect(backend.heapInfo().bytesInUse).toBe(before);
  });
});

describe('PackedBCache', () => {
  const layout = { offset: 0, rs: 4, cs: 1, k: 4, n: 4 };
  const block = (ptr: number, bytes = 256): WasmHandle => ({ ptr, bytes });

  test('evicts the least recently used past its capacity, and frees what it drops', () => {
    const freed: number[] = [];
    const cache = new PackedBCache((p) => freed.push(p.ptr), 2);
    const [x, y, z] = [block(1), block(2), block(3)];
    cache.put(x, layout, block(101));
    cache.put(y, layout, block(102));
    expect(cache.get(x, layout)?.ptr).toBe(101); // x is now the most recent
    cache.put(z, layout, block(103));
    expect(freed).toEqual([102]);
    expect(cache.get(y, layout)).toBeUndefined();
    expect(cache.get(x, { ...layout, cs: 4, rs: 1 })).toBeUndefined(); // another layout of x
    cache.forget(x);
    expect(freed).toEqual([102, 101]);
    cache.clear();
    expect(freed).toEqual([102, 101, 103]);
    expect(cache.size).toBe(0);
  });

  test('refuses a packing bigger than maxBytes', () => {
    const cache = new PackedBCache(() => {}, 4, 1000);
    expect(cache.put(block(1), layout, block(10, 1001))).toBe(false);
    expect(cache.put(block(1), layout, block(10, 1000))).toBe(true);
  });
});
