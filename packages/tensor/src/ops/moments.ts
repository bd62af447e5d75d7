import { toTensor } from '../convert.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { div, sub } from './arithmetic.js';
import { cast } from './cast.js';
import { sum } from './reduce.js';
import { checkKeepDims, reducedCount, reductionAxes } from './reduce-op.js';
import { sqrt, square } from './unary-math.js';

/**
 * Arithmetic mean over `axis` (all axes when undefined), in float32 for every input dtype; the
 * mean of nothing is NaN, as in NumPy.
 * @example mean(tensor([[1, 2], [3, 4]]), 0).arraySync() // [2, 3]
 */
export function mean(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const t = cast(toTensor(x, 'x', 'mean'), 'float32');
  const axes = reductionAxes(axis, t.rank, 'mean');
  checkKeepDims(keepDims, 'mean');
  return div(sum(t, axes, keepDims), reducedCount(t.shape, axes));
}

/**
 * Population variance (NumPy's `var` with ddof=0) over `axis`: the mean squared deviation from
 * the mean, in float32.
 * @example variance(tensor([1, 2, 3, 4])).arraySync() // 1.25
 */
export function variance(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const t = cast(toTensor(x, 'x', 'variance'), 'float32');
  const axes = reductionAxes(axis, t.rank, 'variance');
  checkKeepDims(keepDims, 'variance');
  return mean(square(sub(t, mean(t, axes, true))), axes, keepDims);
}

/**
 * Population standard deviation (ddof=0): the square root of {@link variance}.
 * @example std(tensor([1, 2, 3, 4])).arraySync() // 1.1180340
 */
export function std(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const t = toTensor(x, 'x', 'std');
  const axes = reductionAxes(axis, t.rank, 'std');
  checkKeepDims(keepDims, 'std');
  return sqrt(variance(t, axes, keepDims));
}
