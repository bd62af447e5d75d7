import { toTensor } from '../convert.js';
import { ENGINE } from '../engine/global.js';
import { DTypeError } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';

function boolInput(value: TensorLike, arg: string, op: string): Tensor {
  const t = toTensor(value, arg, op);
  if (t.dtype !== 'bool') {
    throw new DTypeError(`${op}: expected '${arg}' to be a bool tensor, got ${t.dtype} (compare or cast it first)`);
  }
  return t;
}

function logicalBinary(kernel: string, op: string, a: TensorLike, b: TensorLike): Tensor {
  const x = boolInput(a, 'a', op);
  const y = boolInput(b, 'b', op);
  broadcastShapes(x.shape, y.shape, op);
  return ENGINE.runKernel(kernel, { a: x, b: y });
}

/**
 * Elementwise AND of two bool tensors, with broadcasting.
 * @example logicalAnd(tensor([true, true]), tensor([true, false])).arraySync() // [1, 0]
 */
export function logicalAnd(a: TensorLike, b: TensorLike): Tensor {
  return logicalBinary('LogicalAnd', 'logicalAnd', a, b);
}

/**
 * Elementwise OR of two bool tensors, with broadcasting.
 * @example logicalOr(tensor([false, true]), false).arraySync() // [0, 1]
 */
export function logicalOr(a: TensorLike, b: TensorLike): Tensor {
  return logicalBinary('LogicalOr', 'logicalOr', a, b);
}

/**
 * Elementwise NOT of a bool tensor.
 * @example logicalNot(tensor([true, false])).arraySync() // [0, 1]
 */
export function logicalNot(x: TensorLike): Tensor {
  return ENGINE.runKernel('LogicalNot', { x: boolInput(x, 'x', 'logicalNot') });
}
