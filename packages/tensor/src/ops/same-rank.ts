import type { Tensor } from '../tensor.js';
import { expandDims, squeeze } from './reshape.js';

/**
 * Keras' `squeeze_or_expand_to_same_rank`, which losses and metrics use to line up labels with
 * predictions: when the ranks differ by one and the longer tensor ends in a dimension of size 1,
 * squeeze it — or, when the shorter one is rank 1 and `expandRank1` is true, expand the shorter one.
 * Other pairs come back unchanged.
 * @example squeezeOrExpandToSameRank(ones([4]), ones([4, 1]))[0].shape // [4, 1]
 */
export function squeezeOrExpandToSameRank(x1: Tensor, x2: Tensor, expandRank1 = true): [Tensor, Tensor] {
  if (x1.rank === x2.rank + 1 && x1.shape[x1.rank - 1] === 1) {
    return x2.rank === 1 && expandRank1 ? [x1, expandDims(x2, -1)] : [squeeze(x1, -1), x2];
  }
  if (x2.rank === x1.rank + 1 && x2.shape[x2.rank - 1] === 1) {
    return x1.rank === 1 && expandRank1 ? [expandDims(x1, -1), x2] : [x1, squeeze(x2, -1)];
  }
  return [x1, x2];
}
