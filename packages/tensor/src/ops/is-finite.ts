import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: isNaN. */
export function isNaN(_x: TensorLike): Tensor {
  throw new NotImplementedError('isNaN is not implemented yet');
}

/** TODO: isFinite. */
export function isFinite(_x: TensorLike): Tensor {
  throw new NotImplementedError('isFinite is not implemented yet');
}
