import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** Options of maxPool2d and avgPool2d. */
export interface Pool2dOptions {
  poolSize: number | readonly [number, number];
  /** Defaults to poolSize, as in Keras. */
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
}

/** TODO: maxPool2d. */
export function maxPool2d(_x: TensorLike, _options: Pool2dOptions): Tensor {
  throw new NotImplementedError('maxPool2d is not implemented yet');
}

/** TODO: avgPool2d. */
export function avgPool2d(_x: TensorLike, _options: Pool2dOptions): Tensor {
  throw new NotImplementedError('avgPool2d is not implemented yet');
}

/** TODO: globalAvgPool2d. */
export function globalAvgPool2d(_x: TensorLike, _keepDims = false): Tensor {
  throw new NotImplementedError('globalAvgPool2d is not implemented yet');
}

/** TODO: maxPool2dBackprop. */
export function maxPool2dBackprop(_dy: TensorLike, _x: TensorLike, _options: Pool2dOptions): Tensor {
  throw new NotImplementedError('maxPool2dBackprop is not implemented yet');
}

/** TODO: avgPool2dBackprop. */
export function avgPool2dBackprop(_dy: TensorLike, _inputShape: readonly number[], _options: Pool2dOptions): Tensor {
  throw new NotImplementedError('avgPool2dBackprop is not implemented yet');
}
