import { ValueError } from '@horn/tensor';
import { Layer } from './layer.js';
import { getRegisteredClass } from './registry.js';
import { isSerialized, type Serialized } from './serialized.js';

/**
 * A layer's `{ className, config }` form (camelCase config), which `deserializeLayer` rebuilds.
 * @example serializeLayer(new Dense({ units: 2 })) // { className: 'Dense', config: { units: 2, ... } }
 */
export function serializeLayer(layer: Layer): Serialized {
  if (!(layer instanceof Layer)) throw new ValueError(`serializeLayer: expected a Layer, got ${typeof layer}`);
  return { className: layer.className, config: layer.getConfig() };
}

/**
 * Rebuilds a layer (unbuilt, without weights) from `{ className, config }`, looking the class up in
 * the registry (built-ins and classes registered with `registerClass`).
 * @example deserializeLayer({ className: 'Dense', config: { units: 2 } }).name
 */
export function deserializeLayer(serialized: Serialized): Layer {
  if (!isSerialized(serialized)) {
    throw new ValueError(`deserializeLayer: expected { className, config }, got ${JSON.stringify(serialized)}`);
  }
  const layer = getRegisteredClass(serialized.className).fromConfig(serialized.config ?? {});
  if (!(layer instanceof Layer)) {
    throw new ValueError(`deserializeLayer: class '${serialized.className}' is not a Layer`);
  }
  return layer;
}
