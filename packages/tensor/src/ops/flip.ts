import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: flip. */
export function flip(_x: TensorLike, _axis?: number | readonly number[]): Tensor {
  throw new NotImplementedError('flip is not implemented yet');
}
