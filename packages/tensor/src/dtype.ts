import type { DType, TypedArray } from './types.js';

/**
 * Allocates a zeroed typed array for `n` elements of `dtype`.
 * @example arrayFor('int32', 3) // Int32Array [0, 0, 0]
 */
export function arrayFor(dtype: DType, n: number): TypedArray {
  if (dtype === 'int32') return new Int32Array(n);
  if (dtype === 'bool') return new Uint8Array(n);
  return new Float32Array(n);
}

/**
 * Bytes per element of a dtype.
 * @example bytesPerElement('float32') // 4
 */
export function bytesPerElement(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

const rank: Record<DType, number> = { bool: 0, int32: 1, float32: 2 };

/**
 * The dtype that holds both (NumPy-style promotion: bool < int32 < float32).
 * @example upcastType('int32', 'float32') // 'float32'
 */
export function upcastType(a: DType, b: DType): DType {
  return rank[a] >= rank[b] ? a : b;
}

/**
 * Whether a string is one of Horn's dtypes.
 * @example isDType('float32') // true
 */
export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'int32' || value === 'bool';
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
