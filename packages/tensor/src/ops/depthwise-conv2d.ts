import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { Conv2dOptions } from './conv2d.js';

/** TODO: depthwiseConv2d. */
export function depthwiseConv2d(_x: TensorLike, _filter: TensorLike, _options: Conv2dOptions = {}): Tensor {
  throw new NotImplementedError('depthwiseConv2d is not implemented yet');
}

/** TODO: depthwiseConv2dBackpropInput. */
export function depthwiseConv2dBackpropInput(
  _dy: TensorLike,
  _filter: TensorLike,
  _inputShape: readonly number[],
  _options: Conv2dOptions = {},
): Tensor {
  throw new NotImplementedError('depthwiseConv2dBackpropInput is not implemented yet');
}

/** TODO: depthwiseConv2dBackpropFilter. */
export function depthwiseConv2dBackpropFilter(
  _x: TensorLike,
  _dy: TensorLike,
  _filterShape: readonly number[],
  _options: Conv2dOptions = {},
): Tensor {
  throw new NotImplementedError('depthwiseConv2dBackpropFilter is not implemented yet');
}
