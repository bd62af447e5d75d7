import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { fmt, normalizeAxes, normalizeAxis, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * The same values in a new shape (no copy). One dimension may be `-1`: it is inferred.
 * @example reshape(range(6), [2, -1]).shape // [2, 3]
 */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'reshape');
  const target = inferReshape(t.shape, shape, 'reshape');
  return ENGINE.runKernel('Reshape', { x: t }, { shape: target });
}

/**
 * Resolves a target shape with at most one `-1` against the input's size.
 * @example inferReshape([2, 3], [-1], 'reshape') // [6]
 */
export function inferReshape(from: readonly number[], shape: readonly number[], op: string): number[] {
  if (!Array.isArray(shape)) throw new ShapeError(`${op}: expected a shape array, got ${String(shape)}`);
  const size = sizeOf(from);
  let unknown = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (d === -1) {
      if (unknown >= 0) throw new ShapeError(`${op}: only one dimension can be -1, got ${fmt(shape)}`);
      unknown = i;
    } else if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(`${op}: expected non-negative integer dimensions or one -1, got [${shape.join(',')}]`);
    } else {
      known *= d;
    }
  });
  const out = [...shape];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`${op}: cannot reshape a tensor of shape ${fmt(from)} (size ${size}) into ${fmt(shape)}`);
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new ShapeError(`${op}: cannot reshape a tensor of shape ${fmt(from)} (size ${size}) into ${fmt(shape)}`);
  }
  return out;
}

/**
 * The values as one dimension (NumPy's `ravel`).
 * @example flatten(ones([2, 3])).shape // [6]
 */
export function flatten(x: TensorLike): Tensor {
  const t = toTensor(x, 'x', 'flatten');
  return reshape(t, [t.size]);
}

/**
 * Inserts a dimension of size 1 at `axis` (negative counts from the end of the new shape).
 * @example expandDims(tensor([1, 2]), 1).shape // [2, 1]
 */
export function expandDims(x: TensorLike, axis = 0): Tensor {
  const t = toTensor(x, 'x', 'expandDims');
  const a = normalizeAxis(axis, t.rank + 1, 'expandDims');
  const shape = [...t.shape];
  shape.splice(a, 0, 1);
  return reshape(t, shape);
}

/**
 * Removes dimensions of size 1: all of them, or only those at `axis` (which must have size 1).
 * @example squeeze(ones([1, 3, 1])).shape // [3]
 */
export function squeeze(x: TensorLike, axis?: number | readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'squeeze');
  if (axis === undefined)
    return reshape(
      t,
      t.shape.filter((d) => d !== 1),
    );
  const axes = normalizeAxes(axis, t.rank, 'squeeze');
  for (const a of axes) {
    if (t.shape[a] !== 1) {
      throw new ShapeError(
        `squeeze: cannot squeeze axis ${a} of shape ${fmt(t.shape)}: its size is ${t.shape[a]}, not 1`,
      );
    }
  }
  return reshape(
    t,
    t.shape.filter((_, i) => !axes.includes(i)),
  );
}
