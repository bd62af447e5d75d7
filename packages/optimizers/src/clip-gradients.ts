import { add, maximum, minimum, reciprocal, sqrt, square, sum, type Tensor } from '@horn/tensor';

/**
 * Scales `gradient` so that its L2 norm is at most `clipNorm`: `g * clipNorm / max(norm(g), clipNorm)`
 * (Keras' per-variable `clipnorm`). A zero gradient stays zero.
 * @example clipByNorm(tensor([3, 4]), 1).arraySync() // [0.6, 0.8]
 */
export function clipByNorm(gradient: Tensor, clipNorm: number): Tensor {
  const norm = sqrt(sum(square(gradient)));
  return gradient.mul(clipNorm).div(maximum(norm, clipNorm));
}

/**
 * Scales every gradient by one factor so that their joint L2 norm is at most `clipNorm`
 * (Keras' `global_clipnorm`, `tf.clip_by_global_norm`). A non-finite global norm gives NaN
 * gradients, as in Keras.
 * @example clipByGlobalNorm([tensor([3]), tensor([4])], 1).map((g) => g.arraySync()) // [[0.6], [0.8]]
 */
export function clipByGlobalNorm(gradients: readonly Tensor[], clipNorm: number): Tensor[] {
  const squares = gradients.map((g) => sum(square(g)));
  const norm = sqrt(squares.reduce((a, b) => add(a, b)));
  // clipNorm * min(1 / norm, 1 / clipNorm) is 1 when norm <= clipNorm (also when norm is 0);
  // adding norm - norm turns an infinite or NaN norm into NaN instead of a silent zero.
  const scale = minimum(reciprocal(norm), 1 / clipNorm)
    .mul(clipNorm)
    .add(norm.sub(norm));
  return gradients.map((g) => g.mul(scale));
}
