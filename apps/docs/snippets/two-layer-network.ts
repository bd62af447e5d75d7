/**
 * The course's chapter 4.2–4.4 in Horn: a network with one hidden layer, trained by batch or
 * mini-batch gradient descent, written in matrices with the gradients derived by hand as the
 * course derives them. m samples, n features, k hidden units:
 *
 *   Z1 = X·W1 + b1         (m, n)(n, k) => (m, k)     A1 = sigmoid(Z1)
 *   Z2 = A1·W2 + b2        (m, k)(k, 1) => (m, 1)     A2 = sigmoid(Z2)
 *   ∂L/∂W2 = A1ᵀ·(A2 − Y) / m                         (k, m)(m, 1) => (k, 1)
 *   ∂L/∂b2 = Σ (A2 − Y) / m
 *   errToHidden = (A2 − Y)·W2ᵀ ⊙ A1 ⊙ (1 − A1)         (m, 1)(1, k) => (m, k)
 *   ∂L/∂W1 = Xᵀ·errToHidden / m                       (n, m)(m, k) => (n, k)
 *   ∂L/∂b1 = Σ errToHidden / m, over the samples      (m, k) => (k)
 */
import {
  add,
  cast,
  clip,
  dispose,
  equal,
  greaterEqual,
  keep,
  log,
  matmul,
  mean,
  mul,
  neg,
  randomNormal,
  reshape,
  sigmoid,
  slice,
  sub,
  sum,
  type Tensor,
  tidy,
  zeros,
} from '@horn/tensor';

/** W1 (n, k), b1 (k), W2 (k, 1), b2 (1). */
export interface TwoLayerWeights {
  w1: Tensor;
  b1: Tensor;
  w2: Tensor;
  b2: Tensor;
}

/** Small random weights, zero biases (seeded). */
export function initWeights(n: number, k: number, seed = 42): TwoLayerWeights {
  return {
    w1: randomNormal([n, k], { stddev: 0.1, seed }),
    b1: zeros([k]),
    w2: randomNormal([k, 1], { stddev: 0.1, seed: seed + 1 }),
    b2: zeros([1]),
  };
}

/** The forward pass: hidden activations A1 (m, k) and outputs A2 (m, 1). */
export function forward({ w1, b1, w2, b2 }: TwoLayerWeights, x: Tensor): { a1: Tensor; a2: Tensor } {
  const a1 = sigmoid(add(matmul(x, w1), b1));
  const a2 = sigmoid(add(matmul(a1, w2), b2));
  return { a1, a2 };
}

/** Mean logistic loss −(y log a + (1 − y) log(1 − a)), a clipped away from 0 and 1. */
export function loss(a2: Tensor, y: Tensor): Tensor {
  const a = clip(a2, 1e-7, 1 - 1e-7);
  return mean(neg(add(mul(y, log(a)), mul(sub(1, y), log(sub(1, a))))));
}

/** The course's backward pass: the four gradients, by the formulas at the top of this file. */
export function backprop(weights: TwoLayerWeights, x: Tensor, y: Tensor, a1: Tensor, a2: Tensor): TwoLayerWeights {
  const m = x.shape[0];
  const err = sub(a2, y); // (m, 1)
  const w2 = matmul(a1, err, true, false).div(m); // A1ᵀ·err: (k, m)(m, 1) => (k, 1)
  const b2 = sum(err, 0).div(m);
  const errToHidden = mul(mul(matmul(err, weights.w2, false, true), a1), sub(1, a1)); // (m, 1)(1, k) => (m, k)
  const w1 = matmul(x, errToHidden, true, false).div(m); // Xᵀ·errToHidden: (n, m)(m, k) => (n, k)
  const b1 = sum(errToHidden, 0).div(m);
  return { w1, b1, w2, b2 };
}

/** Options of {@link train}: batchSize = the number of samples is batch gradient descent. */
export interface TrainOptions {
  units?: number;
  epochs?: number;
  learningRate?: number;
  batchSize?: number;
  seed?: number;
}

/**
 * Gradient descent over mini-batches of `batchSize` samples (the course's 4.4; the whole set at
 * once is 4.2's batch gradient descent, a batch of one is stochastic gradient descent).
 * Returns the weights and the training loss after each epoch.
 */
export function train(x: Tensor, y: Tensor, options: TrainOptions = {}) {
  const { units = 10, epochs = 100, learningRate = 0.1, batchSize = x.shape[0], seed = 42 } = options;
  const [m, n] = x.shape;
  const target = reshape(cast(y, 'float32'), [m, 1]);
  let weights = initWeights(n, units, seed);
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < m; start += batchSize) {
      const size = Math.min(batchSize, m - start);
      const next = tidy(() => {
        const xb = slice(x, [start, 0], [size, n]);
        const yb = slice(target, [start, 0], [size, 1]);
        const { a1, a2 } = forward(weights, xb);
        const grads = backprop(weights, xb, yb, a1, a2);
        const step = (w: Tensor, g: Tensor) => keep(sub(w, mul(g, learningRate)));
        return {
          w1: step(weights.w1, grads.w1),
          b1: step(weights.b1, grads.b1),
          w2: step(weights.w2, grads.w2),
          b2: step(weights.b2, grads.b2),
        };
      });
      dispose(Object.values(weights)); // the step's old weights (on device backends this frees memory)
      weights = next;
    }
    losses.push(tidy(() => loss(forward(weights, x).a2, target).dataSync()[0]));
  }
  return { weights, losses };
}

/** The share of samples whose prediction (A2 ≥ 0.5) matches the 0/1 label. */
export function accuracy(weights: TwoLayerWeights, x: Tensor, y: Tensor): number {
  return tidy(() => {
    const predicted = cast(greaterEqual(reshape(forward(weights, x).a2, [-1]), 0.5), 'float32');
    return mean(cast(equal(predicted, cast(y, 'float32')), 'float32')).dataSync()[0];
  });
}
