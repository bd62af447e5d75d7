import { toTensor } from '../convert.js';
import { assertNumeric, upcastType } from '../dtype.js';
import { ENGINE } from '../engine/global.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { DType } from '../types.js';
import { cast } from './cast.js';

/**
 * Converts two operands for a binary op. A plain number takes the other operand's dtype when it
 * is an integer (so `intTensor.add(1)` stays int32) and float32 otherwise, as NumPy does with
 * Python scalars.
 * @example binaryOperands(tensor([1, 2], undefined, 'int32'), 1, 'add')[1].dtype // 'int32'
 */
export function binaryOperands(a: TensorLike, b: TensorLike, op: string): [Tensor, Tensor] {
  const hintFor = (other: TensorLike, self: TensorLike): DType | undefined => {
    if (typeof self !== 'number') return undefined;
    if (!Number.isInteger(self)) return 'float32';
    return other instanceof Tensor ? other.dtype : undefined;
  };
  const x = toTensor(a, 'a', op, hintFor(b, a));
  const y = toTensor(b, 'b', op, hintFor(a, b));
  return [x, y];
}

/**
 * Validates, promotes and dispatches a broadcasting binary kernel. Both inputs reach the kernel
 * with one dtype: `dtype` when given, else the promotion of the two (bool counts as int32).
 * @example binaryOp('Add', 'add', tensor([1]), 2)
 */
export function binaryOp(kernel: string, op: string, a: TensorLike, b: TensorLike, dtype?: DType): Tensor {
  const [x, y] = binaryOperands(a, b, op);
  broadcastShapes(x.shape, y.shape, op);
  if ((kernel === 'Equal' || kernel === 'NotEqual') && x.dtype === 'string' && y.dtype === 'string') {
    return ENGINE.runKernel(kernel, { a: x, b: y });
  }
  assertNumeric(x.dtype, op, 'a');
  assertNumeric(y.dtype, op, 'b');
  let common = dtype ?? upcastType(x.dtype, y.dtype);
  if (common === 'bool') common = 'int32';
  return ENGINE.runKernel(kernel, { a: cast(x, common), b: cast(y, common) });
}
