import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: argMax. */
export function argMax(_x: TensorLike, _axis?: number): Tensor {
  throw new NotImplementedError('argMax is not implemented yet');
}

/** TODO: argMin. */
export function argMin(_x: TensorLike, _axis?: number): Tensor {
  throw new NotImplementedError('argMin is not implemented yet');
}
