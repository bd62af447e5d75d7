// The fused LSTM cell (Keras' gates i, f, c, o side by side in z [batch, 4·units]) and its
// gradient, over the batch rows [r0, r1): one pass that reads each gate once and writes h and c
// (forward) or dz and dcPrev (backward, the activations recomputed from z). Four units at a time
// in SIMD with a vector exp (Cephes' expf: a degree-5 polynomial on [-ln2/2, ln2/2] scaled by 2^n,
// about 1 ulp); sigmoid and tanh are built from it (tanh to about 1e-7 absolute near 0).

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;

// @ts-expect-error: AssemblyScript decorator
@inline
function expV(x: v128): v128 {
  const c = f32x4.min(f32x4.max(x, f32x4.splat(-87.3)), f32x4.splat(88.3));
  const n = f32x4.nearest(f32x4.mul(c, f32x4.splat(LOG2E)));
  const r = f32x4.sub(f32x4.sub(c, f32x4.mul(n, f32x4.splat(LN2_HI))), f32x4.mul(n, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

// @ts-expect-error: AssemblyScript decorator
@inline
function sigmoidV(x: v128): v128 {
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), expV(f32x4.neg(x))));
}

/** tanh(x) = sign(x)·(1 - 2/(e^{2|x|} + 1)); saturates to ±1 past |x| ≈ 9. */
// @ts-expect-error: AssemblyScript decorator
@inline
function tanhV(x: v128): v128 {
  const a = f32x4.abs(x);
  const e = expV(f32x4.add(a, a));
  const t = f32x4.sub(f32x4.splat(1), f32x4.div(f32x4.splat(2), f32x4.add(e, f32x4.splat(1))));
  return v128.or(t, v128.and(x, i32x4.splat(0x80000000)));
}

// @ts-expect-error: AssemblyScript decorator
@inline
function sigmoid(v: f32): f32 {
  if (v >= 0) return 1 / (1 + Mathf.exp(-v));
  const e = Mathf.exp(v);
  return e / (1 + e);
}

/** h = σ(z_o)·tanh(c), c = σ(z_f)·cPrev + σ(z_i)·tanh(z_c), for rows [r0, r1). */
export function lstmCellF32(z: usize, cPrev: usize, h: usize, c: usize, units: i32, r0: i32, r1: i32): void {
  const u4 = <usize>(units * 4);
  for (let b = r0; b < r1; b++) {
    const zr = z + <usize>(b * 4) * u4;
    const k0 = <usize>b * u4;
    let j = 0;
    for (; j + 4 <= units; j += 4) {
      const o4 = <usize>(j * 4);
      const i = sigmoidV(v128.load(zr + o4));
      const f = sigmoidV(v128.load(zr + o4 + u4));
      const g = tanhV(v128.load(zr + o4 + 2 * u4));
      const o = sigmoidV(v128.load(zr + o4 + 3 * u4));
      const ck = f32x4.add(f32x4.mul(f, v128.load(cPrev + k0 + o4)), f32x4.mul(i, g));
      v128.store(c + k0 + o4, ck);
      v128.store(h + k0 + o4, f32x4.mul(o, tanhV(ck)));
    }
    for (; j < units; j++) {
      const o4 = <usize>(j * 4);
      const i = sigmoid(load<f32>(zr + o4));
      const f = sigmoid(load<f32>(zr + o4 + u4));
      const g = Mathf.tanh(load<f32>(zr + o4 + 2 * u4));
      const o = sigmoid(load<f32>(zr + o4 + 3 * u4));
      const ck = f * load<f32>(cPrev + k0 + o4) + i * g;
      store<f32>(c + k0 + o4, ck);
      store<f32>(h + k0 + o4, o * Mathf.tanh(ck));
    }
  }
}

/**
 * The gradient of {@link lstmCellF32} from dh and dc, for rows [r0, r1): with t = tanh(c) and
 * dc' = dc + dh·o·(1 - t²): dz_i = dc'·g·i(1-i), dz_f = dc'·cPrev·f(1-f), dz_c = dc'·i·(1-g²),
 * dz_o = dh·t·o(1-o), dcPrev = dc'·f.
 */
export function lstmCellGradF32(
  z: usize,
  cPrev: usize,
  c: usize,
  dh: usize,
  dc: usize,
  dz: usize,
  dcPrev: usize,
  units: i32,
  r0: i32,
  r1: i32,
): void {
  const u4 = <usize>(units * 4);
  const one = f32x4.splat(1);
  for (let b = r0; b < r1; b++) {
    const zr = z + <usize>(b * 4) * u4;
    const dzr = dz + <usize>(b * 4) * u4;
    const k0 = <usize>b * u4;
    let j = 0;
    for (; j + 4 <= units; j += 4) {
      const o4 = <usize>(j * 4);
      const i = sigmoidV(v128.load(zr + o4));
      const f = sigmoidV(v128.load(zr + o4 + u4));
      const g = tanhV(v128.load(zr + o4 + 2 * u4));
      const o = sigmoidV(v128.load(zr + o4 + 3 * u4));
      const t = tanhV(v128.load(c + k0 + o4));
      const dhk = v128.load(dh + k0 + o4);
      const dct = f32x4.add(v128.load(dc + k0 + o4), f32x4.mul(f32x4.mul(dhk, o), f32x4.sub(one, f32x4.mul(t, t))));
      v128.store(dzr + o4, f32x4.mul(f32x4.mul(f32x4.mul(dct, g), i), f32x4.sub(one, i)));
      const cp = v128.load(cPrev + k0 + o4);
      v128.store(dzr + o4 + u4, f32x4.mul(f32x4.mul(f32x4.mul(dct, cp), f), f32x4.sub(one, f)));
      v128.store(dzr + o4 + 2 * u4, f32x4.mul(f32x4.mul(dct, i), f32x4.sub(one, f32x4.mul(g, g))));
      v128.store(dzr + o4 + 3 * u4, f32x4.mul(f32x4.mul(f32x4.mul(dhk, t), o), f32x4.sub(one, o)));
      v128.store(dcPrev + k0 + o4, f32x4.mul(dct, f));
    }
    for (; j < units; j++) {
      const o4 = <usize>(j * 4);
      const i = sigmoid(load<f32>(zr + o4));
      const f = sigmoid(load<f32>(zr + o4 + u4));
      const g = Mathf.tanh(load<f32>(zr + o4 + 2 * u4));
      const o = sigmoid(load<f32>(zr + o4 + 3 * u4));
      const t = Mathf.tanh(load<f32>(c + k0 + o4));
      const dhk = load<f32>(dh + k0 + o4);
      const dct = load<f32>(dc + k0 + o4) + dhk * o * (1 - t * t);
      store<f32>(dzr + o4, dct * g * i * (1 - i));
      store<f32>(dzr + o4 + u4, dct * load<f32>(cPrev + k0 + o4) * f * (1 - f));
      store<f32>(dzr + o4 + 2 * u4, dct * i * (1 - g * g));
      store<f32>(dzr + o4 + 3 * u4, dhk * t * o * (1 - o));
      store<f32>(dcPrev + k0 + o4, dct * f);
    }
  }
}
