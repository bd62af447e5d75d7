// The fused LSTM cell (Keras' gates i, f, c, o side by side in z [batch, 4·units]) and its
// gradient, over the batch rows [r0, r1): one pass that reads each gate once and writes h and c
// (forward) or dz and dcPrev (backward, the activations recomputed from z).

// @ts-expect-error: AssemblyScript decorator
@inline
function sigmoid(v: f32): f32 {
  if (v >= 0) return 1 / (1 + Mathf.exp(-v));
  const e = Mathf.exp(v);
  return e / (1 + e);
}

/** h = σ(z_o)·tanh(c), c = σ(z_f)·cPrev + σ(z_i)·tanh(z_c), for rows [r0, r1). */
export function lstmCellF32(z: usize, cPrev: usize, h: usize, c: usize, units: i32, r0: i32, r1: i32): void {
  for (let b = r0; b < r1; b++) {
    const zr = z + <usize>(b * 4 * units * 4);
    const k0 = <usize>(b * units * 4);
    for (let j = 0; j < units; j++) {
      const o4 = <usize>(j * 4);
      const i = sigmoid(load<f32>(zr + o4));
      const f = sigmoid(load<f32>(zr + o4 + <usize>(units * 4)));
      const g = Mathf.tanh(load<f32>(zr + o4 + <usize>(units * 8)));
      const o = sigmoid(load<f32>(zr + o4 + <usize>(units * 12)));
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
  for (let b = r0; b < r1; b++) {
    const zr = z + <usize>(b * 4 * units * 4);
    const dzr = dz + <usize>(b * 4 * units * 4);
    const k0 = <usize>(b * units * 4);
    for (let j = 0; j < units; j++) {
      const o4 = <usize>(j * 4);
      const i = sigmoid(load<f32>(zr + o4));
      const f = sigmoid(load<f32>(zr + o4 + <usize>(units * 4)));
      const g = Mathf.tanh(load<f32>(zr + o4 + <usize>(units * 8)));
      const o = sigmoid(load<f32>(zr + o4 + <usize>(units * 12)));
      const t = Mathf.tanh(load<f32>(c + k0 + o4));
      const dhk = load<f32>(dh + k0 + o4);
      const dct = load<f32>(dc + k0 + o4) + dhk * o * (1 - t * t);
      store<f32>(dzr + o4, dct * g * i * (1 - i));
      store<f32>(dzr + o4 + <usize>(units * 4), dct * load<f32>(cPrev + k0 + o4) * f * (1 - f));
      store<f32>(dzr + o4 + <usize>(units * 8), dct * i * (1 - g * g));
      store<f32>(dzr + o4 + <usize>(units * 12), dhk * t * o * (1 - o));
      store<f32>(dcPrev + k0 + o4, dct * f);
    }
  }
}
