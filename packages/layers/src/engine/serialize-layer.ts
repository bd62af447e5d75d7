import { ValueError } from '@horn/tensor';
import { type CustomObjects, withCustomObjects } from './class-registry.js';
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
 * Rebuilds a layer (unbuilt, without weights) from `{ className, config }` with the class's own
 * `fromConfig`, looking the class up in `customObjects` first (Keras' `custom_objects`, used for
 * nested layers too), then the registry (classes registered with `registerClass`, built-ins).
 * @example
 * deserializeLayer({ className: 'Dense', config: { units: 2 } }).name
 * deserializeLayer({ className: 'CustomDense', config: { units: 10 } }, { CustomDense });
 */
export function deserializeLayer(serialized: Serialized, customObjects?: CustomObjects): Layer {
  if (!isSerialized(serialized)) {
    throw new ValueError(`deserializeLayer: expected { className, config }, got ${JSON.stringify(serialized)}`);
  }
  const layer = withCustomObjects(customObjects, () =>
    getRegisteredClass(serialized.className).fromConfig(serialized.config ?? {}),
  );
  if (!(layer instanceof Layer)) {
    throw new ValueError(`deserializeLayer: class '${serialized.className}' is not a Layer`);
  }
  return layer;
}
