import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: concat. */
export function concat(_tensors: readonly TensorLike[], _axis = 0): Tensor {
  throw new NotImplementedError('concat is not implemented yet');
}

/** TODO: stack. */
export function stack(_tensors: readonly TensorLike[], _axis = 0): Tensor {
  throw new NotImplementedError('stack is not implemented yet');
}
