import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: where. */
export function where(_condition: TensorLike, _a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('where is not implemented yet');
}
