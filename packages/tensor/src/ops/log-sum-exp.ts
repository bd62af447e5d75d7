import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: logSumExp. */
export function logSumExp(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('logSumExp is not implemented yet');
}
