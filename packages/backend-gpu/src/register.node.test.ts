import { expect, test } from 'vitest';
import { detectGpu, GpuUnavailableError, registerGpuBackend } from './index.js';

// Plain Node without the `gl` package: no GPU mode can run, and nothing falls back silently.

test('registerGpuBackend rejects with GpuUnavailableError naming what was expected and found', async () => {
  await expect(registerGpuBackend()).rejects.toThrow(GpuUnavailableError);
  await expect(registerGpuBackend()).rejects.toThrow(
    /expected a GPU mode \(webgl2, webgl or headlessgl\) to be available, but Node without the `gl` package \(headless-gl\) offers none/,
  );
  await expect(registerGpuBackend({ mode: 'webgl2' })).rejects.toThrow(/expected a GPU mode \(webgl2\)/);
});

test('detectGpu finds nothing', async () => {
  expect(await detectGpu()).toEqual({ available: false, mode: null, renderer: null, software: false, webgpu: false });
});
