import type { Tensor } from './tensor.js';
import type { NestedArray, TypedArray } from './types.js';

/** Anything an op accepts where a tensor goes: a Tensor, a number or boolean, a nested array, a typed array. */
export type TensorLike = Tensor | TypedArray | NestedArray;
