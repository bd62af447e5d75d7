import { describe, expect, test } from 'vitest';
import {
  DTypeError,
  lstmCell,
  lstmCellOps,
  ones,
  randomUniform,
  runKernelMulti,
  ShapeError,
  tensor,
  zeros,
} from '../index.js';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describe('lstmCell', () => {
  test('the docs example', () => {
    const [h, c] = lstmCell(zeros([1, 4]), ones([1, 1]));
    expect(c.arraySync()).toEqual([[0.5]]);
    expect(h.dataSync()[0]).toBeCloseTo(0.5 * Math.tanh(0.5), 7);
  });

  test('the gates in Keras order i, f, c, o, by hand in float64', () => {
    const z = [0.3, -1.2, 0.7, 2.1, -0.4, 0.9, 1.5, -2.2];
    const cPrev = [0.25, -0.6];
    const [h, c] = lstmCell(tensor(z, [1, 8]), tensor(cPrev, [1, 2]));
    for (let j = 0; j < 2; j++) {
      const ck = sigmoid(z[2 + j]) * cPrev[j] + sigmoid(z[j]) * Math.tanh(z[4 + j]);
      expect(c.dataSync()[j]).toBeCloseTo(ck, 6);
      expect(h.dataSync()[j]).toBeCloseTo(sigmoid(z[6 + j]) * Math.tanh(ck), 6);
    }
  });

  test('bit-identical to the separate ops (split, sigmoid, tanh, mul, add), large gates included', () => {
    const z = randomUniform([5, 4 * 7], { min: -30, max: 30, seed: 1 });
    const cPrev = randomUniform([5, 7], { min: -3, max: 3, seed: 2 });
    const fused = lstmCell(z, cPrev);
    const ops = lstmCellOps(z, cPrev);
    expect(Array.from(fused[0].dataSync())).toEqual(Array.from(ops[0].dataSync()));
    expect(Array.from(fused[1].dataSync())).toEqual(Array.from(ops[1].dataSync()));
  });

  test('LSTMCellGrad: the fused backward pass matches finite differences of the cell', () => {
    const z = randomUniform([2, 8], { min: -2, max: 2, seed: 3 });
    const cPrev = randomUniform([2, 2], { min: -1, max: 1, seed: 4 });
    const dh = randomUniform([2, 2], { min: -1, max: 1, seed: 5 });
    const dc = randomUniform([2, 2], { min: -1, max: 1, seed: 6 });
    const [, c] = lstmCell(z, cPrev);
    const [dz, dcPrev] = runKernelMulti('LSTMCellGrad', { z, cPrev, c, dh, dc });
    // loss = sum(dh·h + dc·c), differentiated numerically in float64 through the formulas.
    const loss = (zv: number[], cv: number[]) => {
      let s = 0;
      for (let b = 0; b < 2; b++) {
        for (let j = 0; j < 2; j++) {
          const r = b * 8;
          const ck = sigmoid(zv[r + 2 + j]) * cv[b * 2 + j] + sigmoid(zv[r + j]) * Math.tanh(zv[r + 4 + j]);
          const hk = sigmoid(zv[r + 6 + j]) * Math.tanh(ck);
          s += dh.dataSync()[b * 2 + j] * hk + dc.dataSync()[b * 2 + j] * ck;
        }
      }
      return s;
    };
    const zv = Array.from(z.dataSync());
    const cv = Array.from(cPrev.dataSync());
    const eps = 1e-6;
    const numeric = (v: number[], k: number, f: (w: number[]) => number) => {
      const up = [...v];
      const down = [...v];
      up[k] += eps;
      down[k] -= eps;
      return (f(up) - f(down)) / (2 * eps);
    };
    zv.forEach((_, k) => {
      expect(dz.dataSync()[k]).toBeCloseTo(
        numeric(zv, k, (w) => loss(w, cv)),
        4,
      );
    });
    cv.forEach((_, k) => {
      expect(dcPrev.dataSync()[k]).toBeCloseTo(
        numeric(cv, k, (w) => loss(zv, w)),
        4,
      );
    });
  });

  test('bad shapes and dtypes name what was expected and given', () => {
    expect(() => lstmCell(zeros([2, 7]), zeros([2, 2]))).toThrow(ShapeError);
    expect(() => lstmCell(zeros([2, 7]), zeros([2, 2]))).toThrow(
      /z must be \[batch, 4·units\] = \[2,8\] for cPrev \[2,2\], got \[2,7\]/,
    );
    expect(() => lstmCell(zeros([3, 8]), zeros([2, 2]))).toThrow(/\[2,8\].*got \[3,8\]/);
    expect(() => lstmCell(zeros([8]), zeros([2]))).toThrow(/cPrev must be \[batch, units\], got \[2\]/);
    expect(() => lstmCell(tensor([[true, false, true, false]]), zeros([1, 1]))).toThrow(DTypeError);
  });
});
