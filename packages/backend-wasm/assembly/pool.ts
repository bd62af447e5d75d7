// Max pooling, NHWC, over each window's real cells (padding never wins), and its gradient: each
// dy goes to the first maximal cell of its window. NaN wins, as in NumPy and the cpu backend.

let pH: i32 = 0;
let pW: i32 = 0;
let pC: i32 = 0;
let pPh: i32 = 0;
let pPw: i32 = 0;
let pSh: i32 = 1;
let pSw: i32 = 1;
let pPt: i32 = 0;
let pPl: i32 = 0;
let pOh: i32 = 0;
let pOw: i32 = 0;

export function poolGeometry(
  h: i32,
  w: i32,
  c: i32,
  ph: i32,
  pw: i32,
  sh: i32,
  sw: i32,
  pt: i32,
  pl: i32,
  oh: i32,
  ow: i32,
): void {
  pH = h;
  pW = w;
  pC = c;
  pPh = ph;
  pPw = pw;
  pSh = sh;
  pSw = sw;
  pPt = pt;
  pPl = pl;
  pOh = oh;
  pOw = ow;
}

/** y[b, oy, ox, :] = max over the window, for batches b0 .. b0 + nb. */
export function maxPoolF32(x: usize, y: usize, b0: i32, nb: i32): void {
  const c = pC;
  for (let b = b0; b < b0 + nb; b++) {
    const xb = x + <usize>(b * pH * pW * c * 4);
    for (let oy = 0; oy < pOh; oy++) {
      const y0 = max(oy * pSh - pPt, 0);
      const y1 = min(oy * pSh - pPt + pPh, pH);
      for (let ox = 0; ox < pOw; ox++) {
        const x0 = max(ox * pSw - pPl, 0);
        const x1 = min(ox * pSw - pPl + pPw, pW);
        const dst = y + <usize>(((b * pOh + oy) * pOw + ox) * c * 4);
        let ci = 0;
        for (; ci + 4 <= c; ci += 4) {
          let m = f32x4.splat(-Infinity);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) m = f32x4.max(m, v128.load(xb + <usize>(((iy * pW + ix) * c + ci) * 4)));
          }
          v128.store(dst + <usize>(ci * 4), m);
        }
        for (; ci < c; ci++) {
          let best: f32 = -Infinity;
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const v = load<f32>(xb + <usize>(((iy * pW + ix) * c + ci) * 4));
              if (v > best || isNaN(v)) best = v;
            }
          }
          store<f32>(dst + <usize>(ci * 4), best);
        }
      }
    }
  }
}

/** dx (zeroed by the caller) += dy routed to each window's first maximal cell, batches b0 .. b0 + nb. */
export function maxPoolGradF32(dy: usize, x: usize, dx: usize, b0: i32, nb: i32): void {
  const c = pC;
  for (let b = b0; b < b0 + nb; b++) {
    const xb = x + <usize>(b * pH * pW * c * 4);
    const dxb = dx + <usize>(b * pH * pW * c * 4);
    for (let oy = 0; oy < pOh; oy++) {
      const y0 = max(oy * pSh - pPt, 0);
      const y1 = min(oy * pSh - pPt + pPh, pH);
      for (let ox = 0; ox < pOw; ox++) {
        const x0 = max(ox * pSw - pPl, 0);
        const x1 = min(ox * pSw - pPl + pPw, pW);
        if (y0 >= y1 || x0 >= x1) continue;
        const g = dy + <usize>(((b * pOh + oy) * pOw + ox) * c * 4);
        const first = y0 * pW + x0;
        let ci = 0;
        // Four channels at a time: each lane tracks its best value and the cell it came from.
        // Strictly greater keeps the first maximum; the first NaN wins and stays.
        for (; ci + 4 <= c; ci += 4) {
          let best = v128.load(xb + <usize>((first * c + ci) * 4));
          let at = i32x4.splat(first);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = iy === y0 ? x0 + 1 : x0; ix < x1; ix++) {
              const cell = iy * pW + ix;
              const v = v128.load(xb + <usize>((cell * c + ci) * 4));
              const wins = v128.or(f32x4.gt(v, best), v128.and(f32x4.ne(v, v), f32x4.eq(best, best)));
              best = v128.bitselect(v, best, wins);
              at = v128.bitselect(i32x4.splat(cell), at, wins);
            }
          }
          const gp = g + <usize>(ci * 4);
          addAt(dxb, (i32x4.extract_lane(at, 0) * c + ci) * 4, load<f32>(gp));
          addAt(dxb, (i32x4.extract_lane(at, 1) * c + ci + 1) * 4, load<f32>(gp, 4));
          addAt(dxb, (i32x4.extract_lane(at, 2) * c + ci + 2) * 4, load<f32>(gp, 8));
          addAt(dxb, (i32x4.extract_lane(at, 3) * c + ci + 3) * 4, load<f32>(gp, 12));
        }
        for (; ci < c; ci++) {
          let best = load<f32>(xb + <usize>((first * c + ci) * 4));
          let at = first;
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = iy === y0 ? x0 + 1 : x0; ix < x1; ix++) {
              const cell = iy * pW + ix;
              const v = load<f32>(xb + <usize>((cell * c + ci) * 4));
              if (v > best || (isNaN(v) && !isNaN(best))) {
                best = v;
                at = cell;
              }
            }
          }
          addAt(dxb, (at * c + ci) * 4, load<f32>(g + <usize>(ci * 4)));
        }
      }
    }
  }
}

/** Adds g to the float at byte offset `offset` of dxb. */
// @ts-expect-error: AssemblyScript decorator
@inline
function addAt(dxb: usize, offset: i32, g: f32): void {
  const d = dxb + <usize>offset;
  store<f32>(d, load<f32>(d) + g);
}

/**
 * MaxPoolGrad when the windows tile the image (stride = pool size, no padding): every dx cell is
 * written once — dy at its window's first maximal cell, 0 elsewhere, 0 in the rows and columns no
 * window covers — so dx needs no zeroing first and nothing is scattered. Batches b0 .. b0 + nb.
 */
export function maxPoolGradTiledF32(dy: usize, x: usize, dx: usize, b0: i32, nb: i32): void {
  const c = pC;
  const rowFloats = pW * c;
  const zero = f32x4.splat(0);
  for (let b = b0; b < b0 + nb; b++) {
    const xb = x + <usize>(b * pH * rowFloats * 4);
    const dxb = dx + <usize>(b * pH * rowFloats * 4);
    for (let oy = 0; oy < pOh; oy++) {
      for (let ox = 0; ox < pOw; ox++) {
        const g = dy + <usize>(((b * pOh + oy) * pOw + ox) * c * 4);
        const first = (oy * pPh * pW + ox * pPw) * c;
        let ci = 0;
        for (; ci + 4 <= c; ci += 4) {
          // The window's maximum; NaN propagates through f32x4.max, so a NaN wins.
          let best = f32x4.splat(-Infinity);
          for (let iy = 0; iy < pPh; iy++) {
            for (let ix = 0; ix < pPw; ix++) {
              best = f32x4.max(best, v128.load(xb + <usize>((first + (iy * pW + ix) * c + ci) * 4)));
            }
          }
          const isNan = f32x4.ne(best, best);
          const gv = v128.load(g + <usize>(ci * 4));
          let taken = i32x4.splat(0);
          for (let iy = 0; iy < pPh; iy++) {
            for (let ix = 0; ix < pPw; ix++) {
              const at = <usize>((first + (iy * pW + ix) * c + ci) * 4);
              const v = v128.load(xb + at);
              const hit = v128.or(f32x4.eq(v, best), v128.and(isNan, f32x4.ne(v, v)));
              const mine = v128.andnot(hit, taken);
              v128.store(dxb + at, v128.bitselect(gv, zero, mine));
              taken = v128.or(taken, hit);
            }
          }
        }
        for (; ci < c; ci++) {
          let best: f32 = -Infinity;
          for (let iy = 0; iy < pPh; iy++) {
            for (let ix = 0; ix < pPw; ix++) {
              const v = load<f32>(xb + <usize>((first + (iy * pW + ix) * c + ci) * 4));
              if (v > best || (isNaN(v) && !isNaN(best))) best = v;
            }
          }
          const gs = load<f32>(g + <usize>(ci * 4));
          let taken = false;
          for (let iy = 0; iy < pPh; iy++) {
            for (let ix = 0; ix < pPw; ix++) {
              const at = <usize>((first + (iy * pW + ix) * c + ci) * 4);
              const v = load<f32>(xb + at);
              const hit = !taken && (v === best || (isNaN(v) && isNaN(best)));
              store<f32>(dxb + at, hit ? gs : 0);
              if (hit) taken = true;
            }
          }
        }
      }
      // Columns right of the last window.
      const tail = (pW - pOw * pPw) * c;
      if (tail > 0) {
        for (let iy = oy * pPh; iy < oy * pPh + pPh; iy++) {
          memory.fill(dxb + <usize>((iy * pW + pOw * pPw) * c * 4), 0, <usize>(tail * 4));
        }
      }
    }
    // Rows below the last window.
    const covered = pOh * pPh;
    if (covered < pH) memory.fill(dxb + <usize>(covered * rowFloats * 4), 0, <usize>((pH - covered) * rowFloats * 4));
  }
}

/**
 * The common 2x2 window at stride 2 without padding, forward: each output reads two adjacent
 * cells from two rows, four channels at a time. Batches b0 .. b0 + nb; c must be a multiple of 4.
 */
export function maxPool2x2F32(x: usize, y: usize, b0: i32, nb: i32): void {
  const c = pC;
  const rowBytes = <usize>(pW * c * 4);
  const cellBytes = <usize>(c * 4);
  for (let b = b0; b < b0 + nb; b++) {
    const xb = x + <usize>(b * pH) * rowBytes;
    for (let oy = 0; oy < pOh; oy++) {
      const r0 = xb + <usize>(2 * oy) * rowBytes;
      const r1 = r0 + rowBytes;
      let dst = y + <usize>(((b * pOh + oy) * pOw) * c * 4);
      for (let ox = 0; ox < pOw; ox++) {
        const off = <usize>(2 * ox) * cellBytes;
        const end = off + cellBytes;
        for (let p = off; p < end; p += 16) {
          const m0 = f32x4.max(v128.load(r0 + p), v128.load(r0 + p + cellBytes));
          const m1 = f32x4.max(v128.load(r1 + p), v128.load(r1 + p + cellBytes));
          v128.store(dst, f32x4.max(m0, m1));
          dst += 16;
        }
      }
    }
  }
}

/** dy at a 2x2 window's first maximal cell (NaN first), 0 at the other three, for 4 channels. */
// @ts-expect-error: AssemblyScript decorator
@inline
function route2x2(a: usize, b: usize, cc: usize, d: usize, g: v128, da: usize, db: usize, dc: usize, dd: usize): void {
  const va = v128.load(a);
  const vb = v128.load(b);
  const vc = v128.load(cc);
  const vd = v128.load(d);
  const best = f32x4.max(f32x4.max(va, vb), f32x4.max(vc, vd));
  const nan = f32x4.ne(best, best);
  const ha = v128.or(f32x4.eq(va, best), v128.and(nan, f32x4.ne(va, va)));
  const hb = v128.or(f32x4.eq(vb, best), v128.and(nan, f32x4.ne(vb, vb)));
  const hc = v128.or(f32x4.eq(vc, best), v128.and(nan, f32x4.ne(vc, vc)));
  const hd = v128.or(f32x4.eq(vd, best), v128.and(nan, f32x4.ne(vd, vd)));
  v128.store(da, v128.and(g, ha));
  let taken = ha;
  v128.store(db, v128.and(g, v128.andnot(hb, taken)));
  taken = v128.or(taken, hb);
  v128.store(dc, v128.and(g, v128.andnot(hc, taken)));
  taken = v128.or(taken, hc);
  v128.store(dd, v128.and(g, v128.andnot(hd, taken)));
}

/**
 * MaxPoolGrad for the 2x2 window at stride 2 without padding: every dx cell written once (0 in an
 * odd last row or column). Batches b0 .. b0 + nb; c must be a multiple of 4.
 */
export function maxPoolGrad2x2F32(dy: usize, x: usize, dx: usize, b0: i32, nb: i32): void {
  const c = pC;
  const rowBytes = <usize>(pW * c * 4);
  const cellBytes = <usize>(c * 4);
  const tailBytes = <usize>((pW - 2 * pOw) * c * 4);
  for (let b = b0; b < b0 + nb; b++) {
    const xb = x + <usize>(b * pH) * rowBytes;
    const dxb = dx + <usize>(b * pH) * rowBytes;
    for (let oy = 0; oy < pOh; oy++) {
      const rowOff = <usize>(2 * oy) * rowBytes;
      const r0 = xb + rowOff;
      const r1 = r0 + rowBytes;
      const d0 = dxb + rowOff;
      const d1 = d0 + rowBytes;
      let g = dy + <usize>(((b * pOh + oy) * pOw) * c * 4);
      for (let ox = 0; ox < pOw; ox++) {
        const off = <usize>(2 * ox) * cellBytes;
        const end = off + cellBytes;
        for (let p = off; p < end; p += 16) {
          const q = p + cellBytes;
          route2x2(r0 + p, r0 + q, r1 + p, r1 + q, v128.load(g), d0 + p, d0 + q, d1 + p, d1 + q);
          g += 16;
        }
      }
      if (tailBytes > 0) {
        memory.fill(d0 + <usize>(2 * pOw) * cellBytes, 0, tailBytes);
        memory.fill(d1 + <usize>(2 * pOw) * cellBytes, 0, tailBytes);
      }
    }
    const covered = 2 * pOh;
    if (covered < pH) memory.fill(dxb + <usize>covered * rowBytes, 0, <usize>(pH - covered) * rowBytes);
  }
}
