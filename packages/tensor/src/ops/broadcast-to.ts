import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { assertValidShape, fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Repeats `x` into `shape` by NumPy's broadcasting rules (`np.broadcast_to`): `x` may have fewer
 * dimensions (aligned on the right), and each of its dimensions must equal the target's or be 1.
 * @example broadcastTo(tensor([1, 2, 3]), [2, 3]).arraySync() // [[1, 2, 3], [1, 2, 3]]
 */
export function broadcastTo(x: TensorLike, shape: readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'broadcastTo');
  assertValidShape(shape, 'broadcastTo');
  const offset = shape.length - t.rank;
  const fits = offset >= 0 && t.shape.every((d, i) => d === shape[offset + i] || d === 1);
  if (!fits) {
    throw new ShapeError(`broadcastTo: cannot broadcast a tensor of shape ${fmt(t.shape)} to ${fmt(shape)}`);
  }
  return ENGINE.runKernel('BroadcastTo', { x: t }, { shape: [...shape] });
}
