import type { KernelAttrs } from '@horn/tensor';

/**
 * The attrs of a 2-D window kernel (conv, pool), decoded: strides, dilations and padding.
 * @example const { sh, pt } = readWindow(attrs)
 */
export interface Window {
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  pt: number;
  pb: number;
  pl: number;
  pr: number;
}

/**
 * Reads `strides`, `pad` ([top, bottom, left, right]) and optional `dilations` from a kernel's attrs.
 * @example readWindow({ strides: [2, 2], pad: [0, 1, 0, 1] }).sh // 2
 */
export function readWindow(attrs: KernelAttrs): Window {
  const [sh, sw] = attrs.strides as number[];
  const [pt, pb, pl, pr] = attrs.pad as number[];
  const [dh, dw] = (attrs.dilations as number[] | undefined) ?? [1, 1];
  return { sh, sw, dh, dw, pt, pb, pl, pr };
}

/**
 * One output dimension of a window op over `size` cells with a `k`-cell window.
 * @example outSize(5, 3, 2, 1, 1, 1) // 3
 */
export function outSize(size: number, k: number, stride: number, dilation: number, before: number, after: number) {
  return Math.max(0, Math.floor((size + before + after - (k - 1) * dilation - 1) / stride) + 1);
}
