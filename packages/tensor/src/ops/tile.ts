import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: tile. */
export function tile(_x: TensorLike, _reps: readonly number[]): Tensor {
  throw new NotImplementedError('tile is not implemented yet');
}
