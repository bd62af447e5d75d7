import { dispose, ValueError } from '@horn/tensor';
import type { Model } from '../model.js';
import { type IOHandler, LAYERS_MODEL_FORMAT, type ModelArtifacts, type SaveResult } from './artifacts.js';
import { resolveHandler } from './handlers.js';
import { GENERATED_BY, modelTopology } from './model-topology.js';
import { trainingConfigOf } from './training-config.js';
import { encodeWeights, type NamedWeight } from './weights-codec.js';

/** Options of {@link saveModel}. */
export interface SaveOptions {
  /** Also save the training config (loss, metrics, optimizer) and the optimizer's state. Default false (as TF.js). */
  includeOptimizer?: boolean;
  /** Replace an existing save at a path (default true, as Keras); false makes that an error. */
  overwrite?: boolean;
}

/**
 * The artifacts of a model in the TF.js Layers format: the topology (Keras JSON), the weights
 * named `layer/weight` in `model.weights` order, and with `includeOptimizer` the training config
 * and the optimizer's state (`optimizer/iterations`, `optimizer/slot_1`, ... with
 * `group: 'optimizer'`, in `optimizer.getWeights()` order, as TF.js appends them).
 * @example const { weightSpecs } = modelArtifacts(model); weightSpecs[0].name // 'conv2d/kernel'
 */
export function modelArtifacts(model: Model, options: SaveOptions = {}): ModelArtifacts {
  const artifacts: ModelArtifacts = {
    modelTopology: modelTopology(model),
    format: LAYERS_MODEL_FORMAT,
    generatedBy: GENERATED_BY,
    convertedBy: null,
  };
  const weights: NamedWeight[] = model.weights.map((v) => ({ name: v.name, tensor: v }));
  const owned: NamedWeight[] = [];
  if (options.includeOptimizer) {
    const compiled = model.compiled;
    if (!compiled) {
      throw new ValueError(
        `saveModel: includeOptimizer needs a compiled model; model '${model.name}' was never compiled`,
      );
    }
    artifacts.trainingConfig = trainingConfigOf(compiled);
    compiled.optimizer.getWeights().forEach((tensor, i) => {
      owned.push({ name: i === 0 ? 'optimizer/iterations' : `optimizer/slot_${i}`, tensor, group: 'optimizer' });
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
 * @example await saveModel(model, './mnist-cnn', { includeOptimizer: true });
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
