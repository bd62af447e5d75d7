import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: equal. */
export function equal(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('equal is not implemented yet');
}

/** TODO: notEqual. */
export function notEqual(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('notEqual is not implemented yet');
}

/** TODO: greater. */
export function greater(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('greater is not implemented yet');
}

/** TODO: greaterEqual. */
export function greaterEqual(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('greaterEqual is not implemented yet');
}

/** TODO: less. */
export function less(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('less is not implemented yet');
}

/** TODO: lessEqual. */
export function lessEqual(_a: TensorLike, _b: TensorLike): Tensor {
  throw new NotImplementedError('lessEqual is not implemented yet');
}
