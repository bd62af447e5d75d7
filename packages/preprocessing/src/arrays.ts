import { gather, makeTensor, type NestedArray, ShapeError, slice, Tensor, tensor, ValueError } from '@horn/tensor';

/**
 * A data argument: a Tensor, or nested arrays / a typed array that `tensor()` accepts.
 * @example
 * // A Tensor, nested arrays or a typed array all work as data:
 * trainTestSplit([[1], [2], [3], [4]], [0, 1, 0, 1], { testSize: 0.5, shuffle: false })[1].arraySync(); // [[3], [4]]
 * trainTestSplit(new Float32Array([1, 2, 3, 4]), [0, 1, 0, 1], { testSize: 0.5, shuffle: false })[1].arraySync(); // [3, 4]
 */
export type DataLike = Tensor | NestedArray | Float32Array | Int32Array | Uint8Array;

/**
 * A labels argument: a rank-1 Tensor, a number array or a typed array.
 * @example
 * // Labels as a number array, a typed array or a rank-1 Tensor:
 * trainTestSplit([[1], [2], [3], [4]], Int32Array.from([0, 1, 0, 1]), { testSize: 0.5, shuffle: false })[3].arraySync(); // [0, 1]
 */
export type LabelsLike = Tensor | readonly number[] | ArrayLike<number>;

/**
 * A tensor view of a data argument (nested arrays become float32 via `tensor()`).
 * @example asTensor([[1, 2]], 'x', 'trainTestSplit').shape // [1, 2]
 */
export function asTensor(x: DataLike, name: string, op: string): Tensor {
  if (x instanceof Tensor) return x;
  try {
    return tensor(x as NestedArray);
  } catch (e) {
    throw new ValueError(`${op}: '${name}' must be a Tensor or (nested) numbers: ${(e as Error).message}`);
  }
}

/**
 * Checks that x is a matrix `[nSamples, nFeatures]` and returns its shape.
 * @example matrixShape(tensor([[1, 2]]), 'x', 'StandardScaler.fit') // [1, 2]
 */
export function matrixShape(t: Tensor, name: string, op: string): [number, number] {
  if (t.shape.length !== 2) {
    throw new ShapeError(`${op}: expected '${name}' of shape [nSamples, nFeatures], got [${t.shape.join(', ')}]`);
  }
  return [t.shape[0], t.shape[1]];
}

/**
 * Labels as a plain number array (one per sample), from a rank-1 tensor or any number array.
 * A tensor `[n, 1]` is accepted too, as scikit-learn's column vectors are.
 * @example labelValues(tensor([0, 1, 1], [3], 'int32'), 'y', 'KFold') // [0, 1, 1]
 */
export function labelValues(y: LabelsLike, name: string, op: string): number[] {
  if (y instanceof Tensor) {
    const ok = y.shape.length === 1 || (y.shape.length === 2 && y.shape[1] === 1);
    if (!ok) throw new ShapeError(`${op}: expected '${name}' of shape [n] or [n, 1], got [${y.shape.join(', ')}]`);
    return Array.from(y.dataSync());
  }
  return Array.from(y);
}

/**
 * The rows of `t` (along axis 0) at `indices`, as a new tensor of the same dtype. It runs the
 * `gather` kernel on the backend that holds `t`, so it costs the rows taken, never a read-back
 * of the whole source (a batch of 32 MNIST rows is a 32-row gather, not a 60,000-row copy).
 * @example takeRows(tensor([[1], [2], [3]]), [2, 0]).arraySync() // [[3], [1]]
 */
export function takeRows(t: Tensor, indices: ArrayLike<number>): Tensor {
  const idx = makeTensor(Int32Array.from(indices), [indices.length], 'int32');
  try {
    return gather(t, idx);
  } finally {
    idx.dispose();
  }
}

/**
 * Rows `[start, start + size)` of `t` (along axis 0): a slice, no copy of the other rows.
 * @example rowRange(tensor([[1], [2], [3]]), 1, 2).arraySync() // [[2], [3]]
 */
export function rowRange(t: Tensor, start: number, size: number): Tensor {
  return slice(t, [start], [size]);
}

/**
 * Throws unless every tensor has the same number of rows (axis 0).
 * @example sameRows('trainTestSplit', ['x', x], ['y', y])
 */
export function sameRows(op: string, ...items: [string, Tensor | number[]][]): number {
  const count = (v: Tensor | number[]) => (v instanceof Tensor ? (v.shape[0] ?? 1) : v.length);
  const n = count(items[0][1]);
  for (const [name, v] of items) {
    if (v instanceof Tensor && v.shape.length === 0)
      throw new ShapeError(`${op}: '${name}' must have a sample axis, got a scalar`);
    if (count(v) !== n) {
      throw new ShapeError(`${op}: '${items[0][0]}' has ${n} samples but '${name}' has ${count(v)}`);
    }
  }
  return n;
}
