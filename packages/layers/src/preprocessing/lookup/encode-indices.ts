/**
 * How IndexLookup layers write their output (Keras' `output_mode`).
 * @example
 * const outputMode: LookupOutputMode = 'multi_hot';
 * new StringLookup({ vocabulary: ['a', 'b'], outputMode }).apply(tensor([['a', 'z']])).arraySync(); // [[1, 1, 0]]: [OOV], a, b
 */
export type LookupOutputMode = 'int' | 'one_hot' | 'multi_hot' | 'count' | 'tf_idf';

/** The lookup output modes, for validation messages. */
export const LOOKUP_OUTPUT_MODES: readonly LookupOutputMode[] = ['int', 'one_hot', 'multi_hot', 'count', 'tf_idf'];

/** Dense float values and their shape. */
export interface EncodedIndices {
  values: Float32Array;
  shape: number[];
}

/**
 * The output shape of encoding indices of `shape` in `mode` (not 'int'), as Keras'
 * `encode_categorical_inputs`: one_hot appends `depth` (replacing a last axis of 1), the others
 * replace the last (sample) axis by `depth`; a scalar counts as one sample.
 * @example encodedShape([2, 3], 'multi_hot', 5) // [2, 5]
 */
export function encodedShape<D extends number | null>(shape: readonly D[], mode: LookupOutputMode, depth: D): D[] {
  if (mode === 'one_hot') {
    const kept = shape.length > 1 && shape[shape.length - 1] === 1 ? shape.slice(0, -1) : shape;
    return [...kept, depth];
  }
  return [...shape.slice(0, -1), depth];
}

/**
 * Encodes lookup indices (`-1`, or any index outside `[0, depth)`, is dropped: a masked token)
 * into one_hot / multi_hot / count / tf_idf vectors over `depth` slots. `idf` (tf_idf) multiplies
 * each slot's count.
 * @example encodeIndices(Int32Array.of(1, 3, 3), [3], 'count', 4).values // [0, 1, 0, 2]
 */
export function encodeIndices(
  indices: Int32Array,
  shape: readonly number[],
  mode: Exclude<LookupOutputMode, 'int'>,
  depth: number,
  idf: Float32Array | null = null,
): EncodedIndices {
  const outShape = encodedShape(shape.length === 0 ? [1] : shape, mode, depth);
  if (mode === 'one_hot') {
    const values = new Float32Array(indices.length * depth);
    indices.forEach((k, i) => {
      if (k >= 0 && k < depth) values[i * depth + k] = 1;
    });
    return { values, shape: outShape };
  }
  const rowLength = shape.length === 0 ? 1 : shape[shape.length - 1];
  const rows = rowLength === 0 ? outShape.slice(0, -1).reduce((n, d) => n * d, 1) : indices.length / rowLength;
  const values = new Float32Array(rows * depth);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < rowLength; j++) {
      const k = indices[r * rowLength + j];
      if (k < 0 || k >= depth) continue;
      if (mode === 'multi_hot') values[r * depth + k] = 1;
      else values[r * depth + k] += 1;
    }
  }
  if (mode === 'tf_idf' && idf) {
    for (let i = 0; i < values.length; i++) values[i] *= idf[i % depth];
  }
  return { values, shape: outShape };
}
