import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: mean. */
export function mean(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('mean is not implemented yet');
}

/** TODO: variance. */
export function variance(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('variance is not implemented yet');
}

/** TODO: std. */
export function std(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('std is not implemented yet');
}
