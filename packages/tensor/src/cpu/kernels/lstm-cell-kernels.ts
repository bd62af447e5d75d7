import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { sigmoidOf } from './unary-kernels.js';

const f32 = Math.fround;

/**
 * The gate activations of unit `j` in the batch row starting at `row` of `z`: `i, f, g, o` =
 * σ, σ, tanh, σ of its four slices, rounded to float32 (a Float32Array store rounds as `fround`).
 */
function gatesAt(zv: TypedArray, row: number, units: number, j: number, out: Float32Array): void {
  out[0] = sigmoidOf(zv[row + j]);
  out[1] = sigmoidOf(zv[row + units + j]);
  out[2] = Math.tanh(zv[row + 2 * units + j]);
  out[3] = sigmoidOf(zv[row + 3 * units + j]);
}

/**
 * `LSTMCell`: inputs `{ z [batch, 4·units], cPrev [batch, units] }`, outputs `[h, c]` (see the
 * `lstmCell` op). Each product and sum is rounded to float32 as the separate Sigmoid, Tanh, Mul and
 * Add kernels round it, so the numbers are those of the unfused ops.
 * @example runKernelMulti('LSTMCell', { z, cPrev })
 */
export const lstmCellCpu: KernelSpec<TypedArray> = {
  name: 'LSTMCell',
  backend: 'cpu',
  run: ({ z, cPrev }) => {
    const [batch, units] = cPrev.shape;
    const zv = z.values;
    const cp = cPrev.values;
    const h = new Float32Array(batch * units);
    const c = new Float32Array(batch * units);
    const gate = new Float32Array(4);
    for (let b = 0; b < batch; b++) {
      const row = b * 4 * units;
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        gatesAt(zv, row, units, j, gate);
        const i = gate[0];
        const f = gate[1];
        const g = gate[2];
        const o = gate[3];
        const ck = f32(f32(f * cp[k]) + f32(i * g));
        c[k] = ck;
        h[k] = f32(o * f32(Math.tanh(ck)));
      }
    }
    return [
      { values: h, shape: cPrev.shape, dtype: 'float32' },
      { values: c, shape: cPrev.shape, dtype: 'float32' },
    ];
  },
};

/**
 * `LSTMCellGrad`: inputs `{ z, cPrev, c, dh, dc }` (the cell's inputs, its output carry and the
 * gradients of its two outputs), outputs `[dz [batch, 4·units], dcPrev [batch, units]]`. The gate
 * activations are recomputed from `z`: with `t = tanh(c)` and `dc' = dc + dh·o·(1 - t²)`,
 * `dz_i = dc'·g·i(1-i)`, `dz_f = dc'·cPrev·f(1-f)`, `dz_c = dc'·i·(1-g²)`, `dz_o = dh·t·o(1-o)`,
 * `dcPrev = dc'·f`.
 * @example runKernelMulti('LSTMCellGrad', { z, cPrev, c, dh, dc })
 */
export const lstmCellGradCpu: KernelSpec<TypedArray> = {
  name: 'LSTMCellGrad',
  backend: 'cpu',
  run: ({ z, cPrev, c, dh, dc }) => {
    const [batch, units] = cPrev.shape;
    const zv = z.values;
    const cp = cPrev.values;
    const cv = c.values;
    const dhv = dh.values;
    const dcv = dc.values;
    const dz = new Float32Array(batch * 4 * units);
    const dcPrev = new Float32Array(batch * units);
    const gate = new Float32Array(4);
    for (let b = 0; b < batch; b++) {
      const row = b * 4 * units;
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        gatesAt(zv, row, units, j, gate);
        const i = gate[0];
        const f = gate[1];
        const g = gate[2];
        const o = gate[3];
        const t = f32(Math.tanh(cv[k]));
        const dct = f32(dcv[k] + dhv[k] * o * (1 - t * t));
        dz[row + j] = dct * g * i * (1 - i);
        dz[row + units + j] = dct * cp[k] * f * (1 - f);
        dz[row + 2 * units + j] = dct * i * (1 - g * g);
        dz[row + 3 * units + j] = dhv[k] * t * o * (1 - o);
        dcPrev[k] = dct * f;
      }
    }
    return [
      { values: dz, shape: z.shape, dtype: 'float32' },
      { values: dcPrev, shape: cPrev.shape, dtype: 'float32' },
    ];
  },
};
