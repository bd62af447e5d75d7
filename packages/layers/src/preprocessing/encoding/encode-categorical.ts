import { makeTensor, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import type { LayerShape } from '../../engine/layer-shape.js';

/**
 * How integer categories become vectors (Keras' `output_mode` of CategoryEncoding, Hashing, Discretization).
 * @example
 * const outputMode: CategoricalOutputMode = 'count';
 * new CategoryEncoding({ numTokens: 3, outputMode }).apply(tensor([[2, 2, 0]], undefined, 'int32')).arraySync(); // [[1, 0, 2]]
 */
export type CategoricalOutputMode = 'one_hot' | 'multi_hot' | 'count';

/**
 * Keras' `encode_categorical_inputs` on integer indices in `[0, depth)`: `one_hot` appends a
 * `depth` axis (a trailing axis of 1 is replaced); `multi_hot` and `count` fold axis 1 (the only
 * axis of a rank 1 input) into `depth` bins (1 where present / how often, weighted by `countWeights`).
 * A scalar counts as one sample. Throws a ValueError naming `label` for an index out of range.
 * @example encodeCategorical([3, 1], [2], 'one_hot', 4, null, 'CategoryEncoding').arraySync() // [[0,0,0,1],[0,1,0,0]]
 */
export function encodeCategorical(
  indices: ArrayLike<number>,
  shape: readonly number[],
  mode: CategoricalOutputMode,
  depth: number,
  countWeights: ArrayLike<number> | null,
  label: string,
): Tensor {
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i];
    if (!(Number.isInteger(v) && v >= 0 && v < depth)) {
      throw new ValueError(`${label}: every input value must be an integer in [0, ${depth}), got ${v}`);
    }
  }
  let dims = shape.length === 0 ? [1] : [...shape];
  if (mode === 'one_hot') {
    if (dims.length > 1 && dims[dims.length - 1] === 1) dims = dims.slice(0, -1);
    const out = new Float32Array(indices.length * depth);
    for (let i = 0; i < indices.length; i++) out[i * depth + indices[i]] = 1;
    return makeTensor(out, [...dims, depth], 'float32');
  }
  // Keras folds axis 1 (axis 0 of a rank 1 input): [d0, d1, ...rest] -> [d0, ...rest, depth].
  const outer = dims.length >= 2 ? dims[0] : 1;
  const width = dims.length >= 2 ? dims[1] : dims[0];
  const rest = dims.length >= 2 ? dims.slice(2).reduce((n, d) => n * d, 1) : 1;
  const out = new Float32Array(outer * rest * depth);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < width; j++) {
      for (let r = 0; r < rest; r++) {
        const k = (o * width + j) * rest + r;
        const at = (o * rest + r) * depth + indices[k];
        if (mode === 'multi_hot') out[at] = 1;
        else out[at] += countWeights ? countWeights[k] : 1;
      }
    }
  }
  return makeTensor(out, dims.length >= 2 ? [dims[0], ...dims.slice(2), depth] : [depth], 'float32');
}

/**
 * Refuses inputs of rank above 2 for `multi_hot` / `count` where Keras' layer documents rank 1 or 2
 * only (CategoryEncoding, Hashing: their output shapes and their numbers disagree beyond).
 * @example assertEncodableRank([2, 3], 'count', label)
 */
export function assertEncodableRank(
  shape: readonly number[],
  mode: CategoricalOutputMode | 'int',
  label: string,
): void {
  if ((mode === 'multi_hot' || mode === 'count') && shape.length > 2) {
    throw new ShapeError(`${label}: output_mode '${mode}' takes inputs of rank 1 or 2, got shape [${shape.join(',')}]`);
  }
}

/**
 * The output shape of {@link encodeCategorical} for an input shape (Keras' `compute_output_shape`
 * of CategoryEncoding): `[depth]` for a scalar; `one_hot` appends `depth` (replacing a trailing 1
 * of a rank 2+ input); the other modes replace the last axis.
 * @example encodedShape([null, 3], 'multi_hot', 10) // [null, 10]
 */
export function encodedShape(shape: LayerShape, mode: CategoricalOutputMode, depth: number): LayerShape {
  if (shape.length === 0) return [depth];
  if (mode === 'one_hot' && (shape[shape.length - 1] !== 1 || shape.length === 1)) return [...shape, depth];
  return [...shape.slice(0, -1), depth];
}
