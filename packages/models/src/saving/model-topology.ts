import {
  type CustomObjects,
  getRegisteredClass,
  Layer,
  registeredClassNames,
  type Serialized,
  withCustomObjects,
} from '@horn/layers';
import { HornError, ValueError } from '@horn/tensor';
import type { Model } from '../model.js';
import { deserializeModelOrLayer } from '../topology/model-classes.js';
import { ModelFileError } from './errors.js';
import { fromKerasConfig, type JsonObject, toKerasConfig } from './keras-config.js';
import { legacyActivations, writesLegacyHardSigmoid } from './legacy-activations.js';

/**
 * The version of @horn/models written in model.json's `keras_version` and `generatedBy`.
 * @example JSON.parse(model.toJSON()).keras_version // 'horn-models 0.1.0'
 */
export const HORN_MODELS_VERSION = '0.1.0';

/**
 * The `generatedBy` written in model.json.
 * @example GENERATED_BY // 'Horn @horn/models v0.1.0'
 */
export const GENERATED_BY = `Horn @horn/models v${HORN_MODELS_VERSION}`;

// Until the models package exports the names given to registerModelClass (requested from G).
const MODEL_CLASS_NAMES = ['Model', 'Functional', 'Sequential'];

/**
 * A model's topology as model.json holds it: `{ class_name, config, keras_version, backend }`
 * with the Keras snake_case config TF.js 4.x writes and reads. Subclassed models have no config
 * and throw (save their weights instead).
 * @example modelTopology(model).class_name // 'Sequential'
 */
export function modelTopology(model: Model): JsonObject {
  return toKerasConfig({
    className: model.className,
    config: model.getConfig(),
    kerasVersion: `horn-models ${HORN_MODELS_VERSION}`,
    backend: 'horn',
  }) as JsonObject;
}

/**
 * The model's topology as a JSON string (Keras' `model.to_json()`, TF.js' `model.toJSON()`):
 * what model.json's `modelTopology` holds, without weights.
 * @example const again = modelFromJSON(modelToJSON(model)); // same architecture, fresh weights
 */
export function modelToJSON(model: Model): string {
  return JSON.stringify(modelTopology(model));
}

/**
 * Builds a model (fresh weights) from a topology: a JSON string or object as `modelToJSON` gives,
 * a whole model.json (its `modelTopology` is used), or TF.js' `{ model_config }` wrapper. Custom
 * layer classes are found in `customObjects` (Keras' `model_from_json(json, custom_objects)`) or
 * the registry.
 * @example
 * const copy = modelFromJSON(model.toJSON());
 * const custom = modelFromJSON(json, { CustomDense });
 */
export function modelFromJSON(json: string | object, customObjects?: CustomObjects): Model {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new ModelFileError(`modelFromJSON: the text is not valid JSON (${e instanceof Error ? e.message : e})`);
    }
  }
  if (value !== null && typeof value === 'object' && 'modelTopology' in value) value = value.modelTopology;
  return modelFromTopology(value, 'modelFromJSON', customObjects);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Builds the model of a model.json topology, checking first that it is a Layers model whose every
 * layer class is known (built-in, registered, or in `customObjects`); any problem throws a
 * ModelFileError that names `source`.
 * @example const model = modelFromTopology(json.modelTopology, './mnist-cnn/model.json', { CustomDense });
 */
export function modelFromTopology(topology: unknown, source: string, customObjects?: CustomObjects): Model {
  return withCustomObjects(customObjects, () => buildFromTopology(topology, source));
}

/**
 * How deeply a topology's JSON may nest: a model nested as a layer adds 4 levels, so this allows
 * about 250 levels of models inside models (real models use a handful); deeper input is refused
 * before any recursion, instead of overflowing the stack.
 */
const MAX_TOPOLOGY_DEPTH = 1000;

// Measured without recursion; a cyclic object passed to modelFromJSON ends here too.
function checkDepth(topology: unknown, source: string): void {
  const stack: [unknown, number][] = [[topology, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_TOPOLOGY_DEPTH) {
      throw new ModelFileError(
        `${source}: the topology nests deeper than ${MAX_TOPOLOGY_DEPTH} levels (or is cyclic); no real model does, so it is refused before anything is built`,
      );
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

function buildFromTopology(topology: unknown, source: string): Model {
  checkDepth(topology, source);
  let top = topology;
  if (isObject(top) && isObject(top.model_config)) top = top.model_config;
  if (!isObject(top) || typeof top.class_name !== 'string' || !isObject(top.config)) {
    throw new ModelFileError(
      `${source}: the topology must be { class_name, config } (a Layers model), got ${JSON.stringify(top)?.slice(0, 120)}`,
    );
  }
  if (!MODEL_CLASS_NAMES.includes(top.class_name)) {
    throw new ModelFileError(
      `${source}: the topology's class '${top.class_name}' is not a model; expected one of ${MODEL_CLASS_NAMES.join(', ')}`,
    );
  }
  checkLayerClasses(top.config, source);
  let serialized = fromKerasConfig({ class_name: top.class_name, config: top.config }) as unknown as Serialized;
  const version = isObject(topology) ? topology.keras_version : undefined;
  if (writesLegacyHardSigmoid(version)) serialized = legacyActivations(serialized);
  let model: Layer;
  try {
    model = deserializeModelOrLayer(serialized);
  } catch (e) {
    if (!(e instanceof HornError)) throw e;
    throw new ModelFileError(`${source}: cannot build the model: ${e.message}`);
  }
  return model as Model;
}

// Every layer entry (nested models included) must name a known class, before anything is built.
function checkLayerClasses(config: Record<string, unknown>, source: string): void {
  const layers = Array.isArray(config) ? config : config.layers;
  if (!Array.isArray(layers)) {
    throw new ModelFileError(`${source}: the model config has no 'layers' list`);
  }
  layers.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.class_name !== 'string' || !isObject(entry.config)) {
      throw new ModelFileError(
        `${source}: layer ${i} must be { class_name, config, ... }, got ${JSON.stringify(entry)?.slice(0, 120)}`,
      );
    }
    if (MODEL_CLASS_NAMES.includes(entry.class_name)) {
      checkLayerClasses(entry.config, source);
      return;
    }
    if (!isLayerClass(entry.class_name)) {
      const known = [...MODEL_CLASS_NAMES, ...layerClassNames()].sort();
      throw new ModelFileError(
        `${source}: unknown layer class '${entry.class_name}' (layer ${i}${typeof entry.config.name === 'string' ? ` '${entry.config.name}'` : ''}); register custom layers with registerClass(cls) before loading, or pass them in customObjects. Known layer classes: ${known.join(', ')}`,
      );
    }
  });
}

function isLayerClass(name: string): boolean {
  try {
    const cls = getRegisteredClass(name) as unknown as { prototype: unknown };
    return cls.prototype instanceof Layer;
  } catch (e) {
    if (e instanceof ValueError) return false;
    throw e;
  }
}

function layerClassNames(): string[] {
  return registeredClassNames().filter(isLayerClass);
}
