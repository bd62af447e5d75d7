/** The element types a tensor can hold. `bool` is stored as 0/1 bytes. */
export type DType = 'float32' | 'int32' | 'bool';

/** A tensor's shape: one non-negative integer per dimension; `[]` is a scalar. */
export type Shape = readonly number[];

/** The typed array that holds a tensor's values on the CPU, per dtype. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** Plain nested JavaScript arrays, as `tensor()` takes and `arraySync()` returns. */
export type NestedArray = number | boolean | readonly NestedArray[];

/** A JavaScript array as `arraySync()` returns it: numbers nested to the tensor's rank. */
export type ArrayValue = number | ArrayValue[];
