import { add, lstmCell, lstmCellOps, mul, randomUniform, sum, type Tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { grads } from '../index.js';

/** A loss that weighs every h and c element differently, through the cell `cell`. */
function lossOf(cell: (z: Tensor, c: Tensor) => [Tensor, Tensor], wh: Tensor, wc: Tensor) {
  return (z: Tensor, c: Tensor) => {
    const [h, cNext] = cell(z, c);
    return add(sum(mul(h, wh)), sum(mul(cNext, wc)));
  };
}

describe('the LSTMCell gradient', () => {
  test('equals the gradient of the separate ops (split, sigmoid, tanh, mul, add) on cpu', () => {
    const z = randomUniform([4, 4 * 5], { min: -4, max: 4, seed: 11 });
    const c = randomUniform([4, 5], { min: -2, max: 2, seed: 12 });
    const wh = randomUniform([4, 5], { min: 0.5, max: 1.5, seed: 13 });
    const wc = randomUniform([4, 5], { min: -1, max: 1, seed: 14 });
    const fused = grads(lossOf(lstmCell, wh, wc))([z, c]);
    const ops = grads(lossOf(lstmCellOps, wh, wc))([z, c]);
    for (const k of [0, 1]) {
      const a = fused[k].dataSync();
      const b = ops[k].dataSync();
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6);
    }
  });

  test('only h used: the carry gradient still flows through tanh(c)', () => {
    const z = randomUniform([2, 8], { min: -2, max: 2, seed: 21 });
    const c = randomUniform([2, 2], { min: -2, max: 2, seed: 22 });
    const f = (cell: (z: Tensor, c: Tensor) => [Tensor, Tensor]) => (zz: Tensor, cc: Tensor) => sum(cell(zz, cc)[0]);
    const fused = grads(f(lstmCell))([z, c]);
    const ops = grads(f(lstmCellOps))([z, c]);
    for (const k of [0, 1]) {
      const a = fused[k].dataSync();
      const b = ops[k].dataSync();
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6);
    }
  });
});
