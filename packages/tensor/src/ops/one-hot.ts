import { toTensor } from '../convert.js';
import { assertNumeric, isNumericDType } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ValueError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { DType } from '../types.js';
import { cast } from './cast.js';

/**
 * One-hot rows: shape `indices.shape + [depth]`, 1 at each index and 0 elsewhere. An index
 * outside `[0, depth)` gives a row of zeros, as in TF. Indices are int32, or floats holding integers.
 * @example oneHot(tensor([0, 2], undefined, 'int32'), 3).arraySync() // [[1, 0, 0], [0, 0, 1]]
 */
export function oneHot(indices: TensorLike, depth: number, dtype: DType = 'float32'): Tensor {
  const idx = toTensor(indices, 'indices', 'oneHot', 'int32');
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0) {
    throw new ValueError(`oneHot: depth must be a non-negative integer, got ${String(depth)}`);
  }
  if (!isNumericDType(dtype))
    throw new ValueError(`oneHot: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`);
  assertNumeric(idx.dtype, 'oneHot', 'indices');
  if (idx.dtype === 'bool') throw new DTypeError(`oneHot: indices must be integers, got a bool tensor`);
  if (idx.dtype === 'float32') {
    const values = idx.dataSync();
    for (let i = 0; i < values.length; i++) {
      if (!Number.isInteger(values[i])) {
        throw new DTypeError(`oneHot: indices must be integers, got ${values[i]} at position ${i}`);
      }
    }
  }
  return ENGINE.runKernel('OneHot', { indices: cast(idx, 'int32') }, { depth, dtype });
}
