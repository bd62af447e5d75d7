import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { ShapeError } from '../errors.js';
import { fmt, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Permutes the dimensions: output dimension `i` is input dimension `perm[i]` (NumPy's
 * `transpose`). Without `perm` the dimensions are reversed; negative entries count from the end.
 * @example transpose(tensor([[1, 2, 3], [4, 5, 6]])).arraySync() // [[1, 4], [2, 5], [3, 6]]
 */
export function transpose(x: TensorLike, perm?: readonly number[]): Tensor {
  const t = toTensor(x, 'x', 'transpose');
  const rank = t.rank;
  const p = perm === undefined ? Array.from({ length: rank }, (_, i) => rank - 1 - i) : checkPerm(perm, t.shape);
  return ENGINE.runKernel('Transpose', { x: t }, { perm: p });
}

/**
 * Exchanges two dimensions (NumPy's `swapaxes`); negative axes count from the end.
 * @example swapaxes(ones([2, 3, 4]), 0, -1).shape // [4, 3, 2]
 */
export function swapaxes(x: TensorLike, axis1: number, axis2: number): Tensor {
  const t = toTensor(x, 'x', 'swapaxes');
  const a = checkAxis(axis1, t.shape, 'swapaxes');
  const b = checkAxis(axis2, t.shape, 'swapaxes');
  const perm = Array.from({ length: t.rank }, (_, i) => i);
  perm[a] = b;
  perm[b] = a;
  return transpose(t, perm);
}

function checkPerm(perm: readonly number[], shape: readonly number[]): number[] {
  const given = Array.isArray(perm) ? `[${perm.join(',')}]` : String(perm);
  if (!Array.isArray(perm) || perm.length !== shape.length) {
    throw new ShapeError(
      `transpose: perm must be a permutation of the ${shape.length} axes of a tensor of shape ${fmt(shape)}, got ${given}`,
    );
  }
  const p = perm.map((a) => checkAxis(a, shape, 'transpose'));
  if (new Set(p).size !== p.length) {
    throw new ShapeError(
      `transpose: perm ${given} repeats an axis; expected a permutation of the axes of ${fmt(shape)}`,
    );
  }
  return p;
}

function checkAxis(axis: number, shape: readonly number[], op: string): number {
  if (shape.length === 0) throw new ShapeError(`${op}: a scalar has no axes, got axis ${axis}`);
  return normalizeAxis(axis, shape.length, op);
}
