import { broadcastShapes, type KernelSpec, sizeOf } from '@horn/tensor';
import type { WasmBackend, WasmHandle } from '../backend.js';
import { batchIndex } from './batch-index.js';
import { gemmRows } from './gemm.js';
import { runOnCpu } from './via-cpu.js';

/**
 * BatchMatMul `{ a, b }`, attrs `{ transposeA, transposeB }`, float32 on the SIMD GEMM (int32 on
 * the cpu kernel). Each distinct B matrix is packed once; a B shared by every batch entry with a
 * non-transposed A folds the batch into the rows of one GEMM.
 * @example runKernel('BatchMatMul', { a, b }, { transposeA: false, transposeB: true })
 */
export const batchMatMulWasm: KernelSpec<WasmHandle> = {
  name: 'BatchMatMul',
  backend: 'wasm',
  run: (inputs, attrs, backend_) => {
    const backend = backend_ as WasmBackend;
    const { a, b } = inputs;
    if (a.dtype !== 'float32') return runOnCpu('BatchMatMul', inputs, attrs, backend);
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    const ra = a.shape.length;
    const rb = b.shape.length;
    const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
    const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
    const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
    const aBatch = a.shape.slice(0, -2);
    const bBatch = b.shape.slice(0, -2);
    const batch = broadcastShapes(aBatch, bBatch, 'BatchMatMul');
    const shape = [...batch, m, n];
    const out = backend.allocTensor(sizeOf(shape), 'float32');
    const count = sizeOf(batch);
    if (count * m * n === 0) return { values: out, shape, dtype: 'float32' };
    const [ars, acs] = transposeA ? [1, m] : [k, 1];
    const [brs, bcs] = transposeB ? [1, k] : [n, 1];
    const aIndex = batchIndex(aBatch, batch);
    const bIndex = batchIndex(bBatch, batch);
    const w = backend.wasm;
    const packed = backend.alloc(w.packedBBytes(k, n));
    let packedFor = -1;
    const foldBatch = !transposeA && bIndex.every((v) => v === 0) && aIndex.every((v, i) => v === i);
    const rowsPerCall = foldBatch ? count * m : m;
    for (let i = 0; i < (foldBatch ? 1 : count); i++) {
      if (bIndex[i] !== packedFor) {
        packedFor = bIndex[i];
        w.packB(b.values.ptr + bIndex[i] * k * n * 4, brs, bcs, k, n, packed.ptr);
      }
      const aPtr = a.values.ptr + aIndex[i] * m * k * 4;
      gemmRows(backend, aPtr, ars, acs, packed.ptr, out.ptr + i * m * n * 4, n, rowsPerCall, n, k, false);
    }
    backend.disposeData(packed);
    return { values: out, shape, dtype: 'float32' };
  },
};
