import { fmt, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import type { CategoricalOutputMode } from './encode-categorical.js';

/**
 * Refuses Keras' `sparse: true` by name (Horn has no sparse tensors); `false` and unset pass.
 * @example refuseSparse(false, "CategoryEncoding 'c'")
 */
export function refuseSparse(sparse: unknown, label: string): void {
  if (sparse !== undefined && sparse !== null && sparse !== false) {
    throw new ValueError(
      `${label}: sparse outputs are not supported (Horn has no sparse tensors): sparse must be false, got ${JSON.stringify(sparse)}`,
    );
  }
}

/**
 * The flat values of a call's `countWeights` (checked: `'count'` mode only, the input's shape), or null.
 * @example countWeightsOf(w, x, 'count', label) // Float32Array of x.size weights
 */
export function countWeightsOf(
  weights: Tensor | undefined,
  x: Tensor,
  mode: CategoricalOutputMode | 'int',
  label: string,
): Float32Array | Int32Array | Uint8Array | null {
  if (weights === undefined || weights === null) return null;
  if (mode !== 'count') {
    throw new ValueError(`${label}: countWeights is only used when outputMode is 'count', got outputMode '${mode}'`);
  }
  if (weights.shape.length !== x.shape.length || weights.shape.some((d, i) => d !== x.shape[i])) {
    throw new ShapeError(
      `${label}: countWeights must have the input's shape ${fmt(x.shape)}, got ${fmt(weights.shape)}`,
    );
  }
  return weights.dataSync();
}
