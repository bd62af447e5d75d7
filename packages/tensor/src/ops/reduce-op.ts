import { assertNumeric } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { ValueError } from '../errors.js';
import { fmt, normalizeAxes, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';

/** The axis option of the reductions: one axis, several, or `undefined` for all of them. */
export type AxisOption = number | readonly number[] | undefined;

/**
 * Normalizes a reduction's axis option into sorted, unique, non-negative axes. A scalar takes axis
 * 0 or -1 (as in NumPy) and has nothing to reduce.
 * @example reductionAxes(-1, 3, 'sum') // [2]
 */
export function reductionAxes(axis: AxisOption, rank: number, op: string): number[] {
  if (axis !== undefined && typeof axis !== 'number' && !Array.isArray(axis)) {
    throw new ValueError(`${op}: axis must be a number, an array of numbers or undefined, got ${String(axis)}`);
  }
  if (rank > 0) return normalizeAxes(axis, rank, op);
  const list = axis === undefined ? [] : typeof axis === 'number' ? [axis] : [...axis];
  const seen = new Set(list.map((a) => normalizeAxis(a, 1, op)));
  if (seen.size !== list.length) throw new ValueError(`${op}: repeated axis in [${list.join(',')}]`);
  return [];
}

/**
 * Checks a reduction's keepDims option, naming the op when it is not a boolean.
 * @example checkKeepDims(true, 'mean')
 */
export function checkKeepDims(keepDims: unknown, op: string): void {
  if (typeof keepDims !== 'boolean') throw new ValueError(`${op}: keepDims must be a boolean, got ${String(keepDims)}`);
}

/**
 * The number of elements each output of a reduction over `axes` folds together.
 * @example reducedCount([2, 3, 4], [0, 2]) // 8
 */
export function reducedCount(shape: readonly number[], axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= shape[a];
  return n;
}

/**
 * Validates the options of a reduction and dispatches its kernel with `{ axes, keepDims }`.
 * `needsIdentity` ops (max, min) refuse to reduce zero elements, as NumPy does.
 * @example reduceOp('Sum', 'sum', tensor([1, 2]), undefined, false).arraySync() // 3
 */
export function reduceOp(
  kernel: string,
  op: string,
  t: Tensor,
  axis: AxisOption,
  keepDims: boolean,
  needsIdentity = false,
): Tensor {
  assertNumeric(t.dtype, op);
  checkKeepDims(keepDims, op);
  const axes = reductionAxes(axis, t.rank, op);
  if (needsIdentity && reducedCount(t.shape, axes) === 0) {
    throw new ValueError(
      `${op}: zero-size array to reduction operation ${op} which has no identity (shape ${fmt(t.shape)}, axes [${axes.join(',')}])`,
    );
  }
  return ENGINE.runKernel(kernel, { x: t }, { axes, keepDims });
}
