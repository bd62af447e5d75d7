import { toTensor } from '../convert.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { add, sub } from './arithmetic.js';
import { cast } from './cast.js';
import { isFinite } from './is-finite.js';
import { max, sum } from './reduce.js';
import { checkKeepDims, reducedCount, reductionAxes } from './reduce-op.js';
import { reshape } from './reshape.js';
import { exp, log } from './unary-math.js';
import { where } from './where.js';

/**
 * `log(sum(exp(x)))` over `axis`, computed stably as `log(sum(exp(x - m))) + m` with `m` the
 * maximum (replaced by 0 where it is not finite): logits of magnitude 1e4 stay finite, a row of
 * -Infinity gives -Infinity, and reducing nothing gives -Infinity.
 * @example logSumExp(tensor([1e4, 1e4])).arraySync() // 10000.693
 */
export function logSumExp(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  const t = cast(toTensor(x, 'x', 'logSumExp'), 'float32');
  const axes = reductionAxes(axis, t.rank, 'logSumExp');
  checkKeepDims(keepDims, 'logSumExp');
  if (reducedCount(t.shape, axes) === 0) return log(sum(exp(t), axes, keepDims));
  const m = max(t, axes, true);
  const shift = where(isFinite(m), m, 0);
  const lse = log(sum(exp(sub(t, shift)), axes, keepDims));
  return add(lse, keepDims ? shift : reshape(shift, lse.shape));
}
