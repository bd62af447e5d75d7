/**
 * `keras.optimizers.schedules`: learning-rate schedules.
 * @example new keras.optimizers.Adam({ learningRate: new keras.optimizers.schedules.ExponentialDecay({ initialLearningRate: 0.01, decaySteps: 100, decayRate: 0.9 }) })
 */
export {
  CosineDecay,
  CosineDecayRestarts,
  deserializeSchedule as deserialize,
  ExponentialDecay,
  InverseTimeDecay,
  LearningRateSchedule,
  PiecewiseConstantDecay,
  PolynomialDecay,
  serializeSchedule as serialize,
} from '@horn/optimizers';
