import { tensor, toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ShapeError, ValueError } from '../errors.js';
import { fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { reshape } from './reshape.js';

interface MaskPlan {
  x: Tensor;
  mask: Tensor;
  axis: number;
}

// Validates at the door: a bool mask whose shape is x.shape[axis : axis + mask.rank].
function plan(x: TensorLike, mask: TensorLike, axis: number, op: string): MaskPlan {
  const t = toTensor(x, 'x', op);
  const m = toTensor(mask, 'mask', op, 'bool');
  if (m.dtype !== 'bool') {
    throw new DTypeError(
      `${op}: mask must be a bool tensor (or booleans), got dtype ${m.dtype}; compare first, e.g. greater(m, 0)`,
    );
  }
  if (m.rank === 0) throw new ShapeError(`${op}: mask must have rank 1 or more, got a scalar`);
  if (!Number.isInteger(axis)) throw new ValueError(`${op}: axis must be an integer, got ${JSON.stringify(axis)}`);
  const a = axis < 0 ? axis + t.rank : axis;
  const fits = a >= 0 && a + m.rank <= t.rank && m.shape.every((d, i) => d === t.shape[a + i]);
  if (!fits) {
    throw new ShapeError(
      `${op}: mask of shape ${fmt(m.shape)} must match the dimensions of x from axis ${axis}; x has shape ${fmt(t.shape)}`,
    );
  }
  return { x: t, mask: m, axis: a };
}

// The kept slices: x with the masked dimensions flattened into one, gathered at the true positions.
function select({ x, mask, axis }: MaskPlan, values: ArrayLike<number>): Tensor {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]) kept.push(i);
  const flat = reshape(x, [...x.shape.slice(0, axis), mask.size, ...x.shape.slice(axis + mask.rank)]);
  // The indices are in range by construction: run the Gather kernel without gather()'s read-back check.
  return ENGINE.runKernel('Gather', { x: flat, indices: tensor(kept, [kept.length], 'int32') }, { axis });
}

/**
 * The slices of `x` where `mask` is true (TF's `boolean_mask`, NumPy's `x[mask]`): `mask` is a bool
 * tensor whose shape is `x.shape[axis : axis + mask.rank]`, and the output has shape
 * `x.shape[:axis] + [number of trues] + x.shape[axis + mask.rank:]`. Differentiable in `x` (it is a
 * gather). The mask is read synchronously; on a backend that cannot read back synchronously (WebGPU)
 * use {@link booleanMaskAsync}.
 * @example booleanMask(tensor([[1, 2], [3, 4], [5, 6]]), [true, false, true]).arraySync() // [[1, 2], [5, 6]]
 */
export function booleanMask(x: TensorLike, mask: TensorLike, axis = 0): Tensor {
  const p = plan(x, mask, axis, 'booleanMask');
  return select(p, p.mask.dataSync());
}

/**
 * {@link booleanMask} that reads the mask with `await data()`, so it works on every backend (TF.js'
 * `booleanMaskAsync`).
 * @example (await booleanMaskAsync(tensor([1, 2, 3]), [false, true, true])).arraySync() // [2, 3]
 */
export async function booleanMaskAsync(x: TensorLike, mask: TensorLike, axis = 0): Promise<Tensor> {
  const p = plan(x, mask, axis, 'booleanMaskAsync');
  return select(p, await p.mask.data());
}
