import type { KernelAttrs } from '../../engine/backend.js';

/** The attrs of a 2-D window kernel (conv, depthwise conv, pool), decoded. */
export interface WindowAttrs {
  /** Strides (rows, columns). */
  sh: number;
  sw: number;
  /** Dilations (rows, columns); 1 for pools. */
  dh: number;
  dw: number;
  /** Zeros before (top, left) and after (bottom, right). */
  pt: number;
  pb: number;
  pl: number;
  pr: number;
}

/**
 * Reads `strides`, `pad` and (optional) `dilations` from a window kernel's attrs.
 * @example readWindowAttrs({ strides: [2, 2], pad: [0, 1, 0, 1] }).sh // 2
 */
export function readWindowAttrs(attrs: KernelAttrs): WindowAttrs {
  const [sh, sw] = attrs.strides as number[];
  const [pt, pb, pl, pr] = attrs.pad as number[];
  const [dh, dw] = (attrs.dilations as number[] | undefined) ?? [1, 1];
  return { sh, sw, dh, dw, pt, pb, pl, pr };
}

/**
 * One output dimension of a window op over `size` cells with a `k`-cell window.
 * @example windowOutSize(5, 3, 2, 1, 1, 1) // 3
 */
export function windowOutSize(
  size: number,
  k: number,
  stride: number,
  dilation: number,
  before: number,
  after: number,
) {
  return Math.max(0, Math.floor((size + before + after - (k - 1) * dilation - 1) / stride) + 1);
}
