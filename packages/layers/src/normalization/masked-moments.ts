import { broadcastTo, cast, div, expandDims, sub, sum, type Tensor, where } from '@horn/tensor';

const EPSILON = 1e-7; // Keras' backend.epsilon()

/**
 * Mean and variance over `axes` (kept as size-1 axes) of the positions where `mask` is true, as
 * Keras 3's `BatchNormalization._moments` with a mask: the mask (the input's shape without its
 * last axis) is broadcast over the features, and both sums are divided by `count + 1e-7`.
 * @example maskedMoments(tensor([[[1], [3], [100]]]), tensor([[true, true, false]], [1, 3], 'bool'), [0, 1]) // mean ≈ 2, variance ≈ 1
 */
export function maskedMoments(x: Tensor, mask: Tensor, axes: number[]): [Tensor, Tensor] {
  const keep = broadcastTo(expandDims(cast(mask, 'bool'), -1), x.shape);
  const weights = sum(cast(keep, 'float32'), axes, true);
  const m = div(sum(where(keep, x, 0), axes, true), weights.add(EPSILON));
  const d = where(keep, sub(x, m), 0);
  const v = div(sum(d.mul(d), axes, true), weights.add(EPSILON));
  return [m, v];
}
