import { type KernelSpec, matmulDims, sizeOf } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import { batchIndex } from './batch-index.js';
import { gemmRows } from './gemm.js';
import type { PackedBLayout } from './packed-b-cache.js';
import { runOnCpu } from './via-cpu.js';

/**
 * BatchMatMul `{ a, b }`, attrs `{ transposeA, transposeB }`, float32 on the SIMD GEMM (int32 on
 * the cpu kernel). Each distinct B matrix is packed once; a B shared by every batch entry with a
 * non-transposed A folds the batch into the rows of one GEMM. Packed Bs are kept in the
 * backend's `packedB` cache for the next product with the same B (an RNN's recurrent kernel).
 * @example runKernel('BatchMatMul', { a, b }, { transposeA: false, transposeB: true })
 */
export const batchMatMulWasm: KernelSpec<WasmHandle> = {
  name: 'BatchMatMul',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { a, b } = inputs;
    if (a.dtype !== 'float32') return runOnCpu('BatchMatMul', inputs, attrs, backend);
    const { transposeA, transposeB, m, k, n, aBatch, bBatch, batch, shape } = matmulDims(a.shape, b.shape, attrs);
    const out = backend.allocTensor(sizeOf(shape), 'float32');
    const count = sizeOf(batch);
    if (count * m * n === 0) return { values: out, shape, dtype: 'float32' };
    if (transposeA && !transposeB && count === 1 && n <= SWAP_MAX_N && m > n) {
      swappedTransposeA(backend, a.values, b.values, out, m, n, k);
      return { values: out, shape, dtype: 'float32' };
    }
    const [ars, acs] = transposeA ? [1, m] : [k, 1];
    const [brs, bcs] = transposeB ? [1, k] : [n, 1];
    const aIndex = batchIndex(aBatch, batch);
    const bIndex = batchIndex(bBatch, batch);
    const foldBatch = !transposeA && bIndex.every((v) => v === 0) && aIndex.every((v, i) => v === i);
    const rowsPerCall = foldBatch ? count * m : m;
    let packed: WasmHandle | null = null;
    let packedFor = -1;
    const uncached: WasmHandle[] = [];
    for (let i = 0; i < (foldBatch ? 1 : count); i++) {
      if (bIndex[i] !== packedFor) {
        packedFor = bIndex[i];
        packed = packedB(backend, b.values, { offset: bIndex[i] * k * n * 4, rs: brs, cs: bcs, k, n }, uncached);
      }
      const aPtr = a.values.ptr + aIndex[i] * m * k * 4;
      gemmRows(backend, aPtr, ars, acs, packed!.ptr, out.ptr + i * m * n * 4, n, rowsPerCall, n, k, false);
    }
    for (const p of uncached) backend.disposeData(p);
    return { values: out, shape, dtype: 'float32' };
  },
};

/**
 * B of `handle` packed with `layout`, from the backend's {@link PackedBCache} or packed now and
 * kept there; one too big to keep goes into `uncached`, for the caller to free.
 */
function packedB(backend: WasmBackend, handle: WasmHandle, layout: PackedBLayout, uncached: WasmHandle[]): WasmHandle {
  const cached = backend.packedB.get(handle, layout);
  if (cached) return cached;
  const { offset, rs, cs, k, n } = layout;
  const packed = backend.alloc(backend.wasm.packedBBytes(k, n));
  backend.wasm.packB(handle.ptr + offset, rs, cs, k, n, packed.ptr);
  if (!backend.packedB.put(handle, layout, packed)) uncached.push(packed);
  return packed;
}

/** Up to this many output columns, Aᵀ·B is computed as (Bᵀ·A)ᵀ. */
const SWAP_MAX_N = 64;

/**
 * Aᵀ·B (A [k, m], B [k, n], n small) as (Bᵀ·A)ᵀ: A, read as the packed operand, streams in
 * memory order instead of being read down its columns m floats apart (the weight gradient of a
 * Dense layer, xᵀ·dy, is 2-3x faster this way), then the small [n, m] result is transposed.
 */
function swappedTransposeA(
  backend: WasmBackend,
  a: WasmHandle,
  b: WasmHandle,
  out: WasmHandle,
  m: number,
  n: number,
  k: number,
): void {
  const w = backend.wasm;
  const packed = backend.alloc(w.packedBBytes(k, m));
  const tmp = backend.allocTensor(n * m, 'float32');
  w.packB(a.ptr, m, 1, k, m, packed.ptr);
  gemmRows(backend, b.ptr, 1, n, packed.ptr, tmp.ptr, m, n, m, k, false);
  const t = backend.view(tmp, 'float32');
  const o = backend.view(out, 'float32');
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) o[j * n + i] = t[i * m + j];
  backend.disposeData(packed);
  backend.disposeData(tmp);
}
