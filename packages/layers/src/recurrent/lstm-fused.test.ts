import { GradientTape } from '@horn/autograd';
import {
  add,
  getKernel,
  type KernelSpec,
  mul,
  registerKernel,
  sum,
  type Tensor,
  tensor,
  unregisterKernel,
} from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { LSTM } from '../index.js';
import goldens from './fixtures/lstm-fused-goldens.json' with { type: 'json' };

// Keras 3.15 (JAX) numbers for LSTM with its default activations, which Horn runs through the
// fused lstmCell kernel (fixtures/make-lstm-fused.py makes them).
type Golden = (typeof goldens.cases)[number];

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);

function expectClose(got: ArrayLike<number>, want: unknown, tol: number, label: string) {
  const w = flat(want);
  expect(got.length, label).toBe(w.length);
  let worst = 0;
  for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(got[i] - w[i]));
  expect(worst, label).toBeLessThan(tol);
}

/** Runs the case forward and backward: outputs [seq, h, c] and gradients [input, ...weights]. */
function run(g: Golden) {
  const config = g.config as { units: number; go_backwards?: boolean; use_bias?: boolean };
  const lstm = new LSTM({ ...config, returnSequences: true, returnState: true });
  const x = tensor(g.input.values, g.input.shape);
  lstm.apply(x); // builds the weights
  lstm.setWeights(g.weights.map((w) => tensor(w.values, w.shape)));
  const shapeOf = (t: Tensor) => t.shape;
  const tape = new GradientTape();
  tape.watch(x);
  let outs: Float32Array[] = [];
  const loss = tape.run(() => {
    const [seq, h, c] = lstm.apply(x) as unknown as Tensor[];
    outs = [seq, h, c].map((t) => t.dataSync() as Float32Array);
    const lw = g.lossWeights;
    const w = (v: unknown, like: Tensor) => tensor(flat(v), shapeOf(like));
    return add(add(sum(mul(seq, w(lw.seq, seq))), sum(mul(h, w(lw.h, h)))), sum(mul(c, w(lw.c, c))));
  });
  const grads = tape.gradient(loss, [x, ...lstm.trainableWeights]) as Tensor[];
  return { outs, grads: grads.map((t) => t.dataSync()) };
}

describe('LSTM (tanh / sigmoid, the fused lstmCell) against Keras 3', () => {
  for (const g of goldens.cases) {
    test(`${g.name}: outputs and gradients`, () => {
      const { outs, grads } = run(g);
      expectClose(outs[0], g.outputs.seq, 1e-5, 'sequence');
      expectClose(outs[1], g.outputs.h, 1e-5, 'h');
      expectClose(outs[2], g.outputs.c, 1e-5, 'c');
      expectClose(grads[0], g.grads.input, 2e-5, 'input gradient');
      g.grads.weights.forEach((w, i) => {
        expectClose(grads[i + 1], w, 2e-5, `gradient of ${g.weights[i].name}`);
      });
    });
  }

  test('the fused cell gives the numbers of the separate ops (LSTMCell unregistered)', () => {
    const g = goldens.cases[1];
    const fused = run(g);
    const saved = ['LSTMCell', 'LSTMCellGrad'].map((n) => getKernel(n, 'cpu')!);
    for (const s of saved) unregisterKernel(s.name, 'cpu');
    let ops: ReturnType<typeof run>;
    try {
      ops = run(g);
    } finally {
      for (const s of saved) registerKernel(s as KernelSpec<unknown>);
    }
    fused.outs.forEach((o, i) => {
      expect(Array.from(o)).toEqual(Array.from(ops.outs[i]));
    });
    fused.grads.forEach((d, i) => {
      expectClose(d, Array.from(ops.grads[i]), 1e-6, `gradient ${i}`);
    });
  });
});
