// Comparisons of float32 inputs into bool (one byte, 0 or 1) outputs, with the same [outer, inner]
// broadcasting walk as the binary ops (elementwise.ts). NaN compares unequal to everything.

const EQUAL = 0;
const NOT_EQUAL = 1;
const GREATER = 2;
const GREATER_EQUAL = 3;
const LESS = 4;
const LESS_EQUAL = 5;

// @ts-expect-error: AssemblyScript decorator
@inline
function cmpV(op: i32, x: v128, y: v128): v128 {
  if (op === EQUAL) return f32x4.eq(x, y);
  if (op === NOT_EQUAL) return f32x4.ne(x, y);
  if (op === GREATER) return f32x4.gt(x, y);
  if (op === GREATER_EQUAL) return f32x4.ge(x, y);
  if (op === LESS) return f32x4.lt(x, y);
  return f32x4.le(x, y);
}

// @ts-expect-error: AssemblyScript decorator
@inline
function cmpS(op: i32, x: f32, y: f32): u8 {
  if (op === EQUAL) return x == y ? 1 : 0;
  if (op === NOT_EQUAL) return x != y ? 1 : 0;
  if (op === GREATER) return x > y ? 1 : 0;
  if (op === GREATER_EQUAL) return x >= y ? 1 : 0;
  if (op === LESS) return x < y ? 1 : 0;
  return x <= y ? 1 : 0;
}

/** Sixteen comparisons, narrowed from four lane masks to sixteen 0/1 bytes. */
// @ts-expect-error: AssemblyScript decorator
@inline
function bytes16(m0: v128, m1: v128, m2: v128, m3: v128): v128 {
  const lo = i16x8.narrow_i32x4_s(m0, m1);
  const hi = i16x8.narrow_i32x4_s(m2, m3);
  return v128.and(i8x16.narrow_i16x8_s(lo, hi), i8x16.splat(1));
}

// @ts-expect-error: AssemblyScript decorator
@inline
function compareLoop(
  op: i32,
  a: usize,
  aOuter: i32,
  aInner: i32,
  b: usize,
  bOuter: i32,
  bInner: i32,
  out: usize,
  outer: i32,
  inner: i32,
): void {
  for (let o = 0; o < outer; o++) {
    const ap = a + <usize>(o * aOuter * 4);
    const bp = b + <usize>(o * bOuter * 4);
    const dst = out + <usize>(o * inner);
    let i = 0;
    if (aInner === 1 && bInner === 1) {
      for (; i + 16 <= inner; i += 16) {
        const x = ap + <usize>(i * 4);
        const y = bp + <usize>(i * 4);
        const m0 = cmpV(op, v128.load(x), v128.load(y));
        const m1 = cmpV(op, v128.load(x, 16), v128.load(y, 16));
        const m2 = cmpV(op, v128.load(x, 32), v128.load(y, 32));
        const m3 = cmpV(op, v128.load(x, 48), v128.load(y, 48));
        v128.store(dst + <usize>i, bytes16(m0, m1, m2, m3));
      }
    } else if (aInner === 1 && bInner === 0) {
      const y = v128.load32_splat(bp);
      for (; i + 16 <= inner; i += 16) {
        const x = ap + <usize>(i * 4);
        const m0 = cmpV(op, v128.load(x), y);
        const m1 = cmpV(op, v128.load(x, 16), y);
        const m2 = cmpV(op, v128.load(x, 32), y);
        const m3 = cmpV(op, v128.load(x, 48), y);
        v128.store(dst + <usize>i, bytes16(m0, m1, m2, m3));
      }
    } else if (aInner === 0 && bInner === 1) {
      const x = v128.load32_splat(ap);
      for (; i + 16 <= inner; i += 16) {
        const y = bp + <usize>(i * 4);
        const m0 = cmpV(op, x, v128.load(y));
        const m1 = cmpV(op, x, v128.load(y, 16));
        const m2 = cmpV(op, x, v128.load(y, 32));
        const m3 = cmpV(op, x, v128.load(y, 48));
        v128.store(dst + <usize>i, bytes16(m0, m1, m2, m3));
      }
    }
    for (; i < inner; i++) {
      const x = load<f32>(ap + <usize>(i * aInner * 4));
      const y = load<f32>(bp + <usize>(i * bInner * 4));
      store<u8>(dst + <usize>i, cmpS(op, x, y));
    }
  }
}

export function equalF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  compareLoop(EQUAL, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function notEqualF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  compareLoop(NOT_EQUAL, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function greaterF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  compareLoop(GREATER, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function greaterEqualF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  compareLoop(GREATER_EQUAL, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function lessF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  compareLoop(LESS, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function lessEqualF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  compareLoop(LESS_EQUAL, a, ao, ai, b, bo, bi, out, outer, inner);
}

// Casts the cpu backend's castValues does the same way: bool and int32 to float32 exactly, and
// float32 to bool as x != 0 (NaN is true). float32 to int32 (JavaScript's wrapping ToInt32) stays
// on the cpu code.

export function boolToF32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    v128.store(out + <usize>(i * 4), f32x4.convert_i32x4_u(widen4(x + <usize>i)));
  }
  for (; i < n; i++) store<f32>(out + <usize>(i * 4), <f32>load<u8>(x + <usize>i));
}

// @ts-expect-error: AssemblyScript decorator
@inline
function widen4(p: usize): v128 {
  return i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p)));
}

export function i32ToF32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + <usize>(i * 4), f32x4.convert_i32x4_s(v128.load(x + <usize>(i * 4))));
  for (; i < n; i++) store<f32>(out + <usize>(i * 4), <f32>load<i32>(x + <usize>(i * 4)));
}

export function f32ToBool(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<u8>(out + <usize>i, load<f32>(x + <usize>(i * 4)) != 0 ? 1 : 0);
}
