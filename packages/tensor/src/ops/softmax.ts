import { toTensor } from '../convert.js';
import { DTypeError } from '../errors.js';
import { normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { sub } from './arithmetic.js';
import { cast } from './cast.js';
import { isFinite } from './is-finite.js';
import { logSumExp } from './log-sum-exp.js';
import { max } from './reduce.js';
import { exp } from './unary-math.js';
import { where } from './where.js';

function floatLogits(x: TensorLike, axis: number, op: string): { t: Tensor; axis: number } {
  const t = toTensor(x, 'x', op);
  if (t.dtype === 'bool') throw new DTypeError(`${op}: 'x' must be numeric (float32 or int32), got bool`);
  return { t: cast(t, 'float32'), axis: normalizeAxis(axis, t.rank, op) };
}

/**
 * `exp(x) / sum(exp(x))` along `axis` (default the last), computed as `exp(logSoftmax(x))`: stable
 * for logits of any magnitude, each slice sums to 1.
 * @example softmax(tensor([2.2, 1.39, 0.85])).arraySync() // ≈ [0.59, 0.26, 0.15]
 */
export function softmax(x: TensorLike, axis = -1): Tensor {
  const { t, axis: a } = floatLogits(x, axis, 'softmax');
  return exp(logSoftmax(t, a));
}

/**
 * The logarithm of softmax along `axis`: `x - logSumExp(x, axis, keepDims=true)`, finite for
 * finite logits however large.
 * @example logSoftmax(tensor([0, 0])).arraySync() // [-0.693, -0.693]
 */
export function logSoftmax(x: TensorLike, axis = -1): Tensor {
  const { t, axis: a } = floatLogits(x, axis, 'logSoftmax');
  if (t.shape[a] === 0) return sub(t, logSumExp(t, a, true)); // nothing to shift, and max has no identity
  // Shifting by the maximum first (exact: logSoftmax ignores shifts, and so does its gradient)
  // keeps float32 precision: with x near 1e4, x - logSumExp(x) would lose ~1e-3 to rounding.
  const m = max(t, a, true);
  const shifted = sub(t, where(isFinite(m), m, 0));
  return sub(shifted, logSumExp(shifted, a, true));
}
