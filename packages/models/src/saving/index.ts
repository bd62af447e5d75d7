export {
  artifactsInfo,
  type IOHandler,
  LAYERS_MODEL_FORMAT,
  type ModelArtifacts,
  type ModelArtifactsInfo,
  type ModelJSON,
  type SaveResult,
  type TrainingConfig,
  type WeightSpec,
  type WeightsManifestGroup,
} from './artifacts.js';
export { browserDownloads, type DownloadsEnvironment } from './downloads-handler.js';
export { ModelFileError, ModelSaveError } from './errors.js';
export { type FileSystemHandlerOptions, fileSystemHandler } from './file-handler.js';
export { type FileSystem, nodeFileSystem } from './file-system.js';
export { resolveHandler } from './handlers.js';
export { type HttpLoadOptions, httpLoadHandler } from './http-handler.js';
export { browserIndexedDB, type IndexedDBOptions } from './indexeddb-handler.js';
export { camelCase, snakeCase } from './keras-case.js';
export {
  type ConvertOptions,
  fromKerasConfig,
  type JsonObject,
  type JsonValue,
  toKerasConfig,
} from './keras-config.js';
export {
  CLASS_RENAMES,
  type ClassRename,
  DROPPED_KERAS_KEYS,
  enumValues,
  KEY_RENAMES,
  type KeyRename,
  NAME_KEYS,
  NAME_LIST_KEYS,
  REGULARIZER_REWRITES,
  VALUE_RENAMES,
  type ValueRename,
} from './keras-exceptions.js';
export { type LoadOptions, loadModel, modelFromArtifacts } from './load-model.js';
export { GENERATED_BY, HORN_MODELS_VERSION, modelFromJSON, modelToJSON, modelTopology } from './model-topology.js';
export { modelArtifacts, type SaveOptions, saveModel } from './save-model.js';
export type { CustomObjects } from './training-config.js';
export { decodeWeights, encodeWeights, type NamedWeight } from './weights-codec.js';
export { loadWeights, type SaveWeightsOptions, saveWeights, WEIGHTS_FORMAT } from './weights-file.js';
