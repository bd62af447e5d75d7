import type { KernelAttrs } from '@horn/tensor';
import type { WasmBackend } from '../backend.js';
import { PARALLEL_FLOPS } from './gemm.js';
import { outSize, readWindow, type Window } from './window.js';

// What the convolution kernels share: the geometry of a call and how work splits across threads.

/**
 * A convolution's sizes, resolved once per kernel call.
 * @example geometry([128, 28, 28, 1], [3, 3, 1, 32], attrs).pixels // 86528 for 'valid'
 */
export interface ConvGeometry {
  n: number;
  h: number;
  w: number;
  c: number;
  kh: number;
  kw: number;
  o: number;
  oh: number;
  ow: number;
  /** Output pixels (n * oh * ow) and the inner dimension (kh * kw * c). */
  pixels: number;
  k: number;
  win: Window;
  /** A 1x1 window with stride 1 and no padding. */
  pointwise: boolean;
  /** The arguments of the module's convGeometry, which every thread calls before its part. */
  args: number[];
}

/**
 * The geometry of x (NHWC) convolved with a [kh, kw, c, o] filter under `attrs`.
 * @example geometry([1, 3, 3, 1], [2, 2, 1, 1], { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1] }).oh // 2
 */
export function geometry(xShape: readonly number[], filterShape: readonly number[], attrs: KernelAttrs): ConvGeometry {
  const [n, h, w, c] = xShape;
  const [kh, kw, , o] = filterShape;
  const win = readWindow(attrs);
  const oh = outSize(h, kh, win.sh, win.dh, win.pt, win.pb);
  const ow = outSize(w, kw, win.sw, win.dw, win.pl, win.pr);
  const pointwise = kh === 1 && kw === 1 && win.sh === 1 && win.sw === 1 && win.pt + win.pb + win.pl + win.pr === 0;
  const args = [h, w, c, kh, kw, win.sh, win.sw, win.dh, win.dw, win.pt, win.pl, oh, ow];
  return { n, h, w, c, kh, kw, o, oh, ow, pixels: n * oh * ow, k: kh * kw * c, win, pointwise, args };
}

/**
 * Rows of im2col per chunk: about 192 KiB of scratch, an even count of at least 32.
 * @example chunkRows(9, 86528) // 4096
 */
export function chunkRows(k: number, pixels: number): number {
  const rows = Math.max(32, Math.min(4096, Math.floor(49152 / Math.max(k, 1))));
  return Math.max(1, Math.min(pixels, rows + (rows % 2)));
}

/**
 * How many parts to split `units` of work costing `flops` in all into.
 * @example partsFor(backend, 1e8, 128) // 2 on two threads
 */
export function partsFor(backend: WasmBackend, flops: number, units: number): number {
  return flops < PARALLEL_FLOPS ? 1 : Math.max(1, Math.min(backend.parallel.threads, units));
}

/**
 * [start, end) of part t of `units` split into `parts`.
 * @example share(10, 2, 1) // [5, 10]
 */
export const share = (units: number, parts: number, t: number) =>
  [Math.floor((units * t) / parts), Math.floor((units * (t + 1)) / parts)] as const;
