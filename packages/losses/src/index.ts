export {
  BinaryCrossentropy,
  BinaryFocalCrossentropy,
  type BinaryFocalCrossentropyConfig,
  CategoricalCrossentropy,
  type CrossentropyConfig,
  SparseCategoricalCrossentropy,
  type SparseCategoricalCrossentropyConfig,
} from './crossentropy-loss-classes.js';
export {
  type BinaryFocalCrossentropyOptions,
  binaryCrossentropy,
  binaryFocalCrossentropy,
  type CrossentropyOptions,
  categoricalCrossentropy,
  elementwiseBinaryCrossentropy,
} from './crossentropy-losses.js';
export { getLoss, type LossClass, type LossIdentifier, type LossSpec, lossIds } from './get-loss.js';
export { CategoricalHinge, Hinge, SquaredHinge } from './hinge-loss-classes.js';
export { binaryLabelsToHinge, categoricalHinge, hinge, squaredHinge } from './hinge-losses.js';
export { Loss, type LossConfig, type LossFunction, LossFunctionWrapper } from './loss.js';
export { EPSILON } from './loss-inputs.js';
export { KLDivergence, Poisson } from './probabilistic-loss-classes.js';
export { kld, kullbackLeiblerDivergence, poisson } from './probabilistic-losses.js';
export { type Reduction, type ReductionId, reduceWeightedValues, standardizeReduction } from './reduction.js';
export {
  CosineSimilarity,
  type CosineSimilarityConfig,
  Huber,
  type HuberConfig,
  LogCosh,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  MeanSquaredLogarithmicError,
} from './regression-loss-classes.js';
export {
  type CosineSimilarityOptions,
  cosineSimilarity,
  type HuberOptions,
  huber,
  logCosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogarithmicError,
} from './regression-losses.js';
export {
  type SparseCategoricalCrossentropyOptions,
  sparseCategoricalCrossentropy,
  sparseCategoricalValidMask,
} from './sparse-categorical-crossentropy.js';
