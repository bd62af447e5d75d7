import type { Tensor } from './tensor.js';
import type { NestedArray, TypedArray } from './types.js';

/**
 * Every numeric typed array `tensor()` reads (Float64Array becomes float32; integer arrays int32).
 * @example
 * tensor(new Int8Array([1, 2])).dtype; // 'int32'
 * tensor(new Float64Array([1])).dtype; // 'float32'
 * tensor(new Uint16Array([1])).dtype; // 'int32'
 */
export type TypedArrayInput =
  | TypedArray
  | Float64Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Uint32Array
  | Uint8ClampedArray;

/**
 * Anything an op accepts where a tensor goes: a Tensor, a number or boolean, a nested array, a typed array.
 * @example
 * add(1, [1, 2]).arraySync(); // [2, 3]: a number and a nested array
 * add(new Float64Array([0.5]), true).arraySync(); // [1.5]: a typed array and a boolean
 */
export type TensorLike = Tensor | TypedArrayInput | NestedArray;
