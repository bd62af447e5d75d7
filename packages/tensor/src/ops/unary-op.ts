import { toTensor } from '../convert.js';
import { assertNumeric } from '../dtype.js';
import type { KernelAttrs } from '../engine/backend.js';
import { ENGINE } from '../engine/global.js';
import { ValueError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import { cast } from './cast.js';

/**
 * Dispatches a unary kernel on input `x`. `'float'` ops (exp, sigmoid, ...) cast int32/bool input to
 * float32 first; `'numeric'` ops (neg, abs, relu, ...) keep int32 and compute bool as int32.
 * @example unaryOp('Exp', 'exp', tensor([0]), 'float').arraySync() // [1]
 */
export function unaryOp(
  kernel: string,
  op: string,
  x: TensorLike,
  kind: 'float' | 'numeric',
  attrs: KernelAttrs = {},
): Tensor {
  const t = toTensor(x, 'x', op);
  assertNumeric(t.dtype, op);
  const dtype = kind === 'float' || t.dtype === 'float32' ? 'float32' : 'int32';
  return ENGINE.runKernel(kernel, { x: cast(t, dtype) }, attrs);
}

/**
 * Checks that a numeric option is a finite number, naming the op and the option otherwise.
 * @example finiteOption(0.2, 'alpha', 'leakyRelu') // 0.2
 */
export function finiteOption(value: unknown, name: string, op: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${op}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}
