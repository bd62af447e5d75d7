import { matmul } from '@horn/tensor';
import { reduceTo } from '../reduce-to.js';
import type { GradientSpec } from '../registry.js';

/** Gradient of the batched matrix product, batch broadcasting reduced back. */
export const linalgGradients: GradientSpec[] = [
  {
    name: 'BatchMatMul',
    grad: (dy, { a, b }, { transposeA, transposeB }) => ({
      a: () => reduceTo(transposeA ? matmul(b, dy, !!transposeB, true) : matmul(dy, b, false, !transposeB), a.shape),
      b: () => reduceTo(transposeB ? matmul(dy, a, true, !!transposeA) : matmul(a, dy, !transposeA, false), b.shape),
    }),
  },
];
