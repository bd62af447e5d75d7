import { castValues, isDType } from './dtype.js';
import { ENGINE } from './engine/global.js';
import { DTypeError, ShapeError, ValueError } from './errors.js';
import { assertValidShape, fmt, sizeOf } from './shape.js';
import { Tensor } from './tensor.js';
import type { TensorLike } from './tensor-like.js';
import type { DataValues, DType, NestedArray, TypedArray } from './types.js';

/**
 * Converts anything tensor-like into a Tensor, naming the op and argument in any error.
 * Numbers become `dtypeHint` (default float32), booleans become bool.
 * @example toTensor([1, 2], 'x', 'add').shape // [2]
 */
export function toTensor(value: TensorLike, arg: string, op: string, dtypeHint?: DType): Tensor {
  if (value instanceof Tensor) {
    ENGINE.assertLive(value, op);
    return value;
  }
  if (typeof value === 'number') {
    const dtype = dtypeHint === 'bool' ? 'int32' : dtypeHint === 'string' ? 'float32' : (dtypeHint ?? 'float32');
    return makeTensor(castValues([value], dtype), [], dtype);
  }
  if (typeof value === 'boolean') return makeTensor(new Uint8Array([value ? 1 : 0]), [], 'bool');
  if (typeof value === 'string') return makeTensor([value], [], 'string');
  if (ArrayBuffer.isView(value)) {
    const dtype = dtypeOfTypedArray(value);
    return makeTensor(castValues(value as unknown as ArrayLike<number>, dtype), [value.length], dtype);
  }
  if (Array.isArray(value)) {
    const shape = inferShape(value, op, arg);
    const flat: Item[] = [];
    flatten(value, flat, op, arg);
    const dtype = itemsDType(flat, op, arg);
    if (dtype === 'string') return makeTensor(flat as string[], shape, dtype);
    return makeTensor(castValues(flat.map(Number), dtype), shape, dtype);
  }
  throw new ValueError(
    `${op}: expected '${arg}' to be a Tensor, number, boolean, string, nested array or typed array, got ${describe(value)}`,
  );
}

/**
 * Creates a tensor from nested arrays, a flat array or typed array with a shape, or a scalar.
 * Numbers default to float32, booleans to bool, strings to string (a string tensor, kept on the
 * cpu backend); `dtype` casts between numeric dtypes (strings and numbers do not convert).
 * @example
 * tensor([[1, 2], [3, 4]]).shape // [2, 2]
 * tensor([1, 2, 3, 4], [2, 2], 'int32').dtype // 'int32'
 * tensor([['a'], ['b']]).dtype // 'string'
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor {
  if (dtype !== undefined && !isDType(dtype)) {
    throw new ValueError(`tensor: dtype must be 'float32', 'int32', 'bool' or 'string', got ${describe(dtype)}`);
  }
  if (shape !== undefined) assertValidShape(shape, 'tensor');
  if (values instanceof Tensor) return cast(values, shape, dtype);
  let flat: ArrayLike<number> | string[];
  let inferred: readonly number[];
  let inferredDtype: DType;
  if (typeof values === 'number' || typeof values === 'boolean') {
    flat = [Number(values)];
    inferred = [];
    inferredDtype = typeof values === 'boolean' ? 'bool' : 'float32';
  } else if (typeof values === 'string') {
    flat = [values];
    inferred = [];
    inferredDtype = 'string';
  } else if (ArrayBuffer.isView(values)) {
    flat = values as unknown as ArrayLike<number>;
    inferred = [values.length];
    inferredDtype = dtypeOfTypedArray(values);
  } else if (Array.isArray(values)) {
    inferred = inferShape(values, 'tensor', 'values');
    const items: Item[] = [];
    flatten(values, items, 'tensor', 'values');
    inferredDtype = itemsDType(items, 'tensor', 'values');
    flat = inferredDtype === 'string' ? (items as string[]) : items.map(Number);
  } else {
    throw new ValueError(
      `tensor: expected numbers, booleans, strings, nested arrays or a typed array, got ${describe(values)}`,
    );
  }
  if (dtype !== undefined && (dtype === 'string') !== (inferredDtype === 'string') && flat.length > 0) {
    throw new DTypeError(
      `tensor: cannot make a '${dtype}' tensor from ${inferredDtype === 'string' ? 'strings' : 'numbers or booleans'} (strings and numbers do not convert)`,
    );
  }
  const finalShape = shape ?? inferred;
  if (shape !== undefined && sizeOf(shape) !== flat.length) {
    const isScalarFill = inferred.length === 0 && flat.length === 1;
    if (!isScalarFill) {
      throw new ShapeError(
        `tensor: shape ${fmt(shape)} holds ${sizeOf(shape)} values, but ${flat.length} were given (shape ${fmt(inferred)})`,
      );
    }
    flat = new Array<number | string>(sizeOf(shape)).fill(flat[0]) as ArrayLike<number> | string[];
  }
  const finalDtype = dtype ?? inferredDtype;
  if (finalDtype === 'string') return makeTensor(Array.from(flat as string[]), finalShape, finalDtype);
  return makeTensor(castValues(flat as ArrayLike<number>, finalDtype), finalShape, finalDtype);
}

/**
 * A rank-0 tensor.
 * @example scalar(3).shape // []
 */
export function scalar(value: number | boolean | string, dtype?: DType): Tensor {
  if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') {
    throw new ValueError(`scalar: expected a number, boolean or string, got ${describe(value)}`);
  }
  return tensor(value, [], dtype);
}

/**
 * Wraps fresh values (which the tensor then owns) in a tensor: a typed array on the active
 * backend, or a `string[]` (dtype `'string'`) on the cpu backend.
 * @example makeTensor(['a', 'b'], [2], 'string').dtype // 'string'
 */
export function makeTensor(values: DataValues, shape: readonly number[], dtype: DType): Tensor {
  if ((dtype === 'string') !== Array.isArray(values)) {
    throw new DTypeError(
      `makeTensor: dtype '${dtype}' needs ${dtype === 'string' ? 'a string[]' : 'a typed array'}, got ${describe(values)}`,
    );
  }
  return ENGINE.makeTensor(values, shape, dtype);
}

function cast(t: Tensor, shape: readonly number[] | undefined, dtype: DType | undefined): Tensor {
  const values = ENGINE.readSync(t);
  const target = shape ?? t.shape;
  if (sizeOf(target) !== t.size)
    throw new ShapeError(`tensor: cannot view a tensor of shape ${fmt(t.shape)} as ${fmt(target)}`);
  const to = dtype ?? t.dtype;
  if ((to === 'string') !== (t.dtype === 'string')) {
    throw new DTypeError(
      `tensor: cannot convert a '${t.dtype}' tensor to '${to}' (strings and numbers do not convert)`,
    );
  }
  if (to === 'string') return makeTensor(values, target, to);
  return makeTensor(castValues(values as TypedArray, to), target, to);
}

type Item = number | boolean | string;

function itemsDType(items: readonly Item[], op: string, arg: string): DType {
  if (items.length === 0) return 'float32';
  const first = typeof items[0];
  for (let i = 1; i < items.length; i++) {
    const kind = typeof items[i];
    if (kind !== first && (kind === 'string' || first === 'string')) {
      throw new DTypeError(
        `${op}: '${arg}' mixes strings with numbers or booleans (element ${i} is ${describe(items[i])})`,
      );
    }
  }
  return first === 'string' ? 'string' : first === 'boolean' ? 'bool' : 'float32';
}

function dtypeOfTypedArray(values: ArrayBufferView): DType {
  if (values instanceof Float32Array || values instanceof Float64Array) return 'float32';
  if (
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Uint8ClampedArray ||
    values instanceof Int8Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Uint32Array
  ) {
    return 'int32';
  }
  throw new ValueError(`tensor: unsupported typed array ${values.constructor.name}`);
}

function inferShape(value: readonly NestedArray[], op: string, arg: string): number[] {
  const shape: number[] = [];
  let level: NestedArray = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  checkRagged(value, shape, 0, op, arg, []);
  return shape;
}

function checkRagged(
  value: NestedArray,
  shape: readonly number[],
  depth: number,
  op: string,
  arg: string,
  path: number[],
): void {
  if (depth === shape.length) {
    if (Array.isArray(value)) {
      throw new ShapeError(`${op}: '${arg}' is ragged: element at [${path.join(',')}] is an array, expected a scalar`);
    }
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[depth]) {
    const got = Array.isArray(value) ? `length ${value.length}` : `a scalar`;
    throw new ShapeError(
      `${op}: '${arg}' is ragged: expected length ${shape[depth]} at [${path.join(',')}] (shape ${fmt(shape)}), got ${got}`,
    );
  }
  for (let i = 0; i < value.length; i++) checkRagged(value[i], shape, depth + 1, op, arg, [...path, i]);
}

function flatten(value: NestedArray, out: Item[], op: string, arg: string): void {
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, op, arg);
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    out.push(value);
  } else {
    throw new ValueError(`${op}: '${arg}' must hold numbers, booleans or strings, got ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value}'`;
  return `${typeof value} ${String(value)}`;
}
