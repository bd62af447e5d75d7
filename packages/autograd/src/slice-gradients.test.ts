import {
  concat,
  memory,
  mul,
  profile,
  range,
  reshape,
  setSeed,
  slice,
  split,
  sum,
  type Tensor,
  tensor,
} from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GradientTape, grad, variable } from './index.js';
import { addSliceGradients } from './slice-gradients.js';

const weights = (n: number, scale = 0.5) => range(1, n + 1).mul(scale);

describe('gradients of many slices of one tensor', () => {
  test('split into steps: each step gets its own weight back (d/dx sum_t w_t * x_t = w_t)', () => {
    // x [4, 2] split into 4 rows; row t is multiplied by t + 1 and summed.
    const g = grad((x) => {
      const rows = split(x, 4, 0);
      return rows.map((r, t) => sum(mul(r, t + 1))).reduce((a, b) => a.add(b));
    })(tensor([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]));
    expect(g.arraySync()).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
  });

  test('gaps stay zero and other axes are padded: two column blocks of rows 1..2 of a [4, 6] tensor', () => {
    const g = grad((x) => {
      const a = slice(x, [1, 0], [2, 2]);
      const b = slice(x, [1, 4], [2, 2]);
      return sum(mul(a, 2)).add(sum(mul(b, 3)));
    })(range(0, 24).reshape([4, 6]));
    expect(g.arraySync()).toEqual([
      [0, 0, 0, 0, 0, 0],
      [2, 2, 0, 0, 3, 3],
      [2, 2, 0, 0, 3, 3],
      [0, 0, 0, 0, 0, 0],
    ]);
  });

  test('overlapping slices add up (padded one by one): [0:3] and [1:4] of a 4-vector', () => {
    const g = grad((x) => sum(mul(slice(x, 0, 3), 2)).add(sum(mul(slice(x, 1, 3), 5))))(tensor([1, 2, 3, 4]));
    expect(g.arraySync()).toEqual([2, 7, 7, 5]);
  });

  test('slices that differ along two axes, and a direct use of the same tensor, add up', () => {
    const g = grad((x) => {
      const a = slice(x, [0, 0], [1, 1]);
      const b = slice(x, [1, 1], [1, 1]);
      return sum(mul(a, 10))
        .add(sum(mul(b, 20)))
        .add(sum(mul(x, x)));
    })(tensor([1, 2, 3, 4], [2, 2]));
    expect(g.arraySync()).toEqual([
      [12, 4],
      [6, 28],
    ]);
  });

  test('the joined gradient is differentiable again: d2/dx2 of sum_t (t+1) x_t^3 = 6 (t+1) x_t', () => {
    const x = variable(tensor([1, -2, 3]));
    const outer = new GradientTape();
    const dx = outer.run(() => {
      const inner = new GradientTape();
      const y = inner.run(() =>
        split(x, 3)
          .map((p, t) => sum(mul(p.pow(3), t + 1)))
          .reduce((a, b) => a.add(b)),
      );
      return inner.gradient(y, x) as Tensor;
    });
    expect(dx.arraySync()).toEqual([3, 24, 81]);
    expect(outer.gradient(dx, x)?.arraySync()).toEqual([6, -24, 54]);
  });

  test('addSliceGradients joins disjoint parts in one concat, and adds what came before', () => {
    const parts = [2, 0].map((t) => ({ begin: [t, 0], size: [1, 2], dy: tensor([[t + 1, t + 1]]) }));
    expect(addSliceGradients([4, 2], parts, undefined).arraySync()).toEqual([
      [1, 1],
      [0, 0],
      [3, 3],
      [0, 0],
    ]);
    const p = profile(() => addSliceGradients([4, 2], parts, tensor([1, 1, 1, 1, 1, 1, 1, 1], [4, 2])));
    expect(p.result.arraySync()).toEqual([
      [2, 2],
      [1, 1],
      [4, 4],
      [1, 1],
    ]);
    expect(p.kernels.map((k) => k.name).filter((n) => n === 'Pad')).toEqual([]);
  });

  test('backprop through T slices keeps memory linear in T (peak bytes at 2T within 2.2x of T)', () => {
    setSeed(3);
    const peak = (steps: number) => {
      const x = variable(reshape(range(0, steps * 64), [steps, 64]).div(steps * 64));
      const w = weights(steps).reshape([steps, 1]);
      const before = memory().numBytes;
      const p = profile(() => {
        const tape = new GradientTape();
        const y = tape.run(() =>
          concat(
            split(x, steps, 0).map((r, t) => mul(r, w.slice([t, 0], [1, 1]))),
            0,
          ).sum(),
        );
        return tape.gradient(y, x) as Tensor;
      });
      return { result: p.result, bytes: p.peakBytes - before };
    };
    const small = peak(100);
    const large = peak(200);
    expect((large.result.arraySync() as number[][])[199][0]).toBe(100);
    expect(large.bytes / small.bytes).toBeLessThan(2.2);
    expect(large.bytes / small.bytes).toBeGreaterThan(1.8);
  });
});
