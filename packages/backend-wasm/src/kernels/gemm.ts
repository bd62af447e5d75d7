import type { WasmBackend } from '../backend.js';
import type { WasmCall } from '../threads/pool.js';
import type { Ptr } from '../wasm-exports.js';

/**
 * Below this many flops a GEMM stays on one thread: waking a worker costs tens of microseconds.
 * @example 2 * m * n * k >= PARALLEL_FLOPS // worth a worker
 */
export const PARALLEL_FLOPS = 4e6;

/**
 * C (m x n, rows ldc floats apart) = A · B, or += with `accumulate`: A element (i, p) at
 * `a + 4 * (i * ars + p * acs)`, B already packed by `packB`. Split across the worker pool by
 * rows (pairs of rows, the micro-kernel's height), or by 16-column panels when there are few rows.
 * @example gemmRows(backend, a, k, 1, packedB, c, n, m, n, k, false)
 */
export function gemmRows(
  backend: WasmBackend,
  a: Ptr,
  ars: number,
  acs: number,
  packedB: Ptr,
  c: Ptr,
  ldc: number,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
): void {
  const w = backend.wasm;
  const acc = accumulate ? 1 : 0;
  const threads = 2 * m * n * k >= PARALLEL_FLOPS ? backend.parallel.threads : 1;
  const byRows = m >= 8 * threads || m >= n;
  const units = byRows ? Math.ceil(m / 2) : Math.ceil(n / 16);
  const parts = Math.max(1, Math.min(threads, units));
  const scratch = backend.alloc(w.gemmScratchBytes(k) * parts);
  const jobs: WasmCall[][] = [];
  for (let t = 0; t < parts; t++) {
    const u0 = Math.floor((units * t) / parts);
    const u1 = Math.floor((units * (t + 1)) / parts);
    const s = scratch.ptr + t * w.gemmScratchBytes(k);
    if (byRows) {
      const i0 = 2 * u0;
      const rows = Math.min(m, 2 * u1) - i0;
      jobs.push([['gemm', a + i0 * ars * 4, ars, acs, packedB, c + i0 * ldc * 4, ldc, rows, n, k, acc, s]]);
    } else {
      const j0 = 16 * u0;
      const cols = Math.min(n, 16 * u1) - j0;
      jobs.push([['gemm', a, ars, acs, packedB + j0 * k * 4, c + j0 * 4, ldc, m, cols, k, acc, s]]);
    }
  }
  backend.parallel.run(jobs);
  backend.disposeData(scratch);
}
