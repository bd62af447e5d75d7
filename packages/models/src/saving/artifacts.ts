/**
 * The types of the TF.js Layers format (tfjs-core `io` types), so that Horn's handlers and
 * TF.js' `tf.io` handlers are interchangeable: a `tf.io.browserDownloads()` or
 * `tf.io.withSaveHandler(...)` handler can be passed to `model.save`, and Horn's artifacts to
 * `tf.io.fromMemory`.
 */

/**
 * One weight in the manifest: its name, shape and dtype; optimizer weights carry `group: 'optimizer'`.
 * @example
 * const { specs } = encodeWeights([{ name: 'dense/kernel', tensor: tensor([[1], [2]]) }]);
 * const spec: WeightSpec = specs[0]; // { name: 'dense/kernel', shape: [2, 1], dtype: 'float32' }
 */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  group?: string;
  quantization?: unknown;
}

/**
 * One group of the weights manifest: the shard files, read and concatenated in order, and their weights.
 * @example
 * const json: ModelJSON = JSON.parse(readFileSync('./my-model/model.json', 'utf8'));
 * const [group]: WeightsManifestGroup[] = json.weightsManifest;
 * group.paths; // ['group1-shard1of1.bin']
 * group.weights.map((w) => w.name); // ['out/kernel', 'out/bias', 'iter']; 'iter' has group: 'optimizer'
 */
export interface WeightsManifestGroup {
  paths: string[];
  weights: WeightSpec[];
}

/**
 * Keras' training config as TF.js writes it (`model.save(..., { includeOptimizer: true })`):
 * `loss` and `metrics` are snake_case ids (or `{ class_name, config }` objects, lists, records by
 * output name), `optimizer_config` is `{ class_name, config }`. Typed as loosely as TF.js' own type
 * so that tf.io handlers fit; loading checks the values.
 * @example
 * const { trainingConfig } = JSON.parse(readFileSync('./my-model/model.json', 'utf8')) as ModelJSON;
 * const config: TrainingConfig = trainingConfig!; // model compiled with { optimizer: 'adam', loss: 'mse' }
 * config.loss; // 'mean_squared_error'
 * config.optimizer_config; // { class_name: 'Adam', config: { learning_rate: 0.001, beta_1: 0.9, ... } }
 */
export interface TrainingConfig {
  loss: unknown;
  metrics?: unknown;
  optimizer_config: object;
  loss_weights?: unknown;
  weighted_metrics?: unknown;
  sample_weight_mode?: unknown;
}

/**
 * Everything a save writes and a load reads (tf.io's `ModelArtifacts`, Layers models only).
 * @example
 * const artifacts: ModelArtifacts = modelArtifacts(model); // Dense(1) on 2 inputs
 * artifacts.format; // 'layers-model'
 * artifacts.weightSpecs; // [{ name: 'out/kernel', shape: [2, 1], dtype: 'float32' }, { name: 'out/bias', shape: [1], dtype: 'float32' }]
 * (artifacts.weightData as ArrayBuffer).byteLength; // 12: three float32 values
 */
export interface ModelArtifacts {
  /** The model's Keras JSON: `{ class_name, config, keras_version, backend }`. */
  modelTopology?: object | ArrayBuffer;
  /** The weights in `weightData`, in order. */
  weightSpecs?: WeightSpec[];
  /** The weight values, little-endian, in `weightSpecs` order (one buffer, or several to concatenate). */
  weightData?: ArrayBuffer | ArrayBuffer[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: TrainingConfig;
  userDefinedMetadata?: Record<string, unknown>;
}

/**
 * The content of model.json.
 * @example
 * const json: ModelJSON = JSON.parse(readFileSync('./my-model/model.json', 'utf8'));
 * json.format; // 'layers-model'
 * json.weightsManifest[0].paths; // ['group1-shard1of1.bin']
 * json.trainingConfig?.loss; // 'mean_squared_error' for a model compiled with loss: 'mse'
 */
export interface ModelJSON {
  modelTopology: object;
  weightsManifest: WeightsManifestGroup[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: TrainingConfig;
  userDefinedMetadata?: Record<string, unknown>;
}

/**
 * What a save reports (tf.io's `ModelArtifactsInfo`).
 * @example
 * const { modelArtifactsInfo }: SaveResult = await model.save('./my-model');
 * const info: ModelArtifactsInfo = modelArtifactsInfo;
 * info.modelTopologyType; // 'JSON'
 * info.weightDataBytes; // 12 for a Dense(1) on 2 inputs
 */
export interface ModelArtifactsInfo {
  dateSaved: Date;
  modelTopologyType: 'JSON' | 'GraphDef';
  modelTopologyBytes?: number;
  weightSpecsBytes?: number;
  weightDataBytes?: number;
}

/**
 * The result of a save (tf.io's `SaveResult`).
 * @example
 * const result: SaveResult = await model.save('./my-model');
 * result.modelArtifactsInfo.dateSaved; // when it was saved
 * result.errors; // undefined: no error
 */
export interface SaveResult {
  modelArtifactsInfo: ModelArtifactsInfo;
  errors?: unknown[];
}

/**
 * Where a model goes and comes from (tf.io's `IOHandler`): `save(artifacts)` and/or `load()`.
 * @example
 * const memory: IOHandler = { save: async (a) => { saved = a; return { modelArtifactsInfo: artifactsInfo(a) }; } };
 */
export interface IOHandler {
  save?(artifacts: ModelArtifacts): Promise<SaveResult>;
  load?(): Promise<ModelArtifacts>;
}

/**
 * The value of model.json's `format` for Layers models.
 * @example json.format === LAYERS_MODEL_FORMAT // 'layers-model'
 */
export const LAYERS_MODEL_FORMAT = 'layers-model';

/**
 * The `modelArtifactsInfo` of a save: the date and the byte sizes of the topology JSON, the
 * weight specs JSON and the weight data.
 * @example artifactsInfo({ modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(8) }).weightDataBytes // 8
 */
export function artifactsInfo(artifacts: ModelArtifacts): ModelArtifactsInfo {
  const topology = artifacts.modelTopology;
  const data = artifacts.weightData;
  const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;
  return {
    dateSaved: new Date(),
    modelTopologyType: 'JSON',
    modelTopologyBytes:
      topology === undefined ? 0 : topology instanceof ArrayBuffer ? topology.byteLength : utf8(topology),
    weightSpecsBytes: artifacts.weightSpecs === undefined ? 0 : utf8(artifacts.weightSpecs),
    weightDataBytes:
      data === undefined ? 0 : Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength,
  };
}
