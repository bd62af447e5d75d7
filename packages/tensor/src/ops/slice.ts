import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: slice. */
export function slice(_x: TensorLike, _begin: number | readonly number[], _size?: number | readonly number[]): Tensor {
  throw new NotImplementedError('slice is not implemented yet');
}
