import * as T from '@horn/tensor';
import { expect } from 'vitest';
import { registerWasmBackend } from '../index.js';

/** One output of a kernel run, read back. */
export interface Result {
  shape: number[];
  dtype: T.DType;
  values: number[];
}

/** Registers the wasm backend (once per test file) and leaves it active. */
export async function setUpWasm(): Promise<void> {
  await registerWasmBackend();
  T.setBackend('wasm');
}

/**
 * Seeded values in [lo, hi): the same seed gives the same numbers, so the cpu and wasm runs see
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

function read(out: T.Tensor | T.Tensor[]): Result[] {
  const list = Array.isArray(out) ? out : [out];
  const results = list.map((t) => ({ shape: [...t.shape], dtype: t.dtype, values: [...t.dataSync()] }));
  T.dispose(list);
  return results;
}

/**
 * Runs `make` on cpu and then on wasm (it must build its inputs itself, from fixed values) and
 * returns both results with the kernels the wasm run dispatched.
 */
export function onBothBackends(make: () => T.Tensor | T.Tensor[]): {
  cpu: Result[];
  wasm: Result[];
  kernels: T.KernelProfile[];
} {
  const run = () => {
    let results: Result[] = [];
    T.tidy(() => {
      results = read(make());
    });
    return results;
  };
  T.setBackend('cpu');
  const cpu = run();
  T.setBackend('wasm');
  const { result, kernels } = T.profile(run);
  return { cpu, wasm: result, kernels };
}

/**
 * Asserts |actual - expected| <= atol + rtol * |expected| elementwise (NaN must meet NaN, an
 * infinity the same infinity), after equal shapes and dtypes.
 */
export function expectClose(actual: Result[], expected: Result[], rtol: number, atol: number, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    expect(a.shape, label).toEqual(e.shape);
    expect(a.dtype, label).toBe(e.dtype);
    for (let j = 0; j < e.values.length; j++) {
      const x = a.values[j];
      const y = e.values[j];
      if (Number.isNaN(y) || !Number.isFinite(y)) {
        if (!Object.is(x, y) && !(x === y)) expect(x, `${label}: element ${j}`).toBe(y);
        continue;
      }
      if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
        expect(x, `${label}: element ${j} of ${e.values.length} (rtol ${rtol}, atol ${atol})`).toBe(y);
      }
    }
  });
}

/**
 * Runs `make` on both backends, checks the results agree, and that the wasm run dispatched the
 * kernels named in `ranOnWasm` on wasm itself (no fall-back to cpu).
 */
export function expectParity(
  make: () => T.Tensor | T.Tensor[],
  options: { rtol?: number; atol?: number; label: string; ranOnWasm: string[] },
): void {
  const { cpu, wasm, kernels } = onBothBackends(make);
  expectClose(wasm, cpu, options.rtol ?? 1e-6, options.atol ?? 1e-7, options.label);
  for (const name of options.ranOnWasm) {
    const runs = kernels.filter((k) => k.name === name);
    expect(runs.length, `${options.label}: ${name} ran`).toBeGreaterThan(0);
    for (const k of runs) expect([k.backend, k.fallback], `${options.label}: ${name}`).toEqual(['wasm', false]);
  }
}
