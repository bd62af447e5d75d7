import { deserializeLayer, type Layer, type SerializableClass, type Serialized } from '@horn/layers';
import { ValueError } from '@horn/tensor';

const modelClasses = new Map<string, SerializableClass>();

/**
 * Registers a model class (Model, Sequential) for nested-model deserialization. The layers
 * registry cannot know them (it sits a floor below), so the models package keeps its own.
 * @example registerModelClass('Sequential', Sequential);
 */
export function registerModelClass(name: string, cls: SerializableClass): void {
  modelClasses.set(name, cls);
}

/**
 * Rebuilds a layer or a nested model from `{ className, config }`: `Model` / `Functional` /
 * `Sequential` here, everything else through `deserializeLayer` (built-ins and `registerClass`).
 * @example deserializeModelOrLayer({ className: 'Dense', config: { units: 2 } })
 */
export function deserializeModelOrLayer(serialized: Serialized): Layer {
  const cls = modelClasses.get(serialized?.className);
  if (!cls) return deserializeLayer(serialized);
  const model = cls.fromConfig(serialized.config ?? {});
  if (model === null || typeof model !== 'object') {
    throw new ValueError(`deserializeModelOrLayer: class '${serialized.className}' gave no model`);
  }
  return model as Layer;
}
