import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: sum. */
export function sum(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('sum is not implemented yet');
}

/** TODO: prod. */
export function prod(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('prod is not implemented yet');
}

/** TODO: max. */
export function max(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('max is not implemented yet');
}

/** TODO: min. */
export function min(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('min is not implemented yet');
}

/** TODO: all. */
export function all(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('all is not implemented yet');
}

/** TODO: any. */
export function any(_x: TensorLike, _axis?: number | readonly number[], _keepDims = false): Tensor {
  throw new NotImplementedError('any is not implemented yet');
}
