import { type Tensor, ValueError } from '@horn/tensor';
import { layerLabel, type NamedLayer } from '../engine/input-checks.js';
import type { LayerShape } from '../engine/layer-shape.js';

/**
 * The one input of a single-input layer; an array of inputs throws a ValueError naming the layer.
 * @example const x = singleInput(this, inputs);
 */
export function singleInput(layer: NamedLayer, inputs: Tensor | Tensor[]): Tensor {
  if (Array.isArray(inputs)) {
    throw new ValueError(`${layerLabel(layer)}: expected one input tensor, got an array of ${inputs.length}`);
  }
  return inputs;
}

/**
 * The one input shape of a single-input layer; a list of shapes throws a ValueError naming the layer.
 * @example const shape = singleShape(this, inputShape);
 */
export function singleShape(layer: NamedLayer, shape: LayerShape | LayerShape[]): LayerShape {
  if (shape.length > 0 && shape.every((d) => Array.isArray(d))) {
    throw new ValueError(`${layerLabel(layer)}: expected one input shape, got ${shape.length} shapes`);
  }
  return shape as LayerShape;
}
