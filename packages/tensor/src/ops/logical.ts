import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: logicalAnd. */
export function logicalAnd(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('logicalAnd is not implemented yet');
}

/** TODO: logicalOr. */
export function logicalOr(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('logicalOr is not implemented yet');
}

/** TODO: logicalNot. */
export function logicalNot(_x: TensorLike): Tensor {
  throw new NotImplementedError('logicalNot is not implemented yet');
}
