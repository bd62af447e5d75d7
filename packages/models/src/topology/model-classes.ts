import {
  type CustomObjects,
  customClass,
  deserializeLayer,
  type Layer,
  type SerializableClass,
  type Serialized,
  withCustomObjects,
} from '@horn/layers';
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
 * Rebuilds a layer or a nested model from `{ className, config }`: a class in `customObjects`
 * (Keras' `custom_objects`, nested entries too) or registered with `registerClass` first, then
 * `Model` / `Functional` / `Sequential` here, everything else through `deserializeLayer`.
 * @example deserializeModelOrLayer({ className: 'CustomDense', config: { units: 2 } }, { CustomDense })
 */
export function deserializeModelOrLayer(serialized: Serialized, customObjects?: CustomObjects): Layer {
  return withCustomObjects(customObjects, () => {
    const name = serialized?.className;
    const cls = typeof name === 'string' && !customClass(name) ? modelClasses.get(name) : undefined;
    if (!cls) return deserializeLayer(serialized);
    const model = cls.fromConfig(serialized.config ?? {});
    if (model === null || typeof model !== 'object') {
      throw new ValueError(`deserializeModelOrLayer: class '${serialized.className}' gave no model`);
    }
    return model as Layer;
  });
}
