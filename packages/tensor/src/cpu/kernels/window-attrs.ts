import type { KernelAttrs } from '../../engine/backend.js';

/**
 * The attrs of a 2-D window kernel (conv, depthwise conv, pool), decoded.
 * @example
 * const a: WindowAttrs = readWindowAttrs({ strides: [2, 1], pad: [1, 1, 0, 0], dilations: [1, 2] });
 * a; // { sh: 2, sw: 1, dh: 1, dw: 2, pt: 1, pb: 1, pl: 0, pr: 0 }
 */
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

/**
 * A 2-D pool's sizes (NHWC input, window, strides, top/left padding, output).
 * @example
 * const g: PoolGeometry = poolGeometry([1, 4, 4, 3], { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] });
 * [g.oh, g.ow, g.c]; // [2, 2, 3]
 */
export interface PoolGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  ph: number;
  pw: number;
  oh: number;
  ow: number;
  sh: number;
  sw: number;
  pt: number;
  pl: number;
}

/**
 * The geometry of a pool kernel (`poolSize`, `strides`, `pad` attrs) over an NHWC input, as every
 * backend computes it.
 * @example poolGeometry([1, 4, 4, 3], { poolSize: [2, 2], strides: [2, 2], pad: [0, 0, 0, 0] }).oh // 2
 */
export function poolGeometry(inputShape: readonly number[], attrs: KernelAttrs): PoolGeometry {
  const [n, h, w, c] = inputShape;
  const [ph, pw] = attrs.poolSize as number[];
  const { sh, sw, pt, pb, pl, pr } = readWindowAttrs(attrs);
  const oh = windowOutSize(h, ph, sh, 1, pt, pb);
  const ow = windowOutSize(w, pw, sw, 1, pl, pr);
  return { n, h, w, c, ph, pw, oh, ow, sh, sw, pt, pl };
}
