import * as T from '@horn/tensor';
import { expect, test } from 'vitest';
import { GpuUnavailableError, isSoftwareRenderer, registerGpuBackend } from './index.js';

// Runs in its own page, before any successful registration (a success is returned thereafter).

test('webgpu without an adapter is a clear GpuUnavailableError', async () => {
  await expect(registerGpuBackend({ mode: 'webgpu' })).rejects.toThrow(GpuUnavailableError);
  await expect(registerGpuBackend({ mode: 'webgpu' })).rejects.toThrow(/expected a WebGPU adapter for mode 'webgpu'/);
});

test('bad options are ValueErrors naming what was expected and given', async () => {
  // @ts-expect-error: an unknown mode, as plain JavaScript could pass
  await expect(registerGpuBackend({ mode: 'cpu' })).rejects.toThrow(
    /mode must be one of webgl2, webgl, headlessgl, webgpu; got 'cpu'/,
  );
  await expect(registerGpuBackend({ minSizeOnGpu: -1 })).rejects.toThrow(T.ValueError);
});

test('a failed registration leaves the backend unregistered; a later one succeeds', async () => {
  expect(T.listBackends()).not.toContain('gpu');
  T.setBackend('cpu');
  const backend = await registerGpuBackend({ activate: false });
  expect(T.listBackends()).toContain('gpu');
  expect(T.getBackend()).not.toBe('gpu');
  expect(await registerGpuBackend()).toBe(backend);
  expect(backend.settings.minSizeOnGpu).toBe(4096);
});

test('isSoftwareRenderer knows the software rasterizers', () => {
  expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe(
    true,
  );
  expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
  expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
  expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
  expect(isSoftwareRenderer(null)).toBe(false);
});
