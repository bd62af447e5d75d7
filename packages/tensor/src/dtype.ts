import { DTypeError, ValueError } from './errors.js';
import type { DType, NumericDType, TypedArray } from './types.js';

/**
 * Allocates a zeroed typed array for `n` elements of a numeric `dtype`; a string dtype has no
 * typed array and throws.
 * @example arrayFor('int32', 3) // Int32Array [0, 0, 0]
 */
export function arrayFor(dtype: DType, n: number): TypedArray {
  if (dtype === 'string')
    throw new ValueError(`arrayFor: dtype 'string' has no typed array (expected a numeric dtype)`);
  try {
    if (dtype === 'int32') return new Int32Array(n);
    if (dtype === 'bool') return new Uint8Array(n);
    return new Float32Array(n);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new ValueError(
      `cannot allocate ${n.toLocaleString('en-US')} ${dtype} elements (${gib(n * bytesPerElement(dtype))}) for one tensor: the largest typed array this JavaScript engine allows is smaller (${e.message}); use smaller shapes`,
    );
  }
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}

/**
 * Bytes per element of a numeric dtype (a string tensor's bytes are its UTF-8 lengths: {@link stringBytes}).
 * @example bytesPerElement('float32') // 4
 */
export function bytesPerElement(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

/**
 * The bytes a string tensor's values take: the sum of their UTF-8 lengths, as TF.js counts them.
 * @example stringBytes(['a', 'é']) // 3
 */
export function stringBytes(values: readonly string[]): number {
  let n = 0;
  for (const s of values) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00) {
        n += 4;
        i++;
      } else n += 3;
    }
  }
  return n;
}

const rank: Record<NumericDType, number> = { bool: 0, int32: 1, float32: 2 };

/**
 * The dtype that holds both (NumPy-style promotion: bool < int32 < float32). A string dtype only
 * goes with itself: mixing it with a numeric one throws.
 * @example upcastType('int32', 'float32') // 'float32'
 */
export function upcastType(a: DType, b: DType): DType {
  if (a === 'string' || b === 'string') {
    if (a === b) return a;
    throw new DTypeError(`cannot combine a 'string' tensor with a '${a === 'string' ? b : a}' tensor`);
  }
  return rank[a] >= rank[b] ? a : b;
}

/**
 * Whether a string is one of Horn's dtypes (`'float32'`, `'int32'`, `'bool'`, `'string'`).
 * @example isDType('string') // true
 */
export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'int32' || value === 'bool' || value === 'string';
}

/**
 * Whether a string is one of Horn's numeric dtypes (every dtype but `'string'`).
 * @example isNumericDType('string') // false
 */
export function isNumericDType(value: unknown): value is NumericDType {
  return value === 'float32' || value === 'int32' || value === 'bool';
}

/**
 * Throws a ValueError naming `op` when `dtype` is `'string'`: the guard of every numeric op.
 * @example assertNumeric('string', 'add', 'a') // throws "add: expected a numeric tensor for 'a', got dtype 'string'"
 */
export function assertNumeric(dtype: DType, op: string, arg = 'x'): void {
  if (dtype === 'string') {
    throw new DTypeError(
      `${op}: expected a numeric tensor for '${arg}', got dtype 'string' (string tensors only take shape ops)`,
    );
  }
}

/**
 * Converts values to `dtype` as a cast does: truncation toward zero for int32, `!= 0` for bool.
 * @example castValues(new Float32Array([1.7, -1.7]), 'int32') // Int32Array [1, -1]
 */
export function castValues(values: ArrayLike<number>, dtype: DType): TypedArray {
  const out = arrayFor(dtype, values.length);
  if (dtype === 'bool') {
    for (let i = 0; i < values.length; i++) out[i] = values[i] !== 0 ? 1 : 0;
  } else if (dtype === 'int32') {
    for (let i = 0; i < values.length; i++) out[i] = Math.trunc(values[i]);
  } else {
    out.set(values as ArrayLike<number>);
  }
  return out;
}
