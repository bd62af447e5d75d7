import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: split. */
export function split(_x: TensorLike, _numOrSizes: number | readonly number[], _axis = 0): Tensor[] {
  throw new NotImplementedError('split is not implemented yet');
}
