import { toTensor } from '../convert.js';
import { assertNumeric } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

/**
 * Elementwise test for NaN, as bool (int32 and bool input hold no NaN: all false).
 * @example isNaN(tensor([1, NaN])).arraySync() // [0, 1]
 */
export function isNaN(x: TensorLike): Tensor {
  const t = toTensor(x, 'x', 'isNaN');
  assertNumeric(t.dtype, 'isNaN');
  return ENGINE.runKernel('IsNan', { x: t });
}

/**
 * Elementwise test for a finite value (not NaN, not ±Infinity), as bool (int32 and bool: all true).
 * @example isFinite(tensor([1, Infinity, NaN])).arraySync() // [1, 0, 0]
 */
export function isFinite(x: TensorLike): Tensor {
  const t = toTensor(x, 'x', 'isFinite');
  assertNumeric(t.dtype, 'isFinite');
  return ENGINE.runKernel('IsFinite', { x: t });
}
