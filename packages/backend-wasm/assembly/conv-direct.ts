// Direct convolution on the GEMM's register tile.
import { gC, gDh, gDw, gH, gKh, gKw, gOh, gOw, gPl, gPt, gSh, gSw, gW } from './conv-geometry';

/** First tap (kx) of a window at `base` that lands inside [0, size). */
// @ts-expect-error: AssemblyScript decorator
@inline
function firstTap(base: i32, dilation: i32, taps: i32): i32 {
  return base >= 0 ? 0 : min(taps, (-base + dilation - 1) / dilation);
}

/** One past the last tap of a window at `base` that lands inside [0, size). */
// @ts-expect-error: AssemblyScript decorator
@inline
function endTap(base: i32, dilation: i32, taps: i32, size: i32): i32 {
  return base > size - 1 ? 0 : min(taps, (size - 1 - base) / dilation + 1);
}

/**
 * Direct convolution with the GEMM's 2x16 register tile: two neighbouring output pixels of a row
 * times 16 output channels, A read straight from the image (no im2col), the filter from packB
 * panels ([K, o], K in (ky, kx, ci) order). Taps in the padding are cut from each pixel's range
 * up front; with dilation 1 a window row is one contiguous run of x (and of the panel), so the
 * inner loop is the GEMM's. Covers output rows r0 .. r0 + nrows, a row being (batch, oy).
 * `epilogue` fuses FusedConv2D's tail in, a row at a time while the row is in cache: bit 1 adds
 * `bias` (o floats), bit 2 applies relu (NaN stays NaN, as the Relu kernel).
 */
export function conv2dDirect(
  x: usize,
  packedW: usize,
  y: usize,
  o: i32,
  r0: i32,
  nrows: i32,
  bias: usize,
  epilogue: i32,
): void {
  const c = gC;
  const k = gKh * gKw * c;
  const rowBytes = <usize>(gW * c * 4);
  const sxBytes = <usize>(gSw * c * 4);
  // With dilation 1 a window row's taps are adjacent: one segment of (taps * c) steps.
  const contiguous = gDw === 1;
  for (let r = r0; r < r0 + nrows; r++) {
    const b = r / gOh;
    const oy = r - b * gOh;
    const xBatch = x + <usize>(b * gH * gW * c * 4);
    const yRow = y + <usize>(r * gOw * o * 4);
    const iyBase = oy * gSh - gPt;
    const ky0 = firstTap(iyBase, gDh, gKh);
    const ky1 = endTap(iyBase, gDh, gKh, gH);
    for (let ox = 0; ox < gOw; ox += 2) {
      const pair = ox + 1 < gOw;
      const base0 = ox * gSw - gPl;
      const lo0 = firstTap(base0, gDw, gKw);
      const hi0 = max(lo0, endTap(base0, gDw, gKw, gW));
      const lo1 = pair ? firstTap(base0 + gSw, gDw, gKw) : gKw;
      const hi1 = pair ? max(lo1, endTap(base0 + gSw, gDw, gKw, gW)) : gKw;
      // Taps both pixels see, then the ones only one of them sees (near the borders).
      const lo = max(lo0, lo1);
      const hi = max(lo, min(hi0, hi1));
      for (let jr = 0; jr < o; jr += 16) {
        const panel = packedW + <usize>(jr * k * 4);
        let c00 = f32x4.splat(0);
        let c01 = f32x4.splat(0);
        let c02 = f32x4.splat(0);
        let c03 = f32x4.splat(0);
        let c10 = f32x4.splat(0);
        let c11 = f32x4.splat(0);
        let c12 = f32x4.splat(0);
        let c13 = f32x4.splat(0);
        for (let ky = ky0; ky < ky1; ky++) {
          const xRow = xBatch + <usize>((iyBase + ky * gDh) * <i32>rowBytes);
          const panelRow = panel + <usize>(ky * gKw * c * 64);
          // Both pixels over taps [lo, hi).
          const segments = contiguous ? (hi > lo ? 1 : 0) : hi - lo;
          const steps = contiguous ? (hi - lo) * c : c;
          for (let sIdx = 0; sIdx < segments; sIdx++) {
            const kx = lo + sIdx;
            let p0 = xRow + <usize>((base0 + kx * gDw) * c * 4);
            let bp = panelRow + <usize>(kx * c * 64);
            for (let t = 0; t < steps; t++) {
              const b0 = v128.load(bp);
              const b1 = v128.load(bp, 16);
              const b2 = v128.load(bp, 32);
              const b3 = v128.load(bp, 48);
              const a0 = v128.load32_splat(p0);
              const a1 = v128.load32_splat(p0 + sxBytes);
              c00 = f32x4.add(c00, f32x4.mul(a0, b0));
              c01 = f32x4.add(c01, f32x4.mul(a0, b1));
              c02 = f32x4.add(c02, f32x4.mul(a0, b2));
              c03 = f32x4.add(c03, f32x4.mul(a0, b3));
              c10 = f32x4.add(c10, f32x4.mul(a1, b0));
              c11 = f32x4.add(c11, f32x4.mul(a1, b1));
              c12 = f32x4.add(c12, f32x4.mul(a1, b2));
              c13 = f32x4.add(c13, f32x4.mul(a1, b3));
              p0 += 4;
              bp += 64;
            }
          }
          // Pixel 0 alone: its taps [lo0, hi0) before and after [lo, hi).
          for (let kx = lo0 >= lo && lo0 < hi ? hi : lo0; kx < hi0; kx = kx + 1 === lo ? max(lo, hi) : kx + 1) {
            let p0 = xRow + <usize>((base0 + kx * gDw) * c * 4);
            let bp = panelRow + <usize>(kx * c * 64);
            for (let ci = 0; ci < c; ci++) {
              const a0 = v128.load32_splat(p0);
              c00 = f32x4.add(c00, f32x4.mul(a0, v128.load(bp)));
              c01 = f32x4.add(c01, f32x4.mul(a0, v128.load(bp, 16)));
              c02 = f32x4.add(c02, f32x4.mul(a0, v128.load(bp, 32)));
              c03 = f32x4.add(c03, f32x4.mul(a0, v128.load(bp, 48)));
              p0 += 4;
              bp += 64;
            }
          }
          // Pixel 1 alone, likewise.
          for (let kx = lo1 >= lo && lo1 < hi ? hi : lo1; kx < hi1; kx = kx + 1 === lo ? max(lo, hi) : kx + 1) {
            let p1 = xRow + <usize>((base0 + gSw + kx * gDw) * c * 4);
            let bp = panelRow + <usize>(kx * c * 64);
            for (let ci = 0; ci < c; ci++) {
              const a1 = v128.load32_splat(p1);
              c10 = f32x4.add(c10, f32x4.mul(a1, v128.load(bp)));
              c11 = f32x4.add(c11, f32x4.mul(a1, v128.load(bp, 16)));
              c12 = f32x4.add(c12, f32x4.mul(a1, v128.load(bp, 32)));
              c13 = f32x4.add(c13, f32x4.mul(a1, v128.load(bp, 48)));
              p1 += 4;
              bp += 64;
            }
          }
        }
        const d0 = yRow + <usize>((ox * o + jr) * 4);
        const nr = min(16, o - jr);
        if (nr === 16) {
          v128.store(d0, c00);
          v128.store(d0, c01, 16);
          v128.store(d0, c02, 32);
          v128.store(d0, c03, 48);
          if (pair) {
            const d1 = d0 + <usize>(o * 4);
            v128.store(d1, c10);
            v128.store(d1, c11, 16);
            v128.store(d1, c12, 32);
            v128.store(d1, c13, 48);
          }
        } else {
          storePartial(d0, c00, c01, c02, c03, nr);
          if (pair) storePartial(d0 + <usize>(o * 4), c10, c11, c12, c13, nr);
        }
      }
    }
    // The row (gOw * o floats) is still in L1: bias and relu now cost no trip to memory, and the
    // tile loop above stays as tight as the plain convolution's.
    if (epilogue !== 0) rowEpilogue(yRow, gOw, o, bias, epilogue);
  }
}

/** y[p, j] = relu?(y[p, j] + bias?[j]) over `pixels` rows of o floats (epilogue bits as conv2dDirect). */
function rowEpilogue(y: usize, pixels: i32, o: i32, bias: usize, epilogue: i32): void {
  const addBias = (epilogue & 1) !== 0;
  const relu = (epilogue & 2) !== 0;
  const zero = f32x4.splat(0);
  for (let p = 0; p < pixels; p++) {
    const row = y + <usize>(p * o * 4);
    let j = 0;
    for (; j + 4 <= o; j += 4) {
      const at = row + <usize>(j * 4);
      let v = v128.load(at);
      if (addBias) v = f32x4.add(v, v128.load(bias + <usize>(j * 4)));
      if (relu) v = f32x4.max(v, zero);
      v128.store(at, v);
    }
    for (; j < o; j++) {
      const at = row + <usize>(j * 4);
      let v = load<f32>(at);
      if (addBias) v += load<f32>(bias + <usize>(j * 4));
      if (relu) v = v > 0 || isNaN(v) ? v : 0;
      store<f32>(at, v);
    }
  }
}

/** Stores the first nr (< 16) lanes of four vectors. */
function storePartial(d: usize, v0: v128, v1: v128, v2: v128, v3: v128, nr: i32): void {
  for (let j = 0; j < nr; j++) {
    const q = j >> 2;
    const v = q === 0 ? v0 : q === 1 ? v1 : q === 2 ? v2 : v3;
    const lane = j & 3;
    let s: f32;
    if (lane === 0) s = f32x4.extract_lane(v, 0);
    else if (lane === 1) s = f32x4.extract_lane(v, 1);
    else if (lane === 2) s = f32x4.extract_lane(v, 2);
    else s = f32x4.extract_lane(v, 3);
    store<f32>(d + <usize>(j * 4), s);
  }
}
