import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: gather. */
export function gather(_x: TensorLike, _indices: TensorLike, _axis = 0): Tensor {
  throw new NotImplementedError('gather is not implemented yet');
}
