import { Tensor, ValueError } from '@horn/tensor';

/** Nested arrays of terms: a row of terms, or rows (documents) of them. */
export type TokenArray<T> = readonly T[] | readonly (readonly T[])[];

/**
 * What `adapt` learns from: a tensor or an array (rank 1: one document per term, rank 2: one per
 * row), or an iterable (a generator, a dataset) of batches (rank 1: the batch is one document).
 */
export type AdaptData<T> = Tensor | TokenArray<T> | Iterable<Tensor | TokenArray<T>>;

/** The terms of a tensor, flat, and its shape. */
export type TensorTokenReader<T> = (x: Tensor) => T[];

function rowsOf<T>(flat: T[], shape: readonly number[], oneRowPerTerm: boolean): T[][] {
  if (shape.length === 0) return [flat];
  if (shape.length === 1) return oneRowPerTerm ? flat.map((t) => [t]) : [flat];
  const rowLength = flat.length / shape[0];
  return Array.from({ length: shape[0] }, (_, r) => flat.slice(r * rowLength, (r + 1) * rowLength));
}

function arrayShape(value: unknown, label: string): { flat: unknown[]; shape: number[] } {
  if (!Array.isArray(value)) return { flat: [value], shape: [] };
  if (!value.some(Array.isArray)) return { flat: [...value], shape: [value.length] };
  if (!value.every(Array.isArray)) {
    throw new ValueError(`${label}: adapt() expected terms or rows of terms, got a mix of arrays and terms`);
  }
  const rows = value.map((row) => (row as unknown[]).flat(Number.POSITIVE_INFINITY));
  // Ragged rows (documents of different lengths) are fine: each row is a document.
  return { flat: rows as unknown[], shape: [-1] };
}

/**
 * The batches of rows (each row one document) that Keras' `adapt` feeds `update_state`: a tensor or
 * array of rank 1 is one document per term, of rank 2 one per row; an iterable yields batches, and a
 * rank-1 batch is one document (Keras expands it to `[1, n]`).
 * @example [...adaptBatches(['a', 'b'], readTokens, 'StringLookup')] // [[['a'], ['b']]]
 */
export function* adaptBatches<T>(
  data: AdaptData<T>,
  readTensor: TensorTokenReader<T>,
  label: string,
): Generator<T[][]> {
  const batch = (value: Tensor | TokenArray<T>, topLevel: boolean): T[][] => {
    if (value instanceof Tensor) return rowsOf(readTensor(value), value.shape, topLevel);
    const { flat, shape } = arrayShape(value, label);
    if (shape[0] === -1) return flat as T[][];
    return rowsOf(flat as T[], shape, topLevel);
  };
  if (data instanceof Tensor || Array.isArray(data)) {
    yield batch(data as Tensor | TokenArray<T>, true);
    return;
  }
  if (data === null || typeof data !== 'object' || !(Symbol.iterator in data)) {
    throw new ValueError(
      `${label}: adapt() expected a tensor, an array or an iterable of batches, got ${data === null ? 'null' : typeof data}`,
    );
  }
  for (const b of data as Iterable<Tensor | TokenArray<T>>) yield batch(b, false);
}
