import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** Options of conv1d. */
export interface Conv1dOptions {
  stride?: number;
  padding?: 'valid' | 'same' | 'causal' | number;
  dilation?: number;
}

/** TODO: conv1d. */
export function conv1d(_x: TensorLike, _filter: TensorLike, _options: Conv1dOptions = {}): Tensor {
  throw new NotImplementedError('conv1d is not implemented yet');
}
