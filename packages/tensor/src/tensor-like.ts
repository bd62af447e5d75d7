import type { Tensor } from './tensor.js';
import type { NestedArray, TypedArray } from './types.js';

/** Every numeric typed array `tensor()` reads (Float64Array becomes float32; integer arrays int32). */
export type TypedArrayInput =
  | TypedArray
  | Float64Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Uint32Array
  | Uint8ClampedArray;

/** Anything an op accepts where a tensor goes: a Tensor, a number or boolean, a nested array, a typed array. */
export type TensorLike = Tensor | TypedArrayInput | NestedArray;
