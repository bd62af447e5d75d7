import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { normalizeAxes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Reverses the order of the values along `axis` (a number or several); all axes when omitted,
 * as NumPy's `flip`. Negative axes count from the end.
 * @example flip(tensor([2, 1, 5, 3])).arraySync() // [3, 5, 1, 2]
 */
export function flip(x: TensorLike, axis?: number | readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'flip');
  if (t.rank === 0 && axis !== undefined && (typeof axis === 'number' || axis.length > 0)) {
    throw new ShapeError(`flip: a scalar has no axes, got axis ${String(axis)}`);
  }
  const axes = normalizeAxes(axis, t.rank, 'flip');
  return ENGINE.runKernel('Reverse', { x: t }, { axes });
}
