import { toTensor } from '../convert.js';
import { upcastType } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError, ValueError } from '../errors.js';
import { fmt, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';
import { expandDims } from './reshape.js';

/**
 * Joins tensors of one rank along an existing `axis` (NumPy's `concatenate`); all other
 * dimensions must match. Dtypes are promoted to a common one (bool < int32 < float32).
 * A single tensor is returned as it is.
 * @example concat([tensor([[1, 2]]), tensor([[3, 4]])], 0).arraySync() // [[1, 2], [3, 4]]
 */
export function concat(tensors: readonly TensorLike[], axis = 0): Tensor {
  const ts = convertAll(tensors, 'concat');
  const first = ts[0];
  if (first.rank === 0) throw new ShapeError(`concat: scalars cannot be concatenated; use stack`);
  const a = normalizeAxis(axis, first.rank, 'concat');
  ts.forEach((t, i) => {
    const same = t.rank === first.rank && t.shape.every((d, j) => j === a || d === first.shape[j]);
    if (!same) {
      throw new ShapeError(
        `concat: tensor ${i} has shape ${fmt(t.shape)}, but tensor 0 has shape ${fmt(first.shape)}; all dimensions except axis ${a} must match`,
      );
    }
  });
  if (ts.length === 1) return first;
  const dtype = ts.reduce((d, t) => upcastType(d, t.dtype), first.dtype);
  const inputs: Record<string, Tensor> = {};
  ts.forEach((t, i) => {
    inputs[`x${i}`] = cast(t, dtype);
  });
  return ENGINE.runKernel('Concat', inputs, { axis: a });
}

/**
 * Joins tensors of one shape along a new `axis` (NumPy's `stack`): concat of their `expandDims`.
 * @example stack([tensor([1, 2]), tensor([3, 4])], 1).arraySync() // [[1, 3], [2, 4]]
 */
export function stack(tensors: readonly TensorLike[], axis = 0): Tensor {
  const ts = convertAll(tensors, 'stack');
  const first = ts[0];
  const a = normalizeAxis(axis, first.rank + 1, 'stack');
  ts.forEach((t, i) => {
    if (t.rank !== first.rank || t.shape.some((d, j) => d !== first.shape[j])) {
      throw new ShapeError(
        `stack: tensor ${i} has shape ${fmt(t.shape)}, but tensor 0 has shape ${fmt(first.shape)}; all shapes must be equal`,
      );
    }
  });
  return concat(
    ts.map((t) => expandDims(t, a)),
    a,
  );
}

function convertAll(tensors: readonly TensorLike[], op: string): Tensor[] {
  if (!Array.isArray(tensors)) throw new ValueError(`${op}: expected an array of tensors, got ${String(tensors)}`);
  if (tensors.length === 0) throw new ValueError(`${op}: expected at least one tensor, got an empty list`);
  return tensors.map((t, i) => toTensor(t, `tensors[${i}]`, op));
}
