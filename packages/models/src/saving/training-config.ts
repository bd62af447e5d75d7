import type { LossIdentifier } from '@horn/losses';
import type { MetricIdentifier } from '@horn/metrics';
import { serializeOptimizer } from '@horn/optimizers';
import { ValueError } from '@horn/tensor';
import { ownValue } from '../own-keys.js';
import type { CompileArgs } from '../training/compile-args.js';
import type { CompiledState } from '../training/compiled-state.js';
import type { TrainingConfig } from './artifacts.js';
import { ModelFileError } from './errors.js';
import { camelCase, snakeCase } from './keras-case.js';
import { fromKerasConfig, type JsonValue, toKerasConfig } from './keras-config.js';

interface Configurable {
  className: string;
  getConfig(): object;
}

function isConfigurable(value: unknown): value is Configurable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Configurable).className === 'string' &&
    typeof (value as Configurable).getConfig === 'function'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

// Loss ids TF.js' loss map lacks, as the names it knows (it reads `toCamelCase(id)`), so that
// `tf.loadLayersModel` can compile what Horn saves; Keras and Horn read both spellings.
const TFJS_LOSS_NAMES: Readonly<Record<string, string>> = {
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
  mape: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  log_cosh: 'logcosh',
  bce: 'binary_crossentropy',
  kl_divergence: 'kullback_leibler_divergence',
  kld: 'kullback_leibler_divergence',
};

function writeLossIds(value: unknown): JsonValue {
  if (typeof value === 'string') {
    const id = snakeCase(value);
    return ownValue(TFJS_LOSS_NAMES, id) ?? id;
  }
  if (Array.isArray(value)) return value.map(writeLossIds);
  if (isRecord(value) && typeof value.className !== 'string') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, writeLossIds(v)]));
  }
  return writeIds(value, 'the loss');
}

// Loss and metric ids as TF.js writes them: string ids in snake_case, objects as { class_name, config },
// lists and per-output records (keys are output names, kept as they are).
function writeIds(value: unknown, what: string): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return snakeCase(value);
  if (Array.isArray(value)) return value.map((v) => writeIds(v, what));
  if (isConfigurable(value)) return toKerasConfig({ className: value.className, config: value.getConfig() });
  if (isRecord(value)) {
    if (typeof value.className === 'string') return toKerasConfig(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, writeIds(v, what)]));
  }
  const kind =
    typeof value === 'function' ? `the function '${(value as { name?: string }).name || 'anonymous'}'` : String(value);
  throw new ValueError(
    `saveModel: cannot save the training config: ${what} includes ${kind}; compile with string ids or Loss/Metric objects, or save with includeOptimizer: false`,
  );
}

/**
 * Losses and metrics a training config names that are not Horn's, by the id the file writes
 * (`'my_loss'`, or its camelCase `'myLoss'`; as Keras' `custom_objects`): the loss or metric to
 * compile with instead.
 * @example
 * const custom: CustomObjects = { my_loss: (yTrue: TensorLike, yPred: TensorLike) => sub(yTrue, yPred).abs().mean(-1) };
 * const model = await loadModel('./my-model', { customObjects: custom });
 */
export type CustomObjects = Readonly<Record<string, LossIdentifier | MetricIdentifier>>;

function readIds(value: unknown, custom: CustomObjects): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const id = camelCase(value);
    return Object.hasOwn(custom, value) ? custom[value] : Object.hasOwn(custom, id) ? custom[id] : id;
  }
  if (Array.isArray(value)) return value.map((v) => readIds(v, custom));
  if (isRecord(value)) {
    if (typeof value.class_name === 'string') return fromKerasConfig(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readIds(v, custom)]));
  }
  return value;
}

/**
 * The training config of a compiled model, as TF.js' `getTrainingConfig` writes it: `loss` and
 * `metrics` ids in snake_case (objects as `{ class_name, config }`; loss aliases TF.js lacks as
 * its names, `'mse'` as `'mean_squared_error'`), `optimizer_config` as
 * `{ class_name, config }` with Keras' snake_case keys, and `loss_weights` / `weighted_metrics`
 * when compile had them (TF.js cannot load those two; Keras can).
 * @example trainingConfigOf(model.compiled!).loss // 'sparse_categorical_crossentropy'
 */
export function trainingConfigOf(compiled: CompiledState): TrainingConfig {
  const { args, optimizer } = compiled;
  const config: TrainingConfig = {
    loss: writeLossIds(args.loss) as TrainingConfig['loss'],
    metrics: writeIds(args.metrics ?? [], 'metrics') as TrainingConfig['metrics'],
    optimizer_config: toKerasConfig(serializeOptimizer(optimizer), {
      kind: 'optimizer',
    }) as TrainingConfig['optimizer_config'],
  };
  if (args.lossWeights !== undefined) config.loss_weights = args.lossWeights as TrainingConfig['loss_weights'];
  if (args.weightedMetrics !== undefined) config.weighted_metrics = writeIds(args.weightedMetrics, 'weightedMetrics');
  return config;
}

/**
 * The `compile` arguments of a training config (written by Horn, TF.js or Keras): ids in camelCase,
 * `{ class_name, config }` objects as Horn's `{ className, config }`, the optimizer with its config.
 * String ids listed in `customObjects` become the loss or metric given there. Throws a
 * ModelFileError naming `source` when the config is malformed.
 * @example compile(model, compileArgsOf(json.trainingConfig, 'model.json', { my_loss: myLoss }))
 */
export function compileArgsOf(config: TrainingConfig, source: string, customObjects: CustomObjects = {}): CompileArgs {
  if (!isRecord(config)) throw new ModelFileError(`${source}: trainingConfig must be an object`);
  const optimizer = config.optimizer_config;
  if (!isRecord(optimizer) || typeof optimizer.class_name !== 'string' || !isRecord(optimizer.config)) {
    throw new ModelFileError(
      `${source}: trainingConfig.optimizer_config must be { class_name, config }, got ${JSON.stringify(optimizer)}`,
    );
  }
  const args: Record<string, unknown> = {
    optimizer: fromKerasConfig(optimizer, { kind: 'optimizer' }),
    loss: readIds(config.loss, customObjects),
  };
  if (config.metrics !== undefined && config.metrics !== null) args.metrics = readIds(config.metrics, customObjects);
  if (config.loss_weights !== undefined && config.loss_weights !== null) args.lossWeights = config.loss_weights;
  if (config.weighted_metrics !== undefined && config.weighted_metrics !== null) {
    args.weightedMetrics = readIds(config.weighted_metrics, customObjects);
  }
  return args as CompileArgs;
}
