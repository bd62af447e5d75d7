import { makeTensor, ShapeError, type Tensor, ValueError } from '@horn/tensor';

/**
 * A sequence: numbers, or equally long vectors of numbers (time steps with features).
 * @example
 * padSequences([Int32Array.from([7, 8]), [9]]).arraySync(); // [[7, 8], [0, 9]]: typed arrays and arrays
 * padSequences([[[1, 2]], [[3, 4], [5, 6]]]).arraySync(); // [[[0, 0], [1, 2]], [[3, 4], [5, 6]]]: time steps of 2 features
 */
export type Sequence = ArrayLike<number> | readonly (readonly number[])[];

/**
 * Options of {@link padSequences}, Keras's `pad_sequences` arguments in camelCase.
 * @example
 * padSequences([[1], [2, 3], [4, 5, 6]], { maxlen: 2, padding: 'post', truncating: 'post', value: -1, dtype: 'float32' }).arraySync();
 * // [[1, -1], [2, 3], [4, 5]]
 */
export interface PadSequencesOptions {
  /** Output length. Default: the longest sequence. */
  maxlen?: number;
  /** Element type of the result. Default `'int32'`. */
  dtype?: 'int32' | 'float32';
  /** Pad at the start (`'pre'`, default) or the end (`'post'`). */
  padding?: 'pre' | 'post';
  /** Drop values from the start (`'pre'`, default) or the end (`'post'`) of longer sequences. */
  truncating?: 'pre' | 'post';
  /** The padding value. Default 0. */
  value?: number;
}

/**
 * Keras's `pad_sequences`: makes sequences of different lengths one tensor `[n, maxlen]` (or
 * `[n, maxlen, ...stepShape]` for sequences of vectors), padding and truncating at the start by
 * default. Unlike Keras, which casts silently, a non-integer value with dtype int32 is a ValueError;
 * steps of different shapes are a ShapeError, as in Keras.
 * @example
 * padSequences([[1], [2, 3], [4, 5, 6]]).arraySync() // [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
 */
export function padSequences(sequences: readonly Sequence[], options: PadSequencesOptions = {}): Tensor {
  const { dtype = 'int32', padding = 'pre', truncating = 'pre', value = 0 } = options;
  if (!Array.isArray(sequences)) throw new ValueError('padSequences: sequences must be an array of sequences');
  if (padding !== 'pre' && padding !== 'post')
    throw new ValueError(`padSequences: padding must be 'pre' or 'post', got '${padding}'`);
  if (truncating !== 'pre' && truncating !== 'post') {
    throw new ValueError(`padSequences: truncating must be 'pre' or 'post', got '${truncating}'`);
  }
  if (dtype !== 'int32' && dtype !== 'float32')
    throw new ValueError(`padSequences: dtype must be 'int32' or 'float32', got '${dtype}'`);
  const lengths = sequences.map((s, i) => {
    if (s === null || typeof s !== 'object' || typeof s.length !== 'number') {
      throw new ValueError(`padSequences: sequence ${i} is not an array, got ${String(s)}`);
    }
    return s.length;
  });
  const maxlen = options.maxlen ?? Math.max(0, ...lengths);
  if (!Number.isInteger(maxlen) || maxlen < 0)
    throw new ValueError(`padSequences: maxlen must be a non-negative integer, got ${maxlen}`);
  // The shape of one step, from the first non-empty sequence (Keras's sample_shape).
  const first = sequences.find((s) => s.length > 0);
  const stepShape = first !== undefined && Array.isArray(first[0]) ? [(first[0] as readonly number[]).length] : [];
  const stepSize = stepShape.length === 0 ? 1 : stepShape[0];
  const out =
    dtype === 'int32'
      ? new Int32Array(sequences.length * maxlen * stepSize)
      : new Float32Array(sequences.length * maxlen * stepSize);
  out.fill(value);
  sequences.forEach((seq, i) => {
    const kept = Math.min(seq.length, maxlen);
    const from = truncating === 'pre' ? seq.length - kept : 0;
    const to = padding === 'pre' ? maxlen - kept : 0;
    for (let j = 0; j < kept; j++) {
      const step = seq[from + j];
      const base = (i * maxlen + to + j) * stepSize;
      if (stepShape.length === 0) {
        out[base] = checked(step, i, from + j, dtype);
      } else {
        if (!Array.isArray(step) || step.length !== stepSize) {
          throw new ShapeError(
            `padSequences: step ${from + j} of sequence ${i} has shape [${Array.isArray(step) ? step.length : ''}], expected [${stepSize}] like the first sequence's steps`,
          );
        }
        for (let k = 0; k < stepSize; k++) out[base + k] = checked(step[k], i, from + j, dtype);
      }
    }
  });
  return makeTensor(out, [sequences.length, maxlen, ...stepShape], dtype);
}

function checked(v: unknown, seq: number, step: number, dtype: string): number {
  if (Array.isArray(v)) {
    throw new ShapeError(
      `padSequences: sequence ${seq} holds an array at step ${step}, but the first sequence holds numbers`,
    );
  }
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new ValueError(`padSequences: sequence ${seq} holds a non-number at step ${step}: ${String(v)}`);
  }
  if (dtype === 'int32' && !Number.isInteger(v)) {
    throw new ValueError(
      `padSequences: sequence ${seq} holds the non-integer ${v} at step ${step}; use dtype 'float32'`,
    );
  }
  return v;
}
