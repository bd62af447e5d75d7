/**
 * The element types a tensor can hold. `bool` is stored as 0/1 bytes; `string` holds JavaScript
 * strings and always lives on the cpu backend (as in TF.js).
 * @example
 * const d: DType = tensor([1, 2], undefined, 'int32').dtype; // 'int32'
 * tensor([true, false]).dtype; // 'bool'
 * tensor(['a']).dtype; // 'string'
 */
export type DType = 'float32' | 'int32' | 'bool' | 'string';

/**
 * The dtypes that hold numbers: every dtype but `string`.
 * @example
 * const d: NumericDType = 'bool'; // any dtype but 'string'
 * zeros([2], d).dataSync(); // Uint8Array [0, 0]
 */
export type NumericDType = Exclude<DType, 'string'>;

/**
 * A tensor's shape: one non-negative integer per dimension; `[]` is a scalar.
 * @example
 * const s: Shape = tensor([[1, 2, 3]]).shape; // [1, 3]
 * zeros(s).size; // 3
 */
export type Shape = readonly number[];

/**
 * The typed array that holds a numeric tensor's values on the CPU, per dtype.
 * @example
 * const data: TypedArray = tensor([1, 2], undefined, 'int32').dataSync(); // Int32Array [1, 2]
 */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

/**
 * What a tensor's flat values are: a typed array, or a `string[]` for a string tensor.
 * @example
 * const values: DataValues = tensor([true]).dataSync(); // Uint8Array [1]: bool is stored as 0/1
 */
export type DataValues = TypedArray | string[];

/**
 * The flat values `dataSync()` returns for a dtype: `string[]` for `'string'`, else a typed array.
 * @example
 * const flat: DataFor<'float32'> = tensor([[1, 2]]).dataSync(); // Float32Array [1, 2]
 * const words: DataFor<'string'> = tensor([['a'], ['b']]).dataSync<'string'>(); // ['a', 'b']
 */
export type DataFor<D extends DType> = D extends 'string' ? string[] : TypedArray;

/**
 * Plain nested JavaScript arrays, as `tensor()` takes and `arraySync()` returns.
 * @example
 * const rows: NestedArray = [[1, 2], [3, 4]];
 * tensor(rows).shape; // [2, 2]
 */
export type NestedArray = number | boolean | string | readonly NestedArray[];

/**
 * A JavaScript array as `arraySync()` returns it: numbers nested to the tensor's rank.
 * @example
 * const v: ArrayValue = tensor([[1, 2], [3, 4]]).arraySync(); // [[1, 2], [3, 4]]
 * tensor(3).arraySync(); // 3: a scalar is a plain number
 */
export type ArrayValue = number | ArrayValue[];

/**
 * A string tensor's values as `arraySync<'string'>()` returns them: strings nested to its rank.
 * @example
 * const names: StringArrayValue = tensor([['a'], ['b']]).arraySync<'string'>(); // [['a'], ['b']]
 */
export type StringArrayValue = string | StringArrayValue[];

/**
 * What `arraySync()` returns for a dtype.
 * @example
 * const nums: ArrayFor<'float32'> = tensor([[1, 2]]).arraySync(); // [[1, 2]]
 * const strs: ArrayFor<'string'> = tensor(['a', 'b']).arraySync<'string'>(); // ['a', 'b']
 */
export type ArrayFor<D extends DType> = D extends 'string' ? StringArrayValue : ArrayValue;
