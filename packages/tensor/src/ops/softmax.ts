import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: softmax. */
export function softmax(_x: TensorLike, _axis = -1): Tensor {
  throw new NotImplementedError('softmax is not implemented yet');
}

/** TODO: logSoftmax. */
export function logSoftmax(_x: TensorLike, _axis = -1): Tensor {
  throw new NotImplementedError('logSoftmax is not implemented yet');
}
