export type { DataLike, LabelsLike } from './arrays.js';
export { type BatchesOptions, batches } from './batches.js';
export {
  type BuildAndScore,
  type CrossValidateOptions,
  type CrossValidateResult,
  crossValidate,
} from './cross-validate.js';
export { NotFittedError } from './errors.js';
export { type Fold, KFold, type KFoldOptions, StratifiedKFold } from './k-fold.js';
export { MinMaxScaler, type MinMaxScalerOptions } from './min-max-scaler.js';
export { normalize } from './normalize.js';
export { type PadSequencesOptions, padSequences, type Sequence } from './pad-sequences.js';
export { percentile, RobustScaler, type RobustScalerOptions } from './robust-scaler.js';
export { Scaler } from './scaler.js';
export { shuffle } from './shuffle.js';
export { StandardScaler, type StandardScalerOptions } from './standard-scaler.js';
export { toCategorical } from './to-categorical.js';
export { DEFAULT_FILTERS, Tokenizer, type TokenizerOptions, textToWordSequence } from './tokenizer.js';
export { splitIndices, type TrainTestSplitOptions, trainTestSplit } from './train-test-split.js';
