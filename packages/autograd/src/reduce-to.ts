import { broadcastedAxes, reshape, type Shape, shapesEqual, sum, type Tensor } from '@horn/tensor';

/**
 * Sums a broadcast gradient back to the shape of the input it came from.
 * @example reduceTo(ones([2, 3]), [3]).arraySync() // [2, 2, 2]
 */
export function reduceTo(dy: Tensor, shape: Shape): Tensor {
  if (shapesEqual(dy.shape, shape)) return dy;
  const axes = broadcastedAxes(shape, dy.shape);
  return reshape(axes.length > 0 ? sum(dy, axes, true) : dy, shape);
}
