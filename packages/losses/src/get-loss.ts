import { ValueError } from '@horn/tensor';
import {
  BinaryCrossentropy,
  BinaryFocalCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
} from './crossentropy-loss-classes.js';
import { binaryCrossentropy, binaryFocalCrossentropy, categoricalCrossentropy } from './crossentropy-losses.js';
import { CategoricalHinge, Hinge, SquaredHinge } from './hinge-loss-classes.js';
import { categoricalHinge, hinge, squaredHinge } from './hinge-losses.js';
import { Loss, type LossConfig, type LossFunction, LossFunctionWrapper } from './loss.js';
import { describe } from './loss-inputs.js';
import { KLDivergence, Poisson } from './probabilistic-loss-classes.js';
import { kld, poisson } from './probabilistic-losses.js';
import {
  CosineSimilarity,
  Huber,
  LogCosh,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  MeanSquaredLogarithmicError,
} from './regression-loss-classes.js';
import {
  cosineSimilarity,
  huber,
  logCosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogarithmicError,
} from './regression-losses.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

/**
 * A loss class that `getLoss` can build from a config.
 * @example
 * const cls: LossClass = BinaryCrossentropy;
 * cls.className; // 'BinaryCrossentropy'
 * new cls({ name: 'bce' }).name; // 'bce'
 */
export interface LossClass {
  readonly className: string;
  new (config?: LossConfig): Loss;
}

/**
 * A loss config as `getConfig` writes it, with its class: `{ className, config }`.
 * @example
 * const spec: LossSpec = { className: 'Huber', config: { delta: 0.5 } };
 * getLoss(spec).apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync(); // 0.1513
 */
export interface LossSpec {
  className: string;
  config?: object;
}

/**
 * What {@link getLoss} resolves: a string id, a loss function, a Loss, or a `{ className, config }`.
 * @example
 * getLoss('mse'); // a string id
 * getLoss(meanSquaredError); // a loss function
 * getLoss(new Huber({ delta: 0.5 })); // a Loss, returned as is
 * getLoss({ className: 'Huber', config: { delta: 0.5 } }); // a saved config
 */
export type LossIdentifier = string | LossFunction | Loss | LossSpec;

interface Entry {
  ids: readonly string[];
  cls: LossClass;
  fn: (...args: never[]) => unknown;
}

// Each class with its ids: Keras' snake_case names, their camelCase forms, and Keras' aliases.
const ENTRIES: readonly Entry[] = [
  { ids: ['mean_squared_error', 'meanSquaredError', 'mse'], cls: MeanSquaredError, fn: meanSquaredError },
  { ids: ['mean_absolute_error', 'meanAbsoluteError', 'mae'], cls: MeanAbsoluteError, fn: meanAbsoluteError },
  {
    ids: ['mean_absolute_percentage_error', 'meanAbsolutePercentageError', 'mape'],
    cls: MeanAbsolutePercentageError,
    fn: meanAbsolutePercentageError,
  },
  {
    ids: ['mean_squared_logarithmic_error', 'meanSquaredLogarithmicError', 'msle'],
    cls: MeanSquaredLogarithmicError,
    fn: meanSquaredLogarithmicError,
  },
  { ids: ['huber', 'huber_loss', 'huberLoss'], cls: Huber, fn: huber },
  { ids: ['log_cosh', 'logCosh', 'logcosh'], cls: LogCosh, fn: logCosh },
  { ids: ['cosine_similarity', 'cosineSimilarity'], cls: CosineSimilarity, fn: cosineSimilarity },
  { ids: ['binary_crossentropy', 'binaryCrossentropy', 'bce'], cls: BinaryCrossentropy, fn: binaryCrossentropy },
  {
    ids: ['binary_focal_crossentropy', 'binaryFocalCrossentropy'],
    cls: BinaryFocalCrossentropy,
    fn: binaryFocalCrossentropy,
  },
  {
    ids: ['categorical_crossentropy', 'categoricalCrossentropy'],
    cls: CategoricalCrossentropy,
    fn: categoricalCrossentropy,
  },
  {
    ids: ['sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy'],
    cls: SparseCategoricalCrossentropy,
    fn: sparseCategoricalCrossentropy,
  },
  { ids: ['hinge'], cls: Hinge, fn: hinge },
  { ids: ['squared_hinge', 'squaredHinge'], cls: SquaredHinge, fn: squaredHinge },
  { ids: ['categorical_hinge', 'categoricalHinge'], cls: CategoricalHinge, fn: categoricalHinge },
  {
    ids: ['kl_divergence', 'klDivergence', 'kld', 'kullback_leibler_divergence', 'kullbackLeiblerDivergence'],
    cls: KLDivergence,
    fn: kld,
  },
  { ids: ['poisson'], cls: Poisson, fn: poisson },
];

// Ids compare without case and underscores: 'binary_crossentropy', 'binaryCrossentropy',
// 'BinaryCrossentropy' and 'BCE' all resolve.
const key = (id: string) => id.replace(/_/g, '').toLowerCase();
const BY_ID = new Map<string, Entry>();
for (const entry of ENTRIES) {
  for (const id of [...entry.ids, entry.cls.className]) BY_ID.set(key(id), entry);
}

/**
 * Every string id {@link getLoss} accepts (snake_case and camelCase; class names work too).
 * @example lossIds().includes('categorical_crossentropy') // true
 */
export function lossIds(): string[] {
  return ENTRIES.flatMap((e) => e.ids);
}

/**
 * Resolves a loss identifier to a {@link Loss} instance: a string id (`'mse'`, `'binary_crossentropy'`,
 * `'sparseCategoricalCrossentropy'`, `'CategoricalCrossentropy'`, ...), a Loss (returned as is), one of
 * this package's loss functions (its class), any other function (wrapped in a
 * {@link LossFunctionWrapper}), or `{ className, config }`. Unlike Keras, a function id gives a Loss
 * instance too, so callers always get `call` with sample weights and reductions.
 * @example getLoss('categorical_crossentropy').apply([[0, 1]], [[0.2, 0.8]]).arraySync() // 0.2231436
 */
export function getLoss(identifier: LossIdentifier): Loss {
  if (identifier instanceof Loss) return identifier;
  if (typeof identifier === 'string') return new (lookup(identifier, 'getLoss').cls)();
  if (typeof identifier === 'function') {
    const entry = ENTRIES.find((e) => e.fn === identifier);
    return entry ? new entry.cls() : new LossFunctionWrapper(identifier);
  }
  if (typeof identifier === 'object' && identifier !== null && typeof identifier.className === 'string') {
    return new (lookup(identifier.className, 'getLoss').cls)((identifier.config ?? {}) as LossConfig);
  }
  throw new ValueError(
    `getLoss: expected a string id, a loss function, a Loss or { className, config }, got ${describe(identifier)}`,
  );
}

function lookup(id: string, op: string): Entry {
  const entry = BY_ID.get(key(id));
  if (!entry) throw new ValueError(`${op}: unknown loss '${id}'; valid ids are ${lossIds().join(', ')}`);
  return entry;
}
