import type { CustomObjects } from '@horn/layers';
import { dispose, HornError } from '@horn/tensor';
import type { Model } from '../model.js';
import { compile } from '../training/compile.js';
import type { IOHandler, ModelArtifacts } from './artifacts.js';
import { ModelFileError } from './errors.js';
import { resolveHandler } from './handlers.js';
import { weightBytes } from './model-json-file.js';
import { modelFromTopology } from './model-topology.js';
import { assignWeights, matchWeights, toTensor } from './model-weights.js';
import { compileArgsOf } from './training-config.js';
import { decodeWeights } from './weights-codec.js';

/** Options of {@link loadModel}. */
export interface LoadOptions {
  /** Compile the model from a saved training config and restore the optimizer state (default true, as Keras). */
  compile?: boolean;
  /**
   * Custom layer classes by saved class name (Keras' `custom_objects`): `{ CustomDense }`. Each is
   * rebuilt with its own `fromConfig`.
   */
  customObjects?: CustomObjects;
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
  const handler = resolveHandler(pathOrHandler, 'load');
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
  const model = modelFromTopology(artifacts.modelTopology, source, options.customObjects);
  try {
    assignWeights(matchWeights(model.weights, modelWeights, source));
    if (options.compile === false) return model;
    if (artifacts.trainingConfig) restoreTraining(model, artifacts, optimizerWeights, source);
    else if (optimizerWeights.length > 0) {
      throw new ModelFileError(
        `${source}: the file has optimizer weights but no trainingConfig to build the optimizer`,
      );
    }
  } catch (e) {
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
): void {
  const args = compileArgsOf(artifacts.trainingConfig!, source);
  const tensors = optimizerWeights.map(toTensor);
  try {
    const { optimizer } = compile(model, args);
    if (tensors.length > 0) {
      optimizer.build(model.trainableWeights);
      optimizer.setWeights(tensors);
    }
  } catch (e) {
    if (!(e instanceof HornError) || e instanceof ModelFileError) throw e;
    throw new ModelFileError(
      `${source}: cannot restore the training config and optimizer state: ${e.message} (loadModel(path, { compile: false }) loads the model without them)`,
    );
  } finally {
    dispose(tensors);
  }
}
