import { div, type Tensor, zerosLike } from '@horn/tensor';
import type { Regularizer } from '../regularizers/regularizer.js';

/**
 * A layer's activity penalty on one output, as Keras 3.15: the regularizer's value divided by the
 * batch size (divide_no_nan: an empty batch gives 0; a scalar output is not divided).
 * @example activityPenalty(new L2({ l2: 0.1 }), ones([2, 3])) // 0.1·6 / 2 = 0.3
 */
export function activityPenalty(regularizer: Regularizer, out: Tensor): Tensor {
  const penalty = regularizer.apply(out);
  if (out.rank === 0) return penalty;
  return out.shape[0] === 0 ? zerosLike(penalty) : div(penalty, out.shape[0]);
}
