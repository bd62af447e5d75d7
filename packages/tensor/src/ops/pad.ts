import { NotImplementedError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/** TODO: pad. */
export function pad(_x: TensorLike, _paddings: readonly (readonly [number, number])[], _value = 0): Tensor {
  throw new NotImplementedError('pad is not implemented yet');
}
