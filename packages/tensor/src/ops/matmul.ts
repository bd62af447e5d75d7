import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: matmul. */
export function matmul(_a: TensorLike, _b: TensorLike, _transposeA = false, _transposeB = false): Tensor {
  throw new NotImplementedError('matmul is not implemented yet');
}
