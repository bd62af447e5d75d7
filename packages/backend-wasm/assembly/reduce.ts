// Reductions over a 3-D view [outer, r, inner] of a contiguous float32 array: the reduced axes
// merged into r, the kept ones before and after into outer and inner. Sums accumulate in float64
// (as the cpu backend does), max lets NaN win (wasm's max propagates it).

/** out[o * inner + i] = sum over k of x[(o * r + k) * inner + i]; acc holds inner float64s. */
export function sumF32(x: usize, out: usize, outer: i32, r: i32, inner: i32, acc: usize): void {
  for (let o = 0; o < outer; o++) {
    const base = x + <usize>(o * r * inner * 4);
    const dst = out + <usize>(o * inner * 4);
    if (inner === 1) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let k = 0;
      for (; k + 4 <= r; k += 4) {
        const v = v128.load(base + <usize>(k * 4));
        s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
        s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
      }
      const s = f64x2.add(s0, s1);
      let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
      for (; k < r; k++) total += <f64>load<f32>(base + <usize>(k * 4));
      store<f32>(dst, <f32>total);
      continue;
    }
    memory.fill(acc, 0, <usize>(inner * 8));
    sumRowsF64(base, 0, r, inner, acc);
    for (let i = 0; i < inner; i++) store<f32>(dst + <usize>(i * 4), <f32>load<f64>(acc + <usize>(i * 8)));
  }
}

/**
 * acc[i] (inner float64s) += x[k * inner + i] for rows k in [k0, k1): one thread's share of a
 * long Sum over rows (the bias gradient of a convolution), whose parts JS adds up afterwards.
 */
export function sumRowsF64(x: usize, k0: i32, k1: i32, inner: i32, acc: usize): void {
  for (let k = k0; k < k1; k++) {
    const row = x + <usize>(k * inner * 4);
    let i = 0;
    for (; i + 4 <= inner; i += 4) {
      const v = v128.load(row + <usize>(i * 4));
      const ap = acc + <usize>(i * 8);
      v128.store(ap, f64x2.add(v128.load(ap), f64x2.promote_low_f32x4(v)));
      v128.store(ap, f64x2.add(v128.load(ap, 16), f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1))), 16);
    }
    for (; i < inner; i++) {
      const ap = acc + <usize>(i * 8);
      store<f64>(ap, load<f64>(ap) + <f64>load<f32>(row + <usize>(i * 4)));
    }
  }
}

/** As sumF32 with max (and -Infinity for an empty r). */
export function maxF32(x: usize, out: usize, outer: i32, r: i32, inner: i32): void {
  for (let o = 0; o < outer; o++) {
    const base = x + <usize>(o * r * inner * 4);
    const dst = out + <usize>(o * inner * 4);
    if (inner === 1) {
      let m = f32x4.splat(-Infinity);
      let k = 0;
      for (; k + 4 <= r; k += 4) m = f32x4.max(m, v128.load(base + <usize>(k * 4)));
      m = f32x4.max(m, v128.shuffle<f32>(m, m, 2, 3, 0, 1));
      m = f32x4.max(m, v128.shuffle<f32>(m, m, 1, 0, 3, 2));
      let best = f32x4.extract_lane(m, 0);
      for (; k < r; k++) {
        const v = load<f32>(base + <usize>(k * 4));
        if (v > best || isNaN(v)) best = v;
      }
      store<f32>(dst, best);
      continue;
    }
    let i = 0;
    for (; i + 4 <= inner; i += 4) {
      let m = f32x4.splat(-Infinity);
      for (let k = 0; k < r; k++) m = f32x4.max(m, v128.load(base + <usize>((k * inner + i) * 4)));
      v128.store(dst + <usize>(i * 4), m);
    }
    for (; i < inner; i++) {
      let best: f32 = -Infinity;
      for (let k = 0; k < r; k++) {
        const v = load<f32>(base + <usize>((k * inner + i) * 4));
        if (v > best || isNaN(v)) best = v;
      }
      store<f32>(dst + <usize>(i * 4), best);
    }
  }
}
