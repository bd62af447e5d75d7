import { makeTensor, toTensor } from '../convert.js';
import { arrayFor, isNumericDType } from '../dtype.js';
import { DTypeError, ValueError } from '../errors.js';
import { assertValidShape, sizeOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { TensorLike } from '../tensor-like.js';
import type { DType } from '../types.js';

function checkDType(dtype: DType, op: string): void {
  if (!isNumericDType(dtype)) {
    throw new (dtype === 'string' ? DTypeError : ValueError)(
      `${op}: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`,
    );
  }
}

/**
 * A tensor of `shape` filled with `value` (a string value makes a string tensor).
 * @example full([2, 2], 7).arraySync() // [[7, 7], [7, 7]]
 */
export function full(shape: readonly number[], value: number | boolean | string, dtype?: DType): Tensor {
  assertValidShape(shape, 'full');
  if (typeof value === 'string' && (dtype === undefined || dtype === 'string')) {
    return makeTensor(new Array<string>(sizeOf(shape)).fill(value), shape, 'string');
  }
  const dt = dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32');
  checkDType(dt, 'full');
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ValueError(`full: value must be a number or boolean, got ${typeof value}`);
  }
  const values = arrayFor(dt, sizeOf(shape));
  values.fill(dt === 'bool' ? (value ? 1 : 0) : Number(value));
  return makeTensor(values, shape, dt);
}

/**
 * A tensor of zeros.
 * @example zeros([2, 3]).shape // [2, 3]
 */
export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return full(shape, 0, dtype);
}

/**
 * A tensor of ones.
 * @example ones([3]).arraySync() // [1, 1, 1]
 */
export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return full(shape, 1, dtype);
}

/**
 * Zeros with the shape and dtype of `x`.
 * @example zerosLike(tensor([1, 2])).arraySync() // [0, 0]
 */
export function zerosLike(x: TensorLike): Tensor {
  const t = toTensor(x, 'x', 'zerosLike');
  return full(t.shape, 0, t.dtype);
}

/**
 * Ones with the shape and dtype of `x`.
 * @example onesLike(tensor([1, 2])).arraySync() // [1, 1]
 */
export function onesLike(x: TensorLike): Tensor {
  const t = toTensor(x, 'x', 'onesLike');
  return full(t.shape, 1, t.dtype);
}

/**
 * Evenly spaced values in `[start, stop)` (NumPy's `arange`); `range(n)` counts from 0.
 * @example range(0, 10, 3).arraySync() // [0, 3, 6, 9]
 */
export function range(start: number, stop?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  for (const [name, v] of [
    ['start', start],
    ['stop', stop],
    ['step', step],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ValueError(`range: ${name} must be a finite number, got ${v}`);
  }
  if (step === 0) throw new ValueError('range: step must be non-zero, got 0');
  checkDType(dtype, 'range');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const values = arrayFor(dtype, n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return makeTensor(values, [n], dtype);
}

/**
 * `num` evenly spaced values from `start` to `stop`, both included.
 * @example linspace(0, 1, 5).arraySync() // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num: number): Tensor {
  if (!Number.isInteger(num) || num < 0)
    throw new ValueError(`linspace: num must be a non-negative integer, got ${num}`);
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    throw new ValueError(`linspace: start and stop must be finite, got ${start} and ${stop}`);
  }
  const values = new Float32Array(num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) values[i] = start + i * step;
  if (num > 1) values[num - 1] = stop;
  return makeTensor(values, [num], 'float32');
}

/**
 * An identity matrix: `n` rows, `m` columns (default `n`), ones on the diagonal.
 * @example eye(2).arraySync() // [[1, 0], [0, 1]]
 */
export function eye(n: number, m = n, dtype: DType = 'float32'): Tensor {
  assertValidShape([n, m], 'eye');
  checkDType(dtype, 'eye');
  const values = arrayFor(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) values[i * m + i] = 1;
  return makeTensor(values, [n, m], dtype);
}
