import { toTensor } from '../convert.js';
import { isDType } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ValueError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { DType } from '../types.js';

/**
 * Converts to another dtype: float to int32 truncates toward zero, anything to bool is `!= 0`.
 * Returns `x` itself when it already has that dtype; strings and numbers do not convert.
 * @example cast(tensor([1.7, -1.7]), 'int32').arraySync() // [1, -1]
 */
export function cast(x: TensorLike, dtype: DType): Tensor {
  const t = toTensor(x, 'x', 'cast');
  if (!isDType(dtype)) {
    throw new ValueError(`cast: dtype must be 'float32', 'int32', 'bool' or 'string', got ${String(dtype)}`);
  }
  if (t.dtype === dtype) return t;
  if (t.dtype === 'string' || dtype === 'string') {
    throw new DTypeError(`cast: cannot cast a '${t.dtype}' tensor to '${dtype}' (strings and numbers do not convert)`);
  }
  return ENGINE.runKernel('Cast', { x: t }, { dtype });
}
