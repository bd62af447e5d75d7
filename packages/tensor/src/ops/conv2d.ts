import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** Padding of a 2-D window op: 'valid', 'same' (TF's rule), a number on every side, or explicit [[top, bottom], [left, right]]. */
export type Padding2d = 'valid' | 'same' | number | readonly [readonly [number, number], readonly [number, number]];

/** Options of conv2d and its gradients. */
export interface Conv2dOptions {
  strides?: number | readonly [number, number];
  padding?: Padding2d;
  dilations?: number | readonly [number, number];
}

/** TODO: conv2d. */
export function conv2d(_x: TensorLike, _filter: TensorLike, _options: Conv2dOptions = {}): Tensor {
  throw new NotImplementedError('conv2d is not implemented yet');
}

/** TODO: conv2dBackpropInput. */
export function conv2dBackpropInput(
  _dy: TensorLike,
  _filter: TensorLike,
  _inputShape: readonly number[],
  _options: Conv2dOptions = {},
): Tensor {
  throw new NotImplementedError('conv2dBackpropInput is not implemented yet');
}

/** TODO: conv2dBackpropFilter. */
export function conv2dBackpropFilter(
  _x: TensorLike,
  _dy: TensorLike,
  _filterShape: readonly number[],
  _options: Conv2dOptions = {},
): Tensor {
  throw new NotImplementedError('conv2dBackpropFilter is not implemented yet');
}
