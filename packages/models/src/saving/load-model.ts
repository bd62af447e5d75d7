import type { Variable } from '@horn/autograd';
import { Layer, type CustomObjects as LayerClasses, withWeightBudget } from '@horn/layers';
import { dispose, HornError, ValueError } from '@horn/tensor';
import type { Model } from '../model.js';
import { compile } from '../training/compile.js';
import type { IOHandler, ModelArtifacts } from './artifacts.js';
import { ModelFileError } from './errors.js';
import { resolveHandler } from './handlers.js';
import { weightBytes } from './model-json-file.js';
import { modelFromTopology } from './model-topology.js';
import { assignWeights, matchWeights, toTensor } from './model-weights.js';
import { savedWeightNames } from './saved-weight-names.js';
import { type CustomObjects, compileArgsOf } from './training-config.js';
import { decodeWeights } from './weights-codec.js';

/**
 * Options of {@link loadModel}.
 * @example
 * const uncompiled = await loadModel('./my-model', { compile: false });
 * const compiled = await loadModel('./my-model', {
 *   customObjects: { my_loss: (yTrue: TensorLike, yPred: TensorLike) => sub(yTrue, yPred).abs().mean(-1) },
 * }); // a training config naming 'my_loss' compiles with this function
 */
export interface LoadOptions {
  /**
   * Compile the model from a saved training config (optimizer with its config, loss, metrics,
   * loss weights) and restore the optimizer's state (default true, as Keras' `compile=True`).
   * false returns the model uncompiled.
   */
  compile?: boolean;
  /**
   * Keras' `custom_objects`, by name: custom layer classes by saved class name (`{ CustomDense }`,
   * each rebuilt with its own `fromConfig`), and losses and metrics the training config names by
   * ids Horn does not know (`{ my_loss: (yTrue, yPred) => ... }`). An unknown id without one is a
   * ModelFileError (as Keras' `load_model`); `compile: false` loads the model without compiling.
   */
  customObjects?: Readonly<Record<string, CustomObjects[string] | LayerClasses[string]>>;
  /**
   * The most bytes of weights the file may declare (default 2 GiB): a larger model is refused
   * before its shards are read. Raise it for a bigger model.
   */
  maxWeightBytes?: number;
  /** For `http(s)://` URLs: how long each request may wait for a response or a chunk (default 30,000 ms). */
  timeoutMs?: number;
}

/**
 * Room above the weights a file declares that its layers may allocate (weights that are not
 * saved, such as a seed state): 16 MiB. A topology needing more than declared + this is refused
 * while it is built, before the memory is taken.
 */
const UNDECLARED_WEIGHT_BYTES = 2 ** 24;

// Keras' custom_objects holds classes and functions alike: Layer subclasses go to the topology,
// the rest (loss and metric functions or objects) to the training config.
function splitCustomObjects(all: LoadOptions['customObjects']): { layers?: LayerClasses; compile: CustomObjects } {
  if (all === undefined) return { compile: {} };
  const layers: Record<string, LayerClasses[string]> = {};
  const compile: Record<string, CustomObjects[string]> = {};
  for (const [name, value] of Object.entries(all)) {
    if (typeof value === 'function' && value.prototype instanceof Layer)
      layers[name] = value as unknown as LayerClasses[string];
    else compile[name] = value as CustomObjects[string];
  }
  return { layers, compile };
}

/**
 * Loads a model saved in the TF.js Layers format, by Horn (`model.save`) or by @tensorflow/tfjs 4.x
 * (`model.save('file://...')`, `weights.bin`; or any `tf.io` handler): a directory or model.json
 * path in Node (`'file://'` too), an `http(s)://.../model.json` URL, or an IOHandler. Everything is
 * checked before the model is built (the JSON, every shard's length, weight dtypes, every layer
 * class, weight names and shapes); a problem throws a ModelFileError naming the file, and no
 * half-loaded model is ever returned. A saved training config compiles the model and restores the
 * optimizer's state, so training continues where it stopped.
 * @example const model = await loadModel('./mnist-cnn');
 */
export async function loadModel(pathOrHandler: string | IOHandler, options: LoadOptions = {}): Promise<Model> {
  const handler = resolveHandler(pathOrHandler, 'load', {
    maxWeightBytes: options.maxWeightBytes,
    timeoutMs: options.timeoutMs,
  });
  const artifacts = await (handler.load as NonNullable<IOHandler['load']>).call(handler);
  // File handlers name the model.json they read; other handlers are named by the URL given.
  const named = (handler as { source?: unknown }).source;
  const source =
    typeof named === 'string' ? named : typeof pathOrHandler === 'string' ? pathOrHandler : 'the IOHandler';
  return modelFromArtifacts(artifacts, source, options);
}

/**
 * Builds a model from loaded artifacts (see {@link loadModel}); `source` names them in errors.
 * @example const model = modelFromArtifacts(artifacts, 'memory');
 */
export function modelFromArtifacts(artifacts: ModelArtifacts, source: string, options: LoadOptions = {}): Model {
  checkLoadOptions(options);
  if (artifacts === null || typeof artifacts !== 'object') {
    throw new ModelFileError(`${source}: the handler returned no model artifacts`);
  }
  if (artifacts.modelTopology instanceof ArrayBuffer || artifacts.format === 'graph-model') {
    throw new ModelFileError(`${source}: this is a TF.js graph model; Horn loads Layers models ('layers-model') only`);
  }
  if (!artifacts.weightSpecs || artifacts.weightData === undefined) {
    throw new ModelFileError(`${source}: the model has no weights (use modelFromJSON for a topology alone)`);
  }
  const decoded = decodeWeights(weightBytes(artifacts.weightData), artifacts.weightSpecs, source);
  const modelWeights = decoded.filter((w) => w.spec.group !== 'optimizer');
  const optimizerWeights = decoded.filter((w) => w.spec.group === 'optimizer');
  const declaredBytes = modelWeights.reduce((n, w) => n + w.spec.shape.reduce((a, b) => a * b, 1) * 4, 0);
  const model = withWeightBudget(declaredBytes + UNDECLARED_WEIGHT_BYTES, source, () =>
    modelFromTopology(artifacts.modelTopology, source, splitCustomObjects(options.customObjects).layers),
  );
  try {
    assignWeights(matchWeights(model.weights, modelWeights, source, savedWeightNames(model)));
    if (options.compile === false) return model;
    if (artifacts.trainingConfig) restoreTraining(model, artifacts, optimizerWeights, source, options);
    else if (optimizerWeights.length > 0) {
      throw new ModelFileError(
        `${source}: the file has optimizer weights but no trainingConfig to build the optimizer`,
      );
    }
  } catch (e) {
    // A refused load keeps nothing alive: the optimizer's slot variables go with the weights.
    model.compiled?.optimizer.dispose();
    model.compiled = null;
    model.dispose();
    throw e;
  }
  return model;
}

function restoreTraining(
  model: Model,
  artifacts: ModelArtifacts,
  optimizerWeights: ReturnType<typeof decodeWeights>,
  source: string,
  options: LoadOptions,
): void {
  const args = compileArgsOf(artifacts.trainingConfig!, source, splitCustomObjects(options.customObjects).compile);
  const tensors = optimizerWeights.map(toTensor);
  try {
    const { optimizer } = compile(model, args);
    // Slots are made lazily on the first step; build them now so the saved values have a place
    // before any step: over the variables the saved slots name (`dense/kernel/momentum`, Horn's
    // names), else over every trainable weight (the order a training step creates them; TF.js'
    // files). A state of `iter` alone (saved before the first step, or stateless) builds none.
    if (tensors.length > 1) optimizer.build(slotOwners(model, optimizerWeights) ?? model.trainableWeights);
    if (tensors.length > 0) optimizer.setWeights(tensors);
  } catch (e) {
    if (!(e instanceof HornError) || e instanceof ModelFileError) throw e;
    const hint = /unknown (loss|metric) '/.test(e.message)
      ? 'pass it as loadModel(path, { customObjects: { <id>: fn } }); '
      : '';
    throw new ModelFileError(
      `${source}: cannot restore the training config and optimizer state: ${e.message} (${hint}loadModel(path, { compile: false }) loads the model without them)`,
    );
  } finally {
    dispose(tensors);
  }
}

function checkLoadOptions(options: LoadOptions): void {
  const { compile: doCompile, customObjects } = options;
  if (doCompile !== undefined && typeof doCompile !== 'boolean') {
    throw new ValueError(`loadModel: compile must be true or false, got ${String(doCompile)}`);
  }
  if (
    customObjects !== undefined &&
    (customObjects === null || typeof customObjects !== 'object' || Array.isArray(customObjects))
  ) {
    throw new ValueError(
      `loadModel: customObjects must be an object of layer classes, losses and metrics by name ({ CustomDense, my_loss: fn }), got ${String(customObjects)}`,
    );
  }
}

// The trainable weights that Horn-named optimizer slots (`<variable>/<slot>`) belong to, in the
// order they first appear; null when a name is not of that form for this model.
function slotOwners(model: Model, saved: ReturnType<typeof decodeWeights>): Variable[] | null {
  const byName = new Map(model.trainableWeights.map((v) => [v.name, v]));
  const owners: Variable[] = [];
  for (const { spec } of saved.slice(1)) {
    const cut = spec.name.lastIndexOf('/');
    const owner = cut > 0 ? byName.get(spec.name.slice(0, cut)) : undefined;
    if (!owner) return null;
    if (!owners.includes(owner)) owners.push(owner);
  }
  return owners;
}
