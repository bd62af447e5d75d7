import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: transpose. */
export function transpose(_x: TensorLike, _perm?: readonly number[]): Tensor {
  throw new NotImplementedError('transpose is not implemented yet');
}

/** TODO: swapaxes. */
export function swapaxes(_x: TensorLike, _axis1: number, _axis2: number): Tensor {
  throw new NotImplementedError('swapaxes is not implemented yet');
}
