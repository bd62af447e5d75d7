import * as T from '@horn/tensor';
import { expect, test } from 'vitest';
import { registerWasmBackend } from './index.js';

test('maxMemoryMiB outside 16..4096 (the wasm32 limit) is refused by name, and nothing is registered', async () => {
  await expect(registerWasmBackend({ maxMemoryMiB: 8192 })).rejects.toThrow(
    /registerWasmBackend: maxMemoryMiB must be a number from 16 to 4096 \(the wasm32 limit\), got 8192/,
  );
  await expect(registerWasmBackend({ maxMemoryMiB: 0 })).rejects.toThrow(T.ValueError);
  expect(T.listBackends()).not.toContain('wasm');
});

test('registering makes wasm active even after tensors were made on cpu, and they still work', async () => {
  const early = T.tensor([1, 2, 3]);
  expect(T.getBackend()).toBe('cpu');
  const backend = await registerWasmBackend();
  expect(T.getBackend()).toBe('wasm');
  expect(await registerWasmBackend({ threads: 2 })).toBe(backend);
  expect(backend.parallel.threads).toBe(1);
  const sum = T.add(early, T.tensor([10, 20, 30]));
  expect(sum.ref.backend.name).toBe('wasm');
  expect([...sum.dataSync()]).toEqual([11, 22, 33]);
});
