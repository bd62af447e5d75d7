// Depthwise 2-D convolution, NHWC, with one filter per channel (channel multiplier 1): y[p, j] =
// Σ_taps x[tap(p), j] · f[tap, j] over C = gC channels, vectorised over the channels (16 at a
// time in four accumulators, then 4, then one by one). A multiplier m > 1 runs here too, on x
// with each channel repeated m times (expandChannels): its C = c * m channels then line up with
// the filter's [kh, kw, c, m] = [kh, kw, C] layout. Rows are (batch, output row); a thread takes
// a range of them after convGeometry set the geometry. The gradients are in depthwise-grad.ts.
import { gC, gDh, gDw, gH, gKh, gKw, gOh, gOw, gPl, gPt, gSh, gSw, gW } from './conv-geometry';

/** First tap of a window at `base` that lands inside [0, size). */
// @ts-expect-error: AssemblyScript decorator
@inline
export function firstTap(base: i32, dilation: i32, taps: i32): i32 {
  return base >= 0 ? 0 : min(taps, (-base + dilation - 1) / dilation);
}

/** One past the last tap of a window at `base` that lands inside [0, size). */
// @ts-expect-error: AssemblyScript decorator
@inline
export function endTap(base: i32, dilation: i32, taps: i32, size: i32): i32 {
  return base > size - 1 ? 0 : min(taps, (size - 1 - base) / dilation + 1);
}

/**
 * y = depthwise(x, f) over output rows r0 .. r0 + nrows (multiplier 1, C = gC channels): f is
 * [kh, kw, C], y [n, oh, ow, C]. Taps in the padding are cut from each pixel's range up front.
 * 3x3 windows on rows and columns whose window lies wholly inside the image run depthwise3x3Run,
 * which keeps a channel vector's nine filter taps in registers along the row.
 */
export function depthwiseConv2d(x: usize, f: usize, y: usize, r0: i32, nrows: i32): void {
  const c = gC;
  const pixelBytes = <usize>(c * 4);
  const is3x3 = gKh === 3 && gKw === 3;
  // Output columns whose 3-wide window lies inside the row: base >= 0 and base + 2 * dw <= w - 1.
  const oxA = min(gOw, (gPl + gSw - 1) / gSw);
  const lastBase = gW - 1 - 2 * gDw + gPl;
  const oxB = max(oxA, lastBase < 0 ? 0 : min(gOw, lastBase / gSw + 1));
  const c4 = c & ~3;
  for (let r = r0; r < r0 + nrows; r++) {
    const b = r / gOh;
    const oy = r - b * gOh;
    const xBatch = x + <usize>(b * gH * gW) * pixelBytes;
    const yRow = y + <usize>(r * gOw) * pixelBytes;
    const iyBase = oy * gSh - gPt;
    const ky0 = firstTap(iyBase, gDh, gKh);
    const ky1 = max(ky0, endTap(iyBase, gDh, gKh, gH));
    const fast = is3x3 && ky0 === 0 && ky1 === 3 && oxB > oxA && c4 > 0;
    for (let ox = 0; ox < gOw; ox++) {
      if (fast && ox === oxA) {
        const xRow = xBatch + <usize>(iyBase * gW) * pixelBytes;
        for (let j = 0; j < c4; j += 4) depthwise3x3Run(xRow, f, yRow, j, oxA, oxB);
        if (c4 < c) {
          for (let p = oxA; p < oxB; p++) pixel(xBatch, f, yRow, iyBase, 0, 3, p, c4);
        }
        ox = oxB - 1;
        continue;
      }
      pixel(xBatch, f, yRow, iyBase, ky0, ky1, ox, 0);
    }
  }
}

/**
 * One channel vector (channels j .. j + 4) of output columns oxA .. oxB of a row whose 3x3
 * windows lie inside the image (xRow: the window's top input row): the nine filter vectors stay
 * in registers, each output vector takes nine loads and three independent sums (one per window row).
 */
function depthwise3x3Run(xRow: usize, f: usize, yRow: usize, j: i32, oxA: i32, oxB: i32): void {
  const c = gC;
  const pixelBytes = <usize>(c * 4);
  const tap = <usize>(gDw * c * 4);
  const down = <usize>(gDh * gW * c * 4);
  const fp = f + <usize>(j * 4);
  const f00 = v128.load(fp);
  const f01 = v128.load(fp + pixelBytes);
  const f02 = v128.load(fp + 2 * pixelBytes);
  const f10 = v128.load(fp + 3 * pixelBytes);
  const f11 = v128.load(fp + 4 * pixelBytes);
  const f12 = v128.load(fp + 5 * pixelBytes);
  const f20 = v128.load(fp + 6 * pixelBytes);
  const f21 = v128.load(fp + 7 * pixelBytes);
  const f22 = v128.load(fp + 8 * pixelBytes);
  const step = <usize>(gSw * c * 4);
  let p = xRow + <usize>(oxA * gSw - gPl) * pixelBytes + <usize>(j * 4);
  let d = yRow + <usize>oxA * pixelBytes + <usize>(j * 4);
  for (let ox = oxA; ox < oxB; ox++) {
    const q = p + down;
    const s = q + down;
    let a0 = f32x4.mul(v128.load(p), f00);
    let a1 = f32x4.mul(v128.load(q), f10);
    let a2 = f32x4.mul(v128.load(s), f20);
    a0 = f32x4.add(a0, f32x4.mul(v128.load(p + tap), f01));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(q + tap), f11));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(s + tap), f21));
    a0 = f32x4.add(a0, f32x4.mul(v128.load(p + 2 * tap), f02));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(q + 2 * tap), f12));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(s + 2 * tap), f22));
    v128.store(d, f32x4.add(f32x4.add(a0, a1), a2));
    p += step;
    d += pixelBytes;
  }
}

/**
 * Output pixel ox of a row, channels jStart .. C, over window rows [ky0, ky1) and the columns of
 * the window inside the image.
 */
function pixel(xBatch: usize, f: usize, yRow: usize, iyBase: i32, ky0: i32, ky1: i32, ox: i32, jStart: i32): void {
  const c = gC;
  const pixelBytes = <usize>(c * 4);
  const dxBytes = <usize>(gDw * c * 4);
  const base = ox * gSw - gPl;
  const kx0 = firstTap(base, gDw, gKw);
  const kx1 = max(kx0, endTap(base, gDw, gKw, gW));
  const yp = yRow + <usize>ox * pixelBytes;
  let j = jStart;
  for (; j + 16 <= c; j += 16) {
    let a0 = f32x4.splat(0);
    let a1 = f32x4.splat(0);
    let a2 = f32x4.splat(0);
    let a3 = f32x4.splat(0);
    for (let ky = ky0; ky < ky1; ky++) {
      let xp = xBatch + <usize>((iyBase + ky * gDh) * gW + base + kx0 * gDw) * pixelBytes + <usize>(j * 4);
      let fp = f + <usize>((ky * gKw + kx0) * c + j) * 4;
      for (let kx = kx0; kx < kx1; kx++) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(fp)));
        a1 = f32x4.add(a1, f32x4.mul(v128.load(xp, 16), v128.load(fp, 16)));
        a2 = f32x4.add(a2, f32x4.mul(v128.load(xp, 32), v128.load(fp, 32)));
        a3 = f32x4.add(a3, f32x4.mul(v128.load(xp, 48), v128.load(fp, 48)));
        xp += dxBytes;
        fp += pixelBytes;
      }
    }
    const d = yp + <usize>(j * 4);
    v128.store(d, a0);
    v128.store(d, a1, 16);
    v128.store(d, a2, 32);
    v128.store(d, a3, 48);
  }
  for (; j + 4 <= c; j += 4) {
    let a0 = f32x4.splat(0);
    for (let ky = ky0; ky < ky1; ky++) {
      let xp = xBatch + <usize>((iyBase + ky * gDh) * gW + base + kx0 * gDw) * pixelBytes + <usize>(j * 4);
      let fp = f + <usize>((ky * gKw + kx0) * c + j) * 4;
      for (let kx = kx0; kx < kx1; kx++) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(fp)));
        xp += dxBytes;
        fp += pixelBytes;
      }
    }
    v128.store(yp + <usize>(j * 4), a0);
  }
  for (; j < c; j++) {
    let s: f32 = 0;
    for (let ky = ky0; ky < ky1; ky++) {
      let xp = xBatch + <usize>((iyBase + ky * gDh) * gW + base + kx0 * gDw) * pixelBytes + <usize>(j * 4);
      let fp = f + <usize>((ky * gKw + kx0) * c + j) * 4;
      for (let kx = kx0; kx < kx1; kx++) {
        s += load<f32>(xp) * load<f32>(fp);
        xp += dxBytes;
        fp += pixelBytes;
      }
    }
    store<f32>(yp + <usize>(j * 4), s);
  }
}
