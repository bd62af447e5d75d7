import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Repeats `x` `reps[d]` times along each dimension `d` (one count per dimension, as TF's `tile`).
 * @example tile(tensor([[1, 2]]), [2, 2]).arraySync() // [[1, 2, 1, 2], [1, 2, 1, 2]]
 */
export function tile(x: TensorLike, reps: readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'tile');
  if (!Array.isArray(reps) || reps.length !== t.rank) {
    const given = Array.isArray(reps) ? `[${reps.join(',')}]` : String(reps);
    throw new ShapeError(`tile: expected one repetition count per dimension of ${fmt(t.shape)}, got ${given}`);
  }
  for (const r of reps) {
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) {
      throw new ValueError(`tile: repetition counts must be non-negative integers, got [${reps.join(',')}]`);
    }
  }
  return ENGINE.runKernel('Tile', { x: t }, { reps: [...reps] });
}
