import type { KernelAttrs } from '../../engine/backend.js';
import { broadcastShapes } from '../../shape.js';
import type { Shape } from '../../types.js';

/**
 * The sizes of a BatchMatMul: `[...batch, m, k] · [...batch, k, n]` after the transposes.
 * @example
 * const dims: MatmulDims = matmulDims([5, 2, 3], [5, 4, 3], { transposeB: true });
 * dims.m; // 2
 * dims.k; // 3
 * dims.n; // 4
 * dims.shape; // [5, 2, 4]
 */
export interface MatmulDims {
  transposeA: boolean;
  transposeB: boolean;
  m: number;
  k: number;
  n: number;
  /** The batch dimensions of each input and their broadcast. */
  aBatch: number[];
  bBatch: number[];
  batch: number[];
  /** The output shape, `[...batch, m, n]`. */
  shape: number[];
}

/**
 * Reads a BatchMatMul's sizes from its inputs' shapes and `transposeA` / `transposeB` attrs, as
 * every backend does.
 * @example matmulDims([2, 3], [4, 3], { transposeB: true }).shape // [2, 4]
 */
export function matmulDims(aShape: Shape, bShape: Shape, attrs: KernelAttrs): MatmulDims {
  const transposeA = attrs.transposeA === true;
  const transposeB = attrs.transposeB === true;
  const ra = aShape.length;
  const rb = bShape.length;
  const m = transposeA ? aShape[ra - 1] : aShape[ra - 2];
  const k = transposeA ? aShape[ra - 2] : aShape[ra - 1];
  const n = transposeB ? bShape[rb - 2] : bShape[rb - 1];
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch, 'BatchMatMul');
  return { transposeA, transposeB, m, k, n, aBatch, bBatch, batch, shape: [...batch, m, n] };
}
