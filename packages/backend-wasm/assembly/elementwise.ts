// Elementwise float32 kernels. A binary op walks a 2-D view of its output, [outer, inner], reading
// each input with an outer stride and an inner stride of 0 (broadcast) or 1: equal shapes,
// a scalar, a row vector (bias) and a column vector (keepDims reduction) all map to one call.
// The op code is a constant inside each exported function, so the optimizer folds the switch
// out of the loops.

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const MAXIMUM = 4;
const MINIMUM = 5;

// @ts-expect-error: AssemblyScript decorator
@inline
function opV(op: i32, x: v128, y: v128): v128 {
  if (op === ADD) return f32x4.add(x, y);
  if (op === SUB) return f32x4.sub(x, y);
  if (op === MUL) return f32x4.mul(x, y);
  if (op === DIV) return f32x4.div(x, y);
  // NaN wins (wasm max/min propagate it), as in NumPy.
  if (op === MAXIMUM) return f32x4.max(x, y);
  return f32x4.min(x, y);
}

// @ts-expect-error: AssemblyScript decorator
@inline
function opS(op: i32, x: f32, y: f32): f32 {
  if (op === ADD) return x + y;
  if (op === SUB) return x - y;
  if (op === MUL) return x * y;
  if (op === DIV) return x / y;
  if (op === MAXIMUM) return x > y || isNaN(x) ? x : y;
  return x < y || isNaN(x) ? x : y;
}

// @ts-expect-error: AssemblyScript decorator
@inline
function binaryLoop(
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
    const op_ = out + <usize>(o * inner * 4);
    let i = 0;
    if (aInner === 1 && bInner === 1) {
      for (; i + 4 <= inner; i += 4) {
        const off = <usize>(i * 4);
        v128.store(op_ + off, opV(op, v128.load(ap + off), v128.load(bp + off)));
      }
    } else if (aInner === 1 && bInner === 0) {
      const y = v128.load32_splat(bp);
      for (; i + 4 <= inner; i += 4) {
        const off = <usize>(i * 4);
        v128.store(op_ + off, opV(op, v128.load(ap + off), y));
      }
    } else if (aInner === 0 && bInner === 1) {
      const x = v128.load32_splat(ap);
      for (; i + 4 <= inner; i += 4) {
        const off = <usize>(i * 4);
        v128.store(op_ + off, opV(op, x, v128.load(bp + off)));
      }
    }
    for (; i < inner; i++) {
      const x = load<f32>(ap + <usize>(i * aInner * 4));
      const y = load<f32>(bp + <usize>(i * bInner * 4));
      store<f32>(op_ + <usize>(i * 4), opS(op, x, y));
    }
  }
}

export function addF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  binaryLoop(ADD, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function subF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  binaryLoop(SUB, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function mulF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  binaryLoop(MUL, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function divF32(a: usize, ao: i32, ai: i32, b: usize, bo: i32, bi: i32, out: usize, outer: i32, inner: i32): void {
  binaryLoop(DIV, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function maximumF32(
  a: usize,
  ao: i32,
  ai: i32,
  b: usize,
  bo: i32,
  bi: i32,
  out: usize,
  outer: i32,
  inner: i32,
): void {
  binaryLoop(MAXIMUM, a, ao, ai, b, bo, bi, out, outer, inner);
}
export function minimumF32(
  a: usize,
  ao: i32,
  ai: i32,
  b: usize,
  bo: i32,
  bi: i32,
  out: usize,
  outer: i32,
  inner: i32,
): void {
  binaryLoop(MINIMUM, a, ao, ai, b, bo, bi, out, outer, inner);
}

// Unary ops: SIMD where wasm has the instruction, the AssemblyScript Mathf (musl ports, under an
// ulp of error) for the transcendental ones.
const NEG = 0;
const ABS = 1;
const SQRT = 2;
const SQUARE = 3;
const RECIPROCAL = 4;
const RELU = 5;
const RELU6 = 6;
const FLOOR = 7;
const CEIL = 8;

// @ts-expect-error: AssemblyScript decorator
@inline
function unaryV(op: i32, x: v128): v128 {
  if (op === NEG) return f32x4.neg(x);
  if (op === ABS) return f32x4.abs(x);
  if (op === SQRT) return f32x4.sqrt(x);
  if (op === SQUARE) return f32x4.mul(x, x);
  if (op === RECIPROCAL) return f32x4.div(f32x4.splat(1), x);
  if (op === RELU) return f32x4.max(x, f32x4.splat(0));
  if (op === RELU6) return f32x4.min(f32x4.max(x, f32x4.splat(0)), f32x4.splat(6));
  if (op === FLOOR) return f32x4.floor(x);
  return f32x4.ceil(x);
}

// @ts-expect-error: AssemblyScript decorator
@inline
function unaryLoop(op: i32, x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>(i * 4);
    v128.store(out + off, unaryV(op, v128.load(x + off)));
  }
  if (i < n) {
    // The tail goes through lane 0 of a vector so each op has one definition.
    const rest = n - i;
    for (let j = 0; j < rest; j++) {
      const y = unaryV(op, f32x4.splat(load<f32>(x + <usize>((i + j) * 4))));
      store<f32>(out + <usize>((i + j) * 4), f32x4.extract_lane(y, 0));
    }
  }
}

export function negF32(x: usize, out: usize, n: i32): void {
  unaryLoop(NEG, x, out, n);
}
export function absF32(x: usize, out: usize, n: i32): void {
  unaryLoop(ABS, x, out, n);
}
export function sqrtF32(x: usize, out: usize, n: i32): void {
  unaryLoop(SQRT, x, out, n);
}
export function squareF32(x: usize, out: usize, n: i32): void {
  unaryLoop(SQUARE, x, out, n);
}
export function reciprocalF32(x: usize, out: usize, n: i32): void {
  unaryLoop(RECIPROCAL, x, out, n);
}
export function reluF32(x: usize, out: usize, n: i32): void {
  unaryLoop(RELU, x, out, n);
}
export function relu6F32(x: usize, out: usize, n: i32): void {
  unaryLoop(RELU6, x, out, n);
}
export function floorF32(x: usize, out: usize, n: i32): void {
  unaryLoop(FLOOR, x, out, n);
}
export function ceilF32(x: usize, out: usize, n: i32): void {
  unaryLoop(CEIL, x, out, n);
}

export function expF32(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f32>(out + <usize>(i * 4), Mathf.exp(load<f32>(x + <usize>(i * 4))));
}
export function logF32(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f32>(out + <usize>(i * 4), Mathf.log(load<f32>(x + <usize>(i * 4))));
}
export function tanhF32(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f32>(out + <usize>(i * 4), Mathf.tanh(load<f32>(x + <usize>(i * 4))));
}
/** The logistic function without overflow: exp only ever sees a non-positive argument. */
export function sigmoidF32(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const v = load<f32>(x + <usize>(i * 4));
    let s: f32;
    if (v >= 0) s = 1 / (1 + Mathf.exp(-v));
    else {
      const e = Mathf.exp(v);
      s = e / (1 + e);
    }
    store<f32>(out + <usize>(i * 4), s);
  }
}

/** ReluGrad: out = dy * (x > 0 ? 1 : 0); a multiply, so a NaN dy stays NaN where x <= 0. */
export function reluGradF32(dy: usize, x: usize, out: usize, n: i32): void {
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const off = <usize>(i * 4);
    const step = v128.and(f32x4.gt(v128.load(x + off), zero), one);
    v128.store(out + off, f32x4.mul(v128.load(dy + off), step));
  }
  for (; i < n; i++) {
    const off = <usize>(i * 4);
    store<f32>(out + off, load<f32>(dy + off) * (load<f32>(x + off) > 0 ? <f32>1 : <f32>0));
  }
}
