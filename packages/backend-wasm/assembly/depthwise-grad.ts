// The gradients of the multiplier-1 depthwise convolution (see depthwise-conv.ts): the input
// gradient gathered per input pixel (strided; stride 1 runs the forward kernel on a flipped
// filter), the filter gradient summed along each output row in registers.
import { gC, gDh, gDw, gH, gKh, gKw, gOh, gOw, gPl, gPt, gSh, gSw, gW } from './conv-geometry';
import { endTap, firstTap } from './depthwise-conv';

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
