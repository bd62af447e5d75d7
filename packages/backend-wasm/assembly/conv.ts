import { gC, gDh, gDw, gH, gKh, gKw, gOh, gOw, gPl, gPt, gSh, gSw, gW } from './conv-geometry';
import { gemm, packB } from './gemm';

// im2col / col2im for NHWC convolutions. Output pixel q (flat over batch, rows, columns) owns
// one row of K = kh * kw * c values: the taps (ky, kx) in order, each a run of c input channels,
// zero where the tap lands in the padding. That row times the filter, viewed as [K, o], is the
// output pixel; the GEMM does the rest.

/** Writes the rows of output pixels q0 .. q0 + rows into dst (rows x K floats). */
export function im2col(x: usize, q0: i32, rows: i32, dst: usize): void {
  const c = gC;
  const runBytes = <usize>(c * 4);
  const k = gKh * gKw * c;
  const pixels = gOh * gOw;
  let b = q0 / pixels;
  let oy = (q0 - b * pixels) / gOw;
  let ox = q0 - b * pixels - oy * gOw;
  for (let r = 0; r < rows; r++) {
    const iy0 = oy * gSh - gPt;
    const ix0 = ox * gSw - gPl;
    const xBatch = x + <usize>(b * gH * gW * c * 4);
    let d = dst + <usize>(r * k * 4);
    for (let ky = 0; ky < gKh; ky++) {
      const iy = iy0 + ky * gDh;
      if (iy < 0 || iy >= gH) {
        memory.fill(d, 0, runBytes * gKw);
        d += runBytes * gKw;
        continue;
      }
      const xRow = xBatch + <usize>(iy * gW * c * 4);
      for (let kx = 0; kx < gKw; kx++) {
        const ix = ix0 + kx * gDw;
        if (ix < 0 || ix >= gW) memory.fill(d, 0, runBytes);
        else if (c === 1) store<f32>(d, load<f32>(xRow + <usize>(ix * 4)));
        else memory.copy(d, xRow + <usize>(ix * c * 4), runBytes);
        d += runBytes;
      }
    }
    if (++ox === gOw) {
      ox = 0;
      if (++oy === gOh) {
        oy = 0;
        b++;
      }
    }
  }
}

/** Adds the rows of output pixels q0 .. q0 + rows of src (rows x K floats) back into dx. */
export function col2imAdd(src: usize, q0: i32, rows: i32, dx: usize): void {
  const c = gC;
  const k = gKh * gKw * c;
  const pixels = gOh * gOw;
  let b = q0 / pixels;
  let oy = (q0 - b * pixels) / gOw;
  let ox = q0 - b * pixels - oy * gOw;
  for (let r = 0; r < rows; r++) {
    const iy0 = oy * gSh - gPt;
    const ix0 = ox * gSw - gPl;
    const xBatch = dx + <usize>(b * gH * gW * c * 4);
    let s = src + <usize>(r * k * 4);
    for (let ky = 0; ky < gKh; ky++) {
      const iy = iy0 + ky * gDh;
      if (iy < 0 || iy >= gH) {
        s += <usize>(gKw * c * 4);
        continue;
      }
      const xRow = xBatch + <usize>(iy * gW * c * 4);
      for (let kx = 0; kx < gKw; kx++) {
        const ix = ix0 + kx * gDw;
        if (ix >= 0 && ix < gW) {
          const d = xRow + <usize>(ix * c * 4);
          let ci = 0;
          for (; ci + 4 <= c; ci += 4) {
            const off = <usize>(ci * 4);
            v128.store(d + off, f32x4.add(v128.load(d + off), v128.load(s + off)));
          }
          for (; ci < c; ci++) {
            const off = <usize>(ci * 4);
            store<f32>(d + off, load<f32>(d + off) + load<f32>(s + off));
          }
        }
        s += <usize>(c * 4);
      }
    }
    if (++ox === gOw) {
      ox = 0;
      if (++oy === gOh) {
        oy = 0;
        b++;
      }
    }
  }
}

/**
 * dW (K x o) = or += Σ over output pixels [q0, q1) of col[q]ᵀ · dy[q], a chunk of `chunk` pixels
 * at a time: im2col into `col`, dy's rows packed into `packed`, one GEMM per chunk (`pointwise`:
 * x itself is col). One call covers a thread's share of the pixels.
 */
export function convFilterGrad(
  x: usize,
  dy: usize,
  dw: usize,
  q0: i32,
  q1: i32,
  chunk: i32,
  o: i32,
  pointwise: i32,
  col: usize,
  packed: usize,
  scratch: usize,
  accumulate: i32,
): void {
  const k = gKh * gKw * gC;
  for (let q = q0; q < q1; q += chunk) {
    const rows = min(chunk, q1 - q);
    let a = col;
    if (pointwise) a = x + <usize>(q * k * 4);
    else im2col(x, q, rows, col);
    packB(dy + <usize>(q * o * 4), o, 1, rows, o, packed);
    gemm(a, 1, k, packed, dw, o, k, o, rows, accumulate !== 0 || q > q0 ? 1 : 0, scratch);
  }
}

/**
 * dx += col2im(dy[q] · Wᵀ) over output pixels [q0, q1), a chunk at a time (packedWT: Wᵀ packed
 * as [o, K]). Threads must own whole images: windows of one image overlap.
 */
export function convInputGrad(
  dy: usize,
  packedWT: usize,
  dx: usize,
  q0: i32,
  q1: i32,
  chunk: i32,
  o: i32,
  col: usize,
  scratch: usize,
): void {
  const k = gKh * gKw * gC;
  for (let q = q0; q < q1; q += chunk) {
    const rows = min(chunk, q1 - q);
    gemm(dy + <usize>(q * o * 4), o, 1, packedWT, col, k, rows, k, o, 0, scratch);
    col2imAdd(col, q, rows, dx);
  }
}
