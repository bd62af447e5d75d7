import { ShapeError } from '@horn/tensor';
import { fmtShape, layerLabel, type NamedLayer } from './input-checks.js';
import type { LayerShape } from './layer-shape.js';

/**
 * What a layer accepts, checked by `Layer.apply` on every call (Keras' `InputSpec`): an exact
 * rank, rank bounds, and known sizes of some axes (negative axes count from the end).
 * @example layer.inputSpec = { minNdim: 2, axes: { [-1]: 784 } };
 */
export interface InputSpec {
  ndim?: number;
  minNdim?: number;
  maxNdim?: number;
  axes?: Readonly<Record<number, number>>;
}

/**
 * Throws a ShapeError naming the layer, the expectation and the given shape when `shape` does not
 * satisfy `spec`: `Dense 'dense_1': expected input with last dimension 784, got [32, 28, 28]`.
 * @example checkInputSpec(layer, { ndim: 4 }, [2, 3]) // throws
 */
export function checkInputSpec(layer: NamedLayer, spec: InputSpec, shape: LayerShape, which?: number): void {
  const label = which === undefined ? layerLabel(layer) : `${layerLabel(layer)} (input ${which})`;
  const got = fmtShape(shape);
  const r = shape.length;
  if (spec.ndim !== undefined && r !== spec.ndim) {
    throw new ShapeError(`${label}: expected input of rank ${spec.ndim}, got ${got}`);
  }
  if (spec.minNdim !== undefined && r < spec.minNdim) {
    throw new ShapeError(`${label}: expected input of rank >= ${spec.minNdim}, got ${got}`);
  }
  if (spec.maxNdim !== undefined && r > spec.maxNdim) {
    throw new ShapeError(`${label}: expected input of rank <= ${spec.maxNdim}, got ${got}`);
  }
  for (const [key, size] of Object.entries(spec.axes ?? {})) {
    const axis = Number(key);
    const index = axis < 0 ? r + axis : axis;
    const actual = index >= 0 && index < r ? shape[index] : undefined;
    if (actual === null) continue;
    if (actual !== size) {
      const what = axis === -1 ? `last dimension ${size}` : `dimension ${size} at axis ${axis}`;
      throw new ShapeError(`${label}: expected input with ${what}, got ${got}`);
    }
  }
}

/**
 * Checks every input shape of a call against a layer's `inputSpec`: one spec for all inputs, or
 * one per input (a merge or attention layer).
 * @example checkLayerSpec(layer, { ndim: 3 }, [[2, 5, 4]]) // passes
 */
export function checkLayerSpec(
  layer: NamedLayer,
  spec: InputSpec | InputSpec[] | null,
  shapes: readonly LayerShape[],
): void {
  if (!spec) return;
  if (Array.isArray(spec)) {
    spec.forEach((s, i) => {
      if (shapes[i]) checkInputSpec(layer, s, shapes[i], shapes.length > 1 ? i : undefined);
    });
  } else {
    for (const [i, s] of shapes.entries()) checkInputSpec(layer, spec, s, shapes.length > 1 ? i : undefined);
  }
}
