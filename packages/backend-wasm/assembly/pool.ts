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
