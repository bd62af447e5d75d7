/**
 * The course's chapter 7 in Horn's tensor ops: the RNN cell h_t = tanh(h_{t−1}·W_h + x_t·W_x + b),
 * the "Time RNN" that unrolls it over T steps, an embedding lookup for the inputs, backpropagation
 * through time by GradientTape, and truncated BPTT by cutting the gradient of the carried state.
 */
import { GradientTape, stopGradient, type Variable, variable } from '@horn/autograd';
import { add, gather, matmul, randomNormal, slice, squeeze, stack, type Tensor, tanh, zeros } from '@horn/tensor';

/** One RNN step's weights: W_x (D, H), W_h (H, H), b (H). */
export interface RnnWeights<T extends Tensor = Tensor> {
  wx: T;
  wh: T;
  b: T;
}

/** Random trainable weights for D input features and H hidden units (seeded). */
export function rnnWeights(d: number, h: number, seed = 1): RnnWeights<Variable> {
  return {
    wx: variable(randomNormal([d, h], { stddev: 0.5, seed })),
    wh: variable(randomNormal([h, h], { stddev: 0.5, seed: seed + 1 })),
    b: variable(zeros([h])),
  };
}

/** The RNN layer of the course: h_next = tanh(h_prev·W_h + x·W_x + b), for a batch x (N, D). */
export function rnnStep({ wx, wh, b }: RnnWeights, x: Tensor, hPrev: Tensor): Tensor {
  return tanh(add(add(matmul(hPrev, wh), matmul(x, wx)), b));
}

/**
 * The Time RNN layer: xs (N, T, D) in, the T hidden states hs (N, T, H) out. `h0` carries the state
 * of the previous block; `truncate` cuts its gradient (truncated BPTT), as the course's blocks do.
 */
export function timeRnn(weights: RnnWeights, xs: Tensor, h0: Tensor, truncate = false): { hs: Tensor; h: Tensor } {
  const [n, t, d] = xs.shape;
  let h = truncate ? stopGradient(h0) : h0;
  const states: Tensor[] = [];
  for (let step = 0; step < t; step++) {
    const x = squeeze(slice(xs, [0, step, 0], [n, 1, d]), 1);
    h = rnnStep(weights, x, h);
    states.push(h);
  }
  return { hs: stack(states, 1), h };
}

/** An embedding: a trainable table (vocabulary, D); word ids (N, T) become vectors (N, T, D). */
export function embed(table: Tensor, ids: Tensor): Tensor {
  return gather(table, ids);
}

/**
 * A tiny language-model step: embed word ids, run the Time RNN, and take the gradient of the
 * mean of the last hidden state with respect to every weight, through all T steps (BPTT).
 */
export function bpttGradients(table: Variable, weights: RnnWeights<Variable>, ids: Tensor) {
  const tape = new GradientTape();
  const loss = tape.run(() => {
    const { h } = timeRnn(weights, embed(table, ids), zeros([ids.shape[0], weights.wh.shape[0]]));
    return h.mean();
  });
  const [dTable, dWx, dWh, dB] = tape.gradient(loss, [table, weights.wx, weights.wh, weights.b]) as Tensor[];
  return { loss, dTable, dWx, dWh, dB };
}
