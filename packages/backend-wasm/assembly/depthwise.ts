// Depthwise 2-D convolution, NHWC, with one filter per channel (channel multiplier 1): y[p, j] =
// Σ_taps x[tap(p), j] · f[tap, j] over C = gC channels, vectorised over the channels (16 at a
// time in four accumulators, then 4, then one by one). A multiplier m > 1 runs here too, on x
// with each channel repeated m times (expandChannels): its C = c * m channels then line up with
// the filter's [kh, kw, c, m] = [kh, kw, C] layout. Rows are (batch, output row); a thread takes
// a range of them after convGeometry set the geometry.
import { gC, gDh, gDw, gH, gKh, gKw, gOh, gOw, gPl, gPt, gSh, gSw, gW } from './conv-geometry';

/** First tap of a window at `base` that lands inside [0, size). */
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

/**
 * dx = the input gradient of depthwiseConv2d (multiplier 1) over input rows r0 .. r0 + nrows (a
 * row being (batch, iy)), gathered: dx[iy, ix, j] = Σ dy[oy, ox, j] · f[ky, kx, j] over the taps
 * with oy * sh - pt + ky * dh = iy (and likewise for columns). For any stride; at stride 1 the
 * kernel side runs depthwiseConv2d on a flipped filter instead. Without dilation the taps that
 * meet an output are every stride-th one from (iy + pt) mod sh: depthwiseInputGradUndilated
 * steps through them with no division in the inner loops.
 */
export function depthwiseInputGrad(dy: usize, f: usize, dx: usize, r0: i32, nrows: i32): void {
  if (gDh === 1 && gDw === 1) {
    depthwiseInputGradUndilated(dy, f, dx, r0, nrows);
    return;
  }
  const c = gC;
  const pixelBytes = <usize>(c * 4);
  for (let r = r0; r < r0 + nrows; r++) {
    const b = r / gH;
    const iy = r - b * gH;
    const dyBatch = dy + <usize>(b * gOh * gOw) * pixelBytes;
    for (let ix = 0; ix < gW; ix++) {
      const dp = dx + <usize>(r * gW + ix) * pixelBytes;
      let j = 0;
      for (; j + 16 <= c; j += 16) {
        let a0 = f32x4.splat(0);
        let a1 = f32x4.splat(0);
        let a2 = f32x4.splat(0);
        let a3 = f32x4.splat(0);
        for (let ky = 0; ky < gKh; ky++) {
          const t = iy + gPt - ky * gDh;
          if (t < 0 || t % gSh !== 0 || t / gSh >= gOh) continue;
          const dyRow = dyBatch + <usize>((t / gSh) * gOw) * pixelBytes + <usize>(j * 4);
          for (let kx = 0; kx < gKw; kx++) {
            const u = ix + gPl - kx * gDw;
            if (u < 0 || u % gSw !== 0 || u / gSw >= gOw) continue;
            const gp = dyRow + <usize>(u / gSw) * pixelBytes;
            const fp = f + <usize>((ky * gKw + kx) * c + j) * 4;
            a0 = f32x4.add(a0, f32x4.mul(v128.load(gp), v128.load(fp)));
            a1 = f32x4.add(a1, f32x4.mul(v128.load(gp, 16), v128.load(fp, 16)));
            a2 = f32x4.add(a2, f32x4.mul(v128.load(gp, 32), v128.load(fp, 32)));
            a3 = f32x4.add(a3, f32x4.mul(v128.load(gp, 48), v128.load(fp, 48)));
          }
        }
        const d = dp + <usize>(j * 4);
        v128.store(d, a0);
        v128.store(d, a1, 16);
        v128.store(d, a2, 32);
        v128.store(d, a3, 48);
      }
      for (; j + 4 <= c; j += 4) {
        let a0 = f32x4.splat(0);
        for (let ky = 0; ky < gKh; ky++) {
          const t = iy + gPt - ky * gDh;
          if (t < 0 || t % gSh !== 0 || t / gSh >= gOh) continue;
          const dyRow = dyBatch + <usize>((t / gSh) * gOw) * pixelBytes + <usize>(j * 4);
          for (let kx = 0; kx < gKw; kx++) {
            const u = ix + gPl - kx * gDw;
            if (u < 0 || u % gSw !== 0 || u / gSw >= gOw) continue;
            const fp = f + <usize>((ky * gKw + kx) * c + j) * 4;
            a0 = f32x4.add(a0, f32x4.mul(v128.load(dyRow + <usize>(u / gSw) * pixelBytes), v128.load(fp)));
          }
        }
        v128.store(dp + <usize>(j * 4), a0);
      }
      for (; j < c; j++) {
        let s: f32 = 0;
        for (let ky = 0; ky < gKh; ky++) {
          const t = iy + gPt - ky * gDh;
          if (t < 0 || t % gSh !== 0 || t / gSh >= gOh) continue;
          const dyRow = dyBatch + <usize>((t / gSh) * gOw) * pixelBytes + <usize>(j * 4);
          for (let kx = 0; kx < gKw; kx++) {
            const u = ix + gPl - kx * gDw;
            if (u < 0 || u % gSw !== 0 || u / gSw >= gOw) continue;
            s += load<f32>(dyRow + <usize>(u / gSw) * pixelBytes) * load<f32>(f + <usize>((ky * gKw + kx) * c + j) * 4);
          }
        }
        store<f32>(dp + <usize>(j * 4), s);
      }
    }
  }
}

/** depthwiseInputGrad without dilation: taps (ky, oy) and (kx, ox) stepped, not divided for. */
function depthwiseInputGradUndilated(dy: usize, f: usize, dx: usize, r0: i32, nrows: i32): void {
  const c = gC;
  const pixelBytes = <usize>(c * 4);
  // Moving one tap on (+ stride taps) moves one output back.
  const dyTapX = <usize>pixelBytes;
  const fTapX = <usize>(gSw * c * 4);
  for (let r = r0; r < r0 + nrows; r++) {
    const b = r / gH;
    const iy = r - b * gH;
    const dyBatch = dy + <usize>(b * gOh * gOw) * pixelBytes;
    const ty = iy + gPt;
    const kyFirst = ty % gSh;
    const oyFirst = ty / gSh;
    // Valid taps: ky = kyFirst + i * sh < kh with oy = oyFirst - i in [0, oh).
    const iy0 = max(0, oyFirst - gOh + 1);
    const iy1 = min(oyFirst + 1, (gKh - kyFirst + gSh - 1) / gSh);
    for (let ix = 0; ix < gW; ix++) {
      const dp = dx + <usize>(r * gW + ix) * pixelBytes;
      const tx = ix + gPl;
      const kxFirst = tx % gSw;
      const oxFirst = tx / gSw;
      const ix0 = max(0, oxFirst - gOw + 1);
      const ix1 = min(oxFirst + 1, (gKw - kxFirst + gSw - 1) / gSw);
      let j = 0;
      for (; j + 16 <= c; j += 16) {
        let a0 = f32x4.splat(0);
        let a1 = f32x4.splat(0);
        let a2 = f32x4.splat(0);
        let a3 = f32x4.splat(0);
        for (let i = iy0; i < iy1; i++) {
          const ky = kyFirst + i * gSh;
          const oy = oyFirst - i;
          let gp = dyBatch + <usize>((oy * gOw + oxFirst - ix0) * c + j) * 4;
          let fp = f + <usize>((ky * gKw + kxFirst + ix0 * gSw) * c + j) * 4;
          for (let k = ix0; k < ix1; k++) {
            a0 = f32x4.add(a0, f32x4.mul(v128.load(gp), v128.load(fp)));
            a1 = f32x4.add(a1, f32x4.mul(v128.load(gp, 16), v128.load(fp, 16)));
            a2 = f32x4.add(a2, f32x4.mul(v128.load(gp, 32), v128.load(fp, 32)));
            a3 = f32x4.add(a3, f32x4.mul(v128.load(gp, 48), v128.load(fp, 48)));
            gp -= dyTapX;
            fp += fTapX;
          }
        }
        const d = dp + <usize>(j * 4);
        v128.store(d, a0);
        v128.store(d, a1, 16);
        v128.store(d, a2, 32);
        v128.store(d, a3, 48);
      }
      for (; j + 4 <= c; j += 4) {
        let a0 = f32x4.splat(0);
        for (let i = iy0; i < iy1; i++) {
          const ky = kyFirst + i * gSh;
          const oy = oyFirst - i;
          let gp = dyBatch + <usize>((oy * gOw + oxFirst - ix0) * c + j) * 4;
          let fp = f + <usize>((ky * gKw + kxFirst + ix0 * gSw) * c + j) * 4;
          for (let k = ix0; k < ix1; k++) {
            a0 = f32x4.add(a0, f32x4.mul(v128.load(gp), v128.load(fp)));
            gp -= dyTapX;
            fp += fTapX;
          }
        }
        v128.store(dp + <usize>(j * 4), a0);
      }
      for (; j < c; j++) {
        let s: f32 = 0;
        for (let i = iy0; i < iy1; i++) {
          const ky = kyFirst + i * gSh;
          const oy = oyFirst - i;
          let gp = dyBatch + <usize>((oy * gOw + oxFirst - ix0) * c + j) * 4;
          let fp = f + <usize>((ky * gKw + kxFirst + ix0 * gSw) * c + j) * 4;
          for (let k = ix0; k < ix1; k++) {
            s += load<f32>(gp) * load<f32>(fp);
            gp -= dyTapX;
            fp += fTapX;
          }
        }
        store<f32>(dp + <usize>(j * 4), s);
      }
    }
  }
}

/**
 * df += the filter gradient of depthwiseConv2d (multiplier 1) over output rows r0 .. r0 + nrows:
 * df[ky, kx, j] += Σ_ox x[tap, j] · dy[ox, j], each (tap, 16 channels) summed along the row in
 * registers before it is added to df ([kh, kw, C], zeroed or holding a partial sum).
 */
export function depthwiseFilterGrad(x: usize, dy: usize, df: usize, r0: i32, nrows: i32): void {
  const c = gC;
  const pixelBytes = <usize>(c * 4);
  const sxBytes = <usize>(gSw * c * 4);
  for (let r = r0; r < r0 + nrows; r++) {
    const b = r / gOh;
    const oy = r - b * gOh;
    const xBatch = x + <usize>(b * gH * gW) * pixelBytes;
    const dyRow = dy + <usize>(r * gOw) * pixelBytes;
    const iyBase = oy * gSh - gPt;
    const ky0 = firstTap(iyBase, gDh, gKh);
    const ky1 = max(ky0, endTap(iyBase, gDh, gKh, gH));
    for (let ky = ky0; ky < ky1; ky++) {
      const xRow = xBatch + <usize>((iyBase + ky * gDh) * gW) * pixelBytes;
      for (let kx = 0; kx < gKw; kx++) {
        // Output columns whose tap kx lands inside the row: 0 <= ox * sw - pl + kx * dw < w.
        const shift = kx * gDw - gPl;
        const ox0 = shift >= 0 ? 0 : (-shift + gSw - 1) / gSw;
        const last = gW - 1 - shift;
        const ox1 = last < 0 ? 0 : min(gOw, last / gSw + 1);
        if (ox1 <= ox0) continue;
        const xStart = xRow + <usize>(ox0 * gSw + shift) * pixelBytes;
        const dyStart = dyRow + <usize>ox0 * pixelBytes;
        const fRow = df + <usize>((ky * gKw + kx) * c) * 4;
        let j = 0;
        for (; j + 16 <= c; j += 16) {
          let a0 = f32x4.splat(0);
          let a1 = f32x4.splat(0);
          let a2 = f32x4.splat(0);
          let a3 = f32x4.splat(0);
          let xp = xStart + <usize>(j * 4);
          let gp = dyStart + <usize>(j * 4);
          for (let ox = ox0; ox < ox1; ox++) {
            a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(gp)));
            a1 = f32x4.add(a1, f32x4.mul(v128.load(xp, 16), v128.load(gp, 16)));
            a2 = f32x4.add(a2, f32x4.mul(v128.load(xp, 32), v128.load(gp, 32)));
            a3 = f32x4.add(a3, f32x4.mul(v128.load(xp, 48), v128.load(gp, 48)));
            xp += sxBytes;
            gp += pixelBytes;
          }
          const d = fRow + <usize>(j * 4);
          v128.store(d, f32x4.add(v128.load(d), a0));
          v128.store(d, f32x4.add(v128.load(d, 16), a1), 16);
          v128.store(d, f32x4.add(v128.load(d, 32), a2), 32);
          v128.store(d, f32x4.add(v128.load(d, 48), a3), 48);
        }
        for (; j + 4 <= c; j += 4) {
          let a0 = f32x4.splat(0);
          let xp = xStart + <usize>(j * 4);
          let gp = dyStart + <usize>(j * 4);
          for (let ox = ox0; ox < ox1; ox++) {
            a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(gp)));
            xp += sxBytes;
            gp += pixelBytes;
          }
          const d = fRow + <usize>(j * 4);
          v128.store(d, f32x4.add(v128.load(d), a0));
        }
        for (; j < c; j++) {
          let s: f32 = 0;
          let xp = xStart + <usize>(j * 4);
          let gp = dyStart + <usize>(j * 4);
          for (let ox = ox0; ox < ox1; ox++) {
            s += load<f32>(xp) * load<f32>(gp);
            xp += sxBytes;
            gp += pixelBytes;
          }
          const d = fRow + <usize>(j * 4);
          store<f32>(d, load<f32>(d) + s);
        }
      }
    }
  }
}

/** dst[p, ci * m + mi] = src[p, ci] over `pixels` pixels of c channels: x for a multiplier m. */
export function expandChannels(src: usize, dst: usize, pixels: i32, c: i32, m: i32): void {
  let s = src;
  let d = dst;
  const count = pixels * c;
  for (let i = 0; i < count; i++) {
    const v = load<f32>(s);
    for (let mi = 0; mi < m; mi++) store<f32>(d + <usize>(mi * 4), v);
    s += 4;
    d += <usize>(m * 4);
  }
}

/** dst[p, ci] = Σ_mi src[p, ci * m + mi]: a multiplier-m input gradient folded back to c channels. */
export function sumChannelGroups(src: usize, dst: usize, pixels: i32, c: i32, m: i32): void {
  let s = src;
  let d = dst;
  const count = pixels * c;
  for (let i = 0; i < count; i++) {
    let v: f32 = 0;
    for (let mi = 0; mi < m; mi++) v += load<f32>(s + <usize>(mi * 4));
    store<f32>(d, v);
    s += <usize>(m * 4);
    d += 4;
  }
}
