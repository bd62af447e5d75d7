// Single-precision GEMM: C (m x n, row stride ldc) = or += A (m x k) · B (k x n).
// B is packed once into 16-column panels (k rows of 16 floats, zero-padded); A is packed per
// block of MC rows and KC columns into 2-row panels (kc pairs). The 2x16 micro-kernel keeps 8
// f32x4 accumulators, 4 B vectors and 2 A splats in registers: V8 has 16 vector registers, and
// bigger tiles spill.

const NR: i32 = 16;
const MR: i32 = 2;
const KC: i32 = 256;
const MC: i32 = 128;

/** Bytes of scratch `gemm` needs for inner dimension k: one packed A block (MC x KC) plus an edge tile. */
export function gemmScratchBytes(k: i32): i32 {
  return MC * min(max(k, 1), KC) * 4 + MR * NR * 4;
}

/** Bytes `packB` writes for a k x n B. */
export function packedBBytes(k: i32, n: i32): i32 {
  return ((n + NR - 1) / NR) * NR * k * 4;
}

/**
 * Packs B (element (p, j) at b + 4 * (p * rs + j * cs)) into ceil(n / 16) panels of k x 16 floats.
 */
export function packB(b: usize, rs: i32, cs: i32, k: i32, n: i32, dst: usize): void {
  for (let jr = 0; jr < n; jr += NR) {
    const nr = min(NR, n - jr);
    const panel = dst + <usize>(jr * k * 4);
    if (nr === NR && cs === 1) {
      for (let p = 0; p < k; p++) {
        const src = b + <usize>((p * rs + jr) * 4);
        const d = panel + <usize>(p * NR * 4);
        v128.store(d, v128.load(src));
        v128.store(d, v128.load(src, 16), 16);
        v128.store(d, v128.load(src, 32), 32);
        v128.store(d, v128.load(src, 48), 48);
      }
    } else {
      for (let p = 0; p < k; p++) {
        const d = panel + <usize>(p * NR * 4);
        let j = 0;
        for (; j < nr; j++) store<f32>(d + <usize>(j * 4), load<f32>(b + <usize>((p * rs + (jr + j) * cs) * 4)));
        for (; j < NR; j++) store<f32>(d + <usize>(j * 4), 0);
      }
    }
  }
}

/** Packs mc rows of A starting at row i0 into 2-row panels: panel q holds (A[2q, p], A[2q+1, p]) for each p. */
function packA(a: usize, ars: i32, acs: i32, i0: i32, mc: i32, k: i32, dst: usize): void {
  if (ars === 1 && acs !== 1) {
    packATransposed(a, acs, i0, mc, k, dst);
    return;
  }
  for (let i = 0; i < mc; i += MR) {
    const d = dst + <usize>((i >> 1) * k * 8);
    const r0 = a + <usize>((i0 + i) * ars * 4);
    if (i + 1 < mc) {
      const r1 = r0 + <usize>(ars * 4);
      if (acs === 1) {
        let p = 0;
        for (; p + 4 <= k; p += 4) {
          const x = v128.load(r0 + <usize>(p * 4));
          const y = v128.load(r1 + <usize>(p * 4));
          const o = d + <usize>(p * 8);
          v128.store(o, v128.shuffle<f32>(x, y, 0, 4, 1, 5));
          v128.store(o, v128.shuffle<f32>(x, y, 2, 6, 3, 7), 16);
        }
        for (; p < k; p++) {
          store<f32>(d + <usize>(p * 8), load<f32>(r0 + <usize>(p * 4)));
          store<f32>(d + <usize>(p * 8), load<f32>(r1 + <usize>(p * 4)), 4);
        }
      } else {
        for (let p = 0; p < k; p++) {
          const off = <usize>(p * acs * 4);
          store<f32>(d + <usize>(p * 8), load<f32>(r0 + off));
          store<f32>(d + <usize>(p * 8), load<f32>(r1 + off), 4);
        }
      }
    } else {
      for (let p = 0; p < k; p++) {
        store<f32>(d + <usize>(p * 8), load<f32>(r0 + <usize>(p * acs * 4)));
        store<f32>(d + <usize>(p * 8), 0, 4);
      }
    }
  }
}

/**
 * packA for a transposed A (rows of the stored matrix are columns of A): reads each stored row
 * once, contiguously, and deals its pairs out to the panels, 64 panels of writes staying in L1.
 */
function packATransposed(a: usize, acs: i32, i0: i32, mc: i32, k: i32, dst: usize): void {
  const panelBytes = <usize>(k * 8);
  const even = mc & ~1;
  for (let p = 0; p < k; p++) {
    const src = a + <usize>((p * acs + i0) * 4);
    let d = dst + <usize>(p * 8);
    let i = 0;
    for (; i + 4 <= even; i += 4) {
      const v = v128.load(src + <usize>(i * 4));
      v128.store64_lane(d, v, 0);
      v128.store64_lane(d + panelBytes, v, 1);
      d += panelBytes * 2;
    }
    for (; i < even; i += 2) {
      store<u64>(d, load<u64>(src + <usize>(i * 4)));
      d += panelBytes;
    }
    if (even < mc) {
      store<f32>(d, load<f32>(src + <usize>(even * 4)));
      store<f32>(d, 0, 4);
    }
  }
}

/** The 2x16 micro-kernel over kc steps: c (row stride ldcBytes) = or += the panel product. */
function kernel2x16(kc: i32, ap: usize, bp: usize, c: usize, ldcBytes: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c02 = f32x4.splat(0);
  let c03 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c12 = f32x4.splat(0);
  let c13 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const b2 = v128.load(bp, 32);
    const b3 = v128.load(bp, 48);
    const a0 = v128.load32_splat(ap);
    const a1 = v128.load32_splat(ap, 4);
    c00 = f32x4.add(c00, f32x4.mul(a0, b0));
    c01 = f32x4.add(c01, f32x4.mul(a0, b1));
    c02 = f32x4.add(c02, f32x4.mul(a0, b2));
    c03 = f32x4.add(c03, f32x4.mul(a0, b3));
    c10 = f32x4.add(c10, f32x4.mul(a1, b0));
    c11 = f32x4.add(c11, f32x4.mul(a1, b1));
    c12 = f32x4.add(c12, f32x4.mul(a1, b2));
    c13 = f32x4.add(c13, f32x4.mul(a1, b3));
    ap += 8;
    bp += 64;
  }
  const c1 = c + ldcBytes;
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c02 = f32x4.add(c02, v128.load(c, 32));
    c03 = f32x4.add(c03, v128.load(c, 48));
    c10 = f32x4.add(c10, v128.load(c1));
    c11 = f32x4.add(c11, v128.load(c1, 16));
    c12 = f32x4.add(c12, v128.load(c1, 32));
    c13 = f32x4.add(c13, v128.load(c1, 48));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c, c02, 32);
  v128.store(c, c03, 48);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c1, c12, 32);
  v128.store(c1, c13, 48);
}

/**
 * C = A · B (or C += A · B when accumulate is 1). A element (i, p) at a + 4 * (i * ars + p * acs);
 * bp is B packed by packB; C rows are ldc floats apart. scratch holds gemmScratchBytes(k) bytes.
 */
export function gemm(
  a: usize,
  ars: i32,
  acs: i32,
  bp: usize,
  c: usize,
  ldc: i32,
  m: i32,
  n: i32,
  k: i32,
  accumulate: i32,
  scratch: usize,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (accumulate === 0) for (let i = 0; i < m; i++) memory.fill(c + <usize>(i * ldc * 4), 0, <usize>(n * 4));
    return;
  }
  const tile = scratch + <usize>(MC * min(k, KC) * 4);
  const ldcBytes = <usize>(ldc * 4);
  // BLIS order: a kc-deep slice of packed B (kc x n) stays in L2 while every MC-row block of A,
  // packed kc wide, streams past it; a kc x 16 micro-panel of B stays in L1 across a block's rows.
  for (let pc = 0; pc < k; pc += KC) {
    const kc = min(KC, k - pc);
    const acc = accumulate !== 0 || pc > 0;
    for (let ic = 0; ic < m; ic += MC) {
      const mc = min(MC, m - ic);
      packA(a + <usize>(pc * acs * 4), ars, acs, ic, mc, kc, scratch);
      for (let jr = 0; jr < n; jr += NR) {
        const nr = min(NR, n - jr);
        const bpp = bp + <usize>(jr * k * 4 + pc * NR * 4);
        for (let ir = 0; ir < mc; ir += MR) {
          const app = scratch + <usize>((ir >> 1) * kc * 8);
          const cp = c + <usize>(((ic + ir) * ldc + jr) * 4);
          if (nr === NR && ir + 1 < mc) {
            kernel2x16(kc, app, bpp, cp, ldcBytes, acc);
          } else {
            kernel2x16(kc, app, bpp, tile, NR * 4, false);
            const mr = min(MR, mc - ir);
            for (let r = 0; r < mr; r++) {
              const crow = cp + <usize>(r * ldc * 4);
              const trow = tile + <usize>(r * NR * 4);
              for (let j = 0; j < nr; j++) {
                const t = load<f32>(trow + <usize>(j * 4));
                const at = crow + <usize>(j * 4);
                store<f32>(at, acc ? load<f32>(at) + t : t);
              }
            }
          }
        }
      }
    }
  }
}
