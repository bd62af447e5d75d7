/**
 * `keras.optimizers`: SGD, RMSprop, Adam, AdamW, Adagrad, Adadelta, Adamax, Nadam, `get`, and the
 * `schedules` namespace.
 * @example model.compile({ optimizer: new keras.optimizers.Adam({ learningRate: 1e-3 }), loss: 'mse' })
 */
export {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  getOptimizer as get,
  Nadam,
  Optimizer,
  RMSprop,
  SGD,
  serializeOptimizer as serialize,
} from '@horn/optimizers';
export * as schedules from './schedules.js';
