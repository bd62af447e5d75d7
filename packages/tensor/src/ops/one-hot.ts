import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { DType } from '../types.js';

/** TODO: oneHot. */
export function oneHot(_indices: TensorLike, _depth: number, _dtype: DType = 'float32'): Tensor {
  throw new NotImplementedError('oneHot is not implemented yet');
}
