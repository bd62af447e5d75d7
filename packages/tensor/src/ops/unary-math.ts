import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: neg. */
export function neg(_x: TensorLike): Tensor {
  throw new NotImplementedError('neg is not implemented yet');
}

/** TODO: abs. */
export function abs(_x: TensorLike): Tensor {
  throw new NotImplementedError('abs is not implemented yet');
}

/** TODO: sign. */
export function sign(_x: TensorLike): Tensor {
  throw new NotImplementedError('sign is not implemented yet');
}

/** TODO: exp. */
export function exp(_x: TensorLike): Tensor {
  throw new NotImplementedError('exp is not implemented yet');
}

/** TODO: log. */
export function log(_x: TensorLike): Tensor {
  throw new NotImplementedError('log is not implemented yet');
}

/** TODO: log1p. */
export function log1p(_x: TensorLike): Tensor {
  throw new NotImplementedError('log1p is not implemented yet');
}

/** TODO: sqrt. */
export function sqrt(_x: TensorLike): Tensor {
  throw new NotImplementedError('sqrt is not implemented yet');
}

/** TODO: square. */
export function square(_x: TensorLike): Tensor {
  throw new NotImplementedError('square is not implemented yet');
}

/** TODO: reciprocal. */
export function reciprocal(_x: TensorLike): Tensor {
  throw new NotImplementedError('reciprocal is not implemented yet');
}

/** TODO: floor. */
export function floor(_x: TensorLike): Tensor {
  throw new NotImplementedError('floor is not implemented yet');
}

/** TODO: ceil. */
export function ceil(_x: TensorLike): Tensor {
  throw new NotImplementedError('ceil is not implemented yet');
}

/** TODO: round. */
export function round(_x: TensorLike): Tensor {
  throw new NotImplementedError('round is not implemented yet');
}
