import { add, clip, div, log, mean, mul, sub, sum, type Tensor, type TensorLike, tidy } from '@horn/tensor';
import { EPSILON, lossInputs } from './loss-inputs.js';

/**
 * Kullback-Leibler divergence over the last axis: `sum(yTrue * log(yTrue / yPred), -1)`, both clipped
 * to `[1e-7, 1]`.
 * @example kld([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // [0.9162892, -0.0000005]
 */
export function kld(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [rawTrue, rawPred] = lossInputs(yTrue, yPred, 'kld');
    const t = clip(rawTrue, EPSILON, 1);
    const p = clip(rawPred, EPSILON, 1);
    return sum(mul(t, log(div(t, p))), -1);
  });
}

/**
 * Same as {@link kld} (the Keras names `kl_divergence` and `kullback_leibler_divergence`).
 * @example kullbackLeiblerDivergence([[0, 1]], [[0.6, 0.4]]).arraySync() // [0.9162892]
 */
export const kullbackLeiblerDivergence = kld;

/**
 * Poisson loss over the last axis: `mean(yPred - yTrue * log(yPred + 1e-7), -1)`.
 * @example poisson([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // [0.99999994, 0]
 */
export function poisson(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return tidy(() => {
    const [t, p] = lossInputs(yTrue, yPred, 'poisson');
    return mean(sub(p, mul(t, log(add(p, EPSILON)))), -1);
  });
}
