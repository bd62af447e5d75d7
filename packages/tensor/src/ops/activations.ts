import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: relu. */
export function relu(_x: TensorLike): Tensor {
  throw new NotImplementedError('relu is not implemented yet');
}

/** TODO: relu6. */
export function relu6(_x: TensorLike): Tensor {
  throw new NotImplementedError('relu6 is not implemented yet');
}

/** TODO: selu. */
export function selu(_x: TensorLike): Tensor {
  throw new NotImplementedError('selu is not implemented yet');
}

/** TODO: sigmoid. */
export function sigmoid(_x: TensorLike): Tensor {
  throw new NotImplementedError('sigmoid is not implemented yet');
}

/** TODO: tanh. */
export function tanh(_x: TensorLike): Tensor {
  throw new NotImplementedError('tanh is not implemented yet');
}

/** TODO: softplus. */
export function softplus(_x: TensorLike): Tensor {
  throw new NotImplementedError('softplus is not implemented yet');
}

/** TODO: softsign. */
export function softsign(_x: TensorLike): Tensor {
  throw new NotImplementedError('softsign is not implemented yet');
}

/** TODO: leakyRelu. */
export function leakyRelu(_x: TensorLike, _alpha = 0.2): Tensor {
  throw new NotImplementedError('leakyRelu is not implemented yet');
}

/** TODO: elu. */
export function elu(_x: TensorLike, _alpha = 1): Tensor {
  throw new NotImplementedError('elu is not implemented yet');
}

/** TODO: gelu. */
export function gelu(_x: TensorLike, _approximate = false): Tensor {
  throw new NotImplementedError('gelu is not implemented yet');
}

/** TODO: swish. */
export function swish(_x: TensorLike, _beta = 1): Tensor {
  throw new NotImplementedError('swish is not implemented yet');
}
