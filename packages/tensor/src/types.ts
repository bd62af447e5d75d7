/**
 * The element types a tensor can hold. `bool` is stored as 0/1 bytes; `string` holds JavaScript
 * strings and always lives on the cpu backend (as in TF.js).
 */
export type DType = 'float32' | 'int32' | 'bool' | 'string';

/** The dtypes that hold numbers: every dtype but `string`. */
export type NumericDType = Exclude<DType, 'string'>;

/** A tensor's shape: one non-negative integer per dimension; `[]` is a scalar. */
export type Shape = readonly number[];

/** The typed array that holds a numeric tensor's values on the CPU, per dtype. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** What a tensor's flat values are: a typed array, or a `string[]` for a string tensor. */
export type DataValues = TypedArray | string[];

/** The flat values `dataSync()` returns for a dtype: `string[]` for `'string'`, else a typed array. */
export type DataFor<D extends DType> = D extends 'string' ? string[] : TypedArray;

/** Plain nested JavaScript arrays, as `tensor()` takes and `arraySync()` returns. */
export type NestedArray = number | boolean | string | readonly NestedArray[];

/** A JavaScript array as `arraySync()` returns it: numbers nested to the tensor's rank. */
export type ArrayValue = number | ArrayValue[];

/** A string tensor's values as `arraySync<'string'>()` returns them: strings nested to its rank. */
export type StringArrayValue = string | StringArrayValue[];

/** What `arraySync()` returns for a dtype. */
export type ArrayFor<D extends DType> = D extends 'string' ? StringArrayValue : ArrayValue;
