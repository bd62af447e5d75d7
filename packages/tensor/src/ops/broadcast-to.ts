import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: broadcastTo. */
export function broadcastTo(_x: TensorLike, _shape: readonly number[]): Tensor {
  throw new NotImplementedError('broadcastTo is not implemented yet');
}
