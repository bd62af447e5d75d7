import * as T from '@horn/tensor';
import { expect, test } from 'vitest';
import type { WasmBackend } from './backend.js';
import { OutOfMemoryError, registerWasmBackend } from './index.js';

test('a full heap throws an OutOfMemoryError that counts the live tensors; disposing them makes room again', async () => {
  const backend: WasmBackend = await registerWasmBackend({ maxMemoryMiB: 64 });
  expect(backend.heapInfo().heapLimitBytes).toBe(64 * 2 ** 20);
  const kept = Array.from({ length: 5 }, () => T.zeros([1024, 1024])); // 5 x 4 MiB
  const liveTensors = T.memory().backends.wasm.numTensors;
  let error: unknown;
  try {
    T.zeros([16, 1024, 1024]); // 64 MiB more
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(OutOfMemoryError);
  const message = (error as Error).message;
  expect(message).toContain('a request of 67,108,864 bytes');
  expect(message).toContain("the heap's limit of 67,108,864 bytes (64 MiB)");
  expect(message).toContain(`${liveTensors} live tensors`);
  expect(message).toContain(`${(5 * 4 * 2 ** 20).toLocaleString('en-US')} bytes are in use`);
  T.dispose(kept);
  const fits = T.zeros([12, 1024, 1024]); // 48 MiB: fits once the 20 MiB are back
  expect(fits.shape).toEqual([12, 1024, 1024]);
  fits.dispose();
  expect(backend.heapInfo().bytesInUse).toBeLessThan(2 ** 20);
});
