import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ShapeError, ValueError } from '../errors.js';
import { normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';

/**
 * Takes the slices of `x` at `indices` along `axis` (TF's `gather`, NumPy's `take`). The output
 * shape is `x.shape[:axis] + indices.shape + x.shape[axis+1:]`. Indices are int32, or floats
 * holding integers; each must lie in `[0, x.shape[axis])` (negative indices are not accepted).
 * @example gather(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]).arraySync() // [[5, 6], [1, 2]]
 */
export function gather(x: TensorLike, indices: TensorLike, axis = 0): Tensor {
  const t = toTensor(x, 'x', 'gather');
  const idx = toTensor(indices, 'indices', 'gather', 'int32');
  if (t.rank === 0) throw new ShapeError(`gather: cannot gather from a scalar`);
  const a = normalizeAxis(axis, t.rank, 'gather');
  return ENGINE.runKernel('Gather', { x: t, indices: checkIndices(idx, t.shape[a], 'gather') }, { axis: a });
}

/**
 * Checks that `indices` hold integers in `[0, dim)` (reading them once) and returns them as int32.
 * @example checkIndices(tensor([0, 2]), 3, 'gather').dtype // 'int32'
 */
function checkIndices(idx: Tensor, dim: number, op: string): Tensor {
  if (idx.dtype === 'bool') throw new DTypeError(`${op}: indices must be integers, got a bool tensor`);
  const values = idx.dataSync();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) throw new DTypeError(`${op}: indices must be integers, got ${v} at position ${i}`);
    if (v < 0 || v >= dim) {
      throw new ValueError(`${op}: index ${v} at position ${i} is out of range for a dimension of size ${dim}`);
    }
  }
  return cast(idx, 'int32');
}
