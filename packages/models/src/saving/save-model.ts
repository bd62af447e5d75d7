import { dispose, ValueError } from '@horn/tensor';
import type { Model } from '../model.js';
import {
  type IOHandler,
  LAYERS_MODEL_FORMAT,
  type ModelArtifacts,
  type SaveResult,
  type TrainingConfig,
} from './artifacts.js';
import { resolveHandler } from './handlers.js';
import { GENERATED_BY, modelTopology } from './model-topology.js';
import { savedWeightNames } from './saved-weight-names.js';
import { trainingConfigOf } from './training-config.js';
import { encodeWeights, type NamedWeight } from './weights-codec.js';

/**
 * Options of {@link saveModel} (and `model.save`, `ModelCheckpoint`).
 * @example
 * await model.save('./my-model', { includeOptimizer: true, overwrite: true }); // weights + optimizer state ('iter', slots)
 * await model.save('./for-tfjs', { includeOptimizer: false }); // the model alone, as TF.js saves by default
 */
export interface SaveOptions {
  /**
   * Save the training config (loss, metrics, loss weights, the optimizer and its config) and the
   * optimizer's state (its iteration count and slot variables, as extra weights with
   * `group: 'optimizer'`), so that `loadModel` returns a compiled model that trains on where it
   * stopped. Default: true when the model is compiled (as Keras' `include_optimizer=True`); an
   * uncompiled model is saved without them. `false` saves the model alone (TF.js' default);
   * `true` on an uncompiled model is an error. A loss or metric given as a plain function has no
   * id to write: by default the model is then saved without the training config (with a warning),
   * with `true` that is an error. TF.js 4.x' `tf.loadLayersModel` compiles what it can read and
   * refuses the rest (it has no Nadam or AdamW, no state for SGD with momentum or Adamax, no
   * `loss_weights`; it would misread Adam's `amsgrad` slots): save with `false` for a file that
   * TF.js must load in those cases.
   */
  includeOptimizer?: boolean;
  /** Replace an existing save at a path (default true, as Keras); false makes that an error. */
  overwrite?: boolean;
}

// The training config to write, or null when there is none to write (see SaveOptions.includeOptimizer).
function trainingConfigToSave(model: Model, include: boolean | undefined): TrainingConfig | null {
  if (include === false) return null;
  const compiled = model.compiled;
  if (!compiled) {
    if (include === undefined) return null;
    throw new ValueError(
      `saveModel: includeOptimizer: true needs a compiled model; model '${model.name}' was never compiled (compile it, or leave includeOptimizer out)`,
    );
  }
  try {
    return trainingConfigOf(compiled);
  } catch (e) {
    if (include === true || !(e instanceof ValueError)) throw e;
    console.warn(
      `${e.message.replace('includeOptimizer: false', 'includeOptimizer: false to silence this warning')}. Saved model '${model.name}' without its training config and optimizer state: loadModel will return it uncompiled.`,
    );
    return null;
  }
}

/**
 * The artifacts of a model in the TF.js Layers format: the topology (Keras JSON), the weights
 * named `layer/weight` in `model.weights` order, and (by default, for a compiled model; see
 * {@link SaveOptions}) the training config and the optimizer's state, appended as TF.js does:
 * `iter` (int32 scalar), then the slots named `<variable>/<slot>` in `optimizer.getWeights()`
 * order, each with `group: 'optimizer'`.
 * @example const { weightSpecs } = modelArtifacts(model); weightSpecs[0].name // 'conv2d/kernel'
 */
export function modelArtifacts(model: Model, options: SaveOptions = {}): ModelArtifacts {
  const include = options.includeOptimizer;
  if (include !== undefined && typeof include !== 'boolean') {
    throw new ValueError(`saveModel: includeOptimizer must be true or false, got ${String(include)}`);
  }
  const artifacts: ModelArtifacts = {
    modelTopology: modelTopology(model),
    format: LAYERS_MODEL_FORMAT,
    generatedBy: GENERATED_BY,
    convertedBy: null,
  };
  const names = savedWeightNames(model);
  const weights: NamedWeight[] = model.weights.map((v, i) => ({ name: names[i], tensor: v }));
  const owned: NamedWeight[] = [];
  const trainingConfig = trainingConfigToSave(model, include);
  if (trainingConfig) {
    artifacts.trainingConfig = trainingConfig;
    const optimizer = model.compiled!.optimizer;
    const names = optimizer.getWeightNames();
    optimizer.getWeights().forEach((tensor, i) => {
      owned.push({ name: names[i], tensor, group: 'optimizer' });
    });
  }
  try {
    const { data, specs } = encodeWeights([...weights, ...owned]);
    artifacts.weightData = data;
    artifacts.weightSpecs = specs;
  } finally {
    dispose(owned.map((w) => w.tensor));
  }
  return artifacts;
}

/**
 * Saves a model in the TF.js Layers format (what `model.save` calls): to a directory in Node
 * (`'./mnist-cnn'` or `'file://./mnist-cnn'`: model.json + group1-shard1ofN.bin, written
 * atomically), or through any IOHandler (Horn's or TF.js' `tf.io` handlers). TF.js 4.x loads the
 * result with `tf.loadLayersModel`; Horn with `loadModel`.
 * @example await saveModel(model, './mnist-cnn'); // with the training config and optimizer state when compiled
 */
export async function saveModel(
  model: Model,
  pathOrHandler: string | IOHandler,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const handler = resolveHandler(pathOrHandler, 'save', { overwrite: options.overwrite });
  const artifacts = modelArtifacts(model, options);
  return (handler.save as NonNullable<IOHandler['save']>)(artifacts);
}
