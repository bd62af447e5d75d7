import { toTensor } from '../convert.js';
import { upcastType } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError, ShapeError } from '../errors.js';
import { broadcastShapes, fmt } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { binaryOperands } from './binary-op.js';
import { cast } from './cast.js';

/**
 * Takes `a` where `condition` is true and `b` elsewhere; the three broadcast together (NumPy's
 * `where`) and `a`, `b` are promoted to a common dtype.
 * @example where(tensor([true, false]), tensor([1, 2]), 0).arraySync() // [1, 0]
 */
export function where(condition: TensorLike, a: TensorLike, b: TensorLike): Tensor {
  const c = toTensor(condition, 'condition', 'where');
  if (c.dtype !== 'bool') {
    throw new DTypeError(`where: expected 'condition' to be a bool tensor, got ${c.dtype} (compare or cast it first)`);
  }
  const [x, y] = binaryOperands(a, b, 'where');
  try {
    broadcastShapes(broadcastShapes(c.shape, x.shape, 'where'), y.shape, 'where');
  } catch {
    throw new ShapeError(
      `where: shapes condition ${fmt(c.shape)}, a ${fmt(x.shape)} and b ${fmt(y.shape)} cannot be broadcast together`,
    );
  }
  const dtype = upcastType(x.dtype, y.dtype);
  return ENGINE.runKernel('Select', { condition: c, a: cast(x, dtype), b: cast(y, dtype) });
}
