import { type KernelSpec, matmulDims, sizeOf } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { broadcastReadStrides, coords, divMod, kernelSource, offset } from './source-code.js';

/**
 * `BatchMatMul` (inputs `a`, `b`, attrs `transposeA`, `transposeB`) as the cpu kernel: `a` is
 * `[..., M, K]` (`[..., K, M]` transposed), `b` is `[..., K, N]` (`[..., N, K]`), batch
 * dimensions broadcast. One thread per output element runs the K-loop (float32 sums); int32
 * runs the cpu code.
 * @example runKernel('BatchMatMul', { a, b }, { transposeA: false, transposeB: true })
 */
export const batchMatMulGpu: KernelSpec<GpuHandle> = gpuKernel('BatchMatMul', ({ a, b }, attrs) => {
  if (a.dtype !== 'float32') return null;
  const { transposeA, transposeB, m, k, n, aBatch, bBatch, batch, shape } = matmulDims(a.shape, b.shape, attrs);
  if (k === 0) return null; // zeros: nothing to read on the device
  return {
    args: ['a', 'b'],
    shape,
    dtype: 'float32',
    key: `${shapesKey(a.shape, b.shape)}|${transposeA}|${transposeB}`,
    source: () => {
      // Matrix strides inside one operand: element (row, p) of A and (p, col) of B.
      const [aRow, aK] = transposeA ? [1, m] : [k, 1];
      const [bK, bCol] = transposeB ? [1, k] : [n, 1];
      const aMatrix = m * k;
      const bMatrix = k * n;
      let code = divMod('i', n, 'rc', 'col');
      code += divMod('rc', m, 'bi', 'row');
      code += coords('bi', batch, 'bc');
      const aBase = sizeOf(aBatch) > 1 ? `(${offset('bc', broadcastReadStrides(aBatch, batch))}) * ${aMatrix}` : '0';
      const bBase = sizeOf(bBatch) > 1 ? `(${offset('bc', broadcastReadStrides(bBatch, batch))}) * ${bMatrix}` : '0';
      code += `const ao = ${aBase} + row * ${aRow};\n`;
      code += `const bo = ${bBase} + col * ${bCol};\n`;
      code += `let sum = 0;\nfor (let p = 0; p < ${k}; p++) {\n  sum += a0[ao + p * ${aK}] * a1[bo + p * ${bK}];\n}\nreturn sum;`;
      return kernelSource(2, code);
    },
  };
});
