export { Adadelta, type AdadeltaOptions } from './adadelta.js';
export { Adagrad, type AdagradOptions } from './adagrad.js';
export { Adam, type AdamOptions } from './adam.js';
export { Adamax, type AdamaxOptions } from './adamax.js';
export { AdamW, type AdamWOptions } from './adamw.js';
export type { GradientPair, GradientPairs } from './check-gradient-pairs.js';
export { clipByGlobalNorm, clipByNorm } from './clip-gradients.js';
export { getOptimizer, type OptimizerIdentifier, optimizerIds, serializeOptimizer } from './get-optimizer.js';
export { Nadam, type NadamOptions } from './nadam.js';
export {
  Optimizer,
  type OptimizerConfig,
  type OptimizerKerasOptions,
  type OptimizerOptions,
  type SlotSpec,
} from './optimizer.js';
export { RMSprop, type RMSpropOptions } from './rmsprop.js';
export { CosineDecay, type CosineDecayConfig } from './schedules/cosine-decay.js';
export { CosineDecayRestarts, type CosineDecayRestartsConfig } from './schedules/cosine-decay-restarts.js';
export { ExponentialDecay, type ExponentialDecayConfig } from './schedules/exponential-decay.js';
export { InverseTimeDecay, type InverseTimeDecayConfig } from './schedules/inverse-time-decay.js';
export { LearningRateSchedule } from './schedules/learning-rate-schedule.js';
export { PiecewiseConstantDecay, type PiecewiseConstantDecayConfig } from './schedules/piecewise-constant-decay.js';
export { PolynomialDecay, type PolynomialDecayConfig } from './schedules/polynomial-decay.js';
export {
  deserializeSchedule,
  registerSchedule,
  type ScheduleClass,
  serializeSchedule,
} from './schedules/serialize-schedule.js';
export { type ConfigValue, isSerialized, type Serialized } from './serialized.js';
export { SGD, type SGDOptions } from './sgd.js';
