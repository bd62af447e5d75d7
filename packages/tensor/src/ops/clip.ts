import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: clip. */
export function clip(_x: TensorLike, _min: number, _max: number): Tensor {
  throw new NotImplementedError('clip is not implemented yet');
}
