import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: dot. */
export function dot(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('dot is not implemented yet');
}

/** TODO: outer. */
export function outer(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('outer is not implemented yet');
}
