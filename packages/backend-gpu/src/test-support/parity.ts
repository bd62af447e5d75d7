import * as T from '@horn/tensor';
import { expect } from 'vitest';
import type { GpuBackend } from '../backend.js';
import type { GpuMode } from '../detect.js';
import { registerGpuBackend } from '../index.js';

/** One output of a kernel run, read back. */
export interface Result {
  shape: number[];
  dtype: T.DType;
  values: number[];
}

/** Registers the gpu backend (once per test file) with every kernel on the device, and leaves it active. */
export async function setUpGpu(mode: GpuMode = 'webgl2'): Promise<GpuBackend> {
  const backend = await registerGpuBackend({ mode, minSizeOnGpu: 0 });
  backend.settings.minSizeOnGpu = 0;
  T.setBackend('gpu');
  return backend;
}

/**
 * Seeded values in [lo, hi): the same seed gives the same numbers, so the cpu and gpu runs see
 * identical inputs.
 * @example randomValues(T.randomSource(1), 4) // Float32Array(4)
 */
export function randomValues(r: T.Random, n: number, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * r.next();
  return out;
}

/** A random integer in [lo, hi]. */
export function randInt(r: T.Random, lo: number, hi: number): number {
  return lo + Math.floor(r.next() * (hi - lo + 1));
}

/** One element of `items`, at random. */
export function pick<V>(r: T.Random, items: readonly V[]): V {
  return items[Math.floor(r.next() * items.length)];
}

/** A random shape of `rank` dimensions in [lo, hi]. */
export function randomShape(r: T.Random, rank: number, lo = 1, hi = 5): number[] {
  return Array.from({ length: rank }, () => randInt(r, lo, hi));
}

function readAll(out: T.Tensor | T.Tensor[]): Result[] {
  const list = Array.isArray(out) ? out : [out];
  return list.map((t) => ({ shape: [...t.shape], dtype: t.dtype, values: [...t.dataSync()] }));
}

async function readAllAsync(out: T.Tensor | T.Tensor[]): Promise<Result[]> {
  const list = Array.isArray(out) ? out : [out];
  return Promise.all(list.map(async (t) => ({ shape: [...t.shape], dtype: t.dtype, values: [...(await t.data())] })));
}

/**
 * Asserts |actual - expected| <= atol + rtol·|expected| elementwise after equal shapes and dtypes.
 */
export function expectClose(actual: Result[], expected: Result[], rtol: number, atol: number, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    expect(a.shape, label).toEqual(e.shape);
    expect(a.dtype, label).toBe(e.dtype);
    expect(a.values.length, label).toBe(e.values.length);
    for (let j = 0; j < e.values.length; j++) {
      const x = a.values[j];
      const y = e.values[j];
      if (!Number.isFinite(y)) {
        if (!Object.is(x, y)) expect(x, `${label}: element ${j}`).toBe(y);
        continue;
      }
      if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
        expect(x, `${label}: element ${j} of ${e.values.length} (rtol ${rtol}, atol ${atol})`).toBe(y);
      }
    }
  });
}

/** Parity options: tolerances, and kernels that must have run on the gpu backend (no fall-back). */
export interface ParityOptions {
  label: string;
  ranOnGpu: string[];
  rtol?: number;
  atol?: number;
}

function checkKernels(kernels: T.KernelProfile[], options: ParityOptions): void {
  for (const name of options.ranOnGpu) {
    const runs = kernels.filter((k) => k.name === name);
    expect(runs.length, `${options.label}: ${name} ran`).toBeGreaterThan(0);
    for (const k of runs) expect([k.backend, k.fallback], `${options.label}: ${name}`).toEqual(['gpu', false]);
  }
}

/**
 * Runs `make` on cpu and then on gpu (it must build its inputs itself, from fixed values),
 * checks the results agree within float32 tolerance, and that the kernels in `ranOnGpu` ran on
 * the gpu backend. float32 sums on the device accumulate in float32, the cpu's in float64.
 */
export function expectParity(make: () => T.Tensor | T.Tensor[], options: ParityOptions): void {
  T.setBackend('cpu');
  let cpu: Result[] = [];
  T.tidy(() => {
    cpu = readAll(make());
  });
  T.setBackend('gpu');
  let gpu: Result[] = [];
  const { kernels } = T.profile(() =>
    T.tidy(() => {
      gpu = readAll(make());
    }),
  );
  expectClose(gpu, cpu, options.rtol ?? 1e-5, options.atol ?? 1e-5, options.label);
  checkKernels(kernels, options);
}

/** As {@link expectParity}, reading the gpu results with `await data()` (WebGPU has no dataSync). */
export async function expectParityAsync(make: () => T.Tensor | T.Tensor[], options: ParityOptions): Promise<void> {
  T.setBackend('cpu');
  let cpu: Result[] = [];
  T.tidy(() => {
    cpu = readAll(make());
  });
  T.setBackend('gpu');
  const { result: outputs, kernels } = T.profile(() => T.tidy(() => make()));
  const gpu = await readAllAsync(outputs);
  T.dispose(outputs);
  expectClose(gpu, cpu, options.rtol ?? 1e-5, options.atol ?? 1e-5, options.label);
  checkKernels(kernels, options);
}
