/**
 * Horn's Keras facade: one import for everything a Keras user reaches for.
 * @example
 * import * as keras from '@horn/keras';
 * const model = new keras.Sequential([keras.Input({ shape: [4] }), new keras.layers.Dense({ units: 1 })]);
 * model.compile({ optimizer: 'adam', loss: 'mse' });
 */

export { GradientTape, grad, Variable, valueAndGrad, variable } from '@horn/autograd';
export { Input, Layer, registerClass, SymbolicTensor } from '@horn/layers';
export { Model, Sequential } from '@horn/models';
export { getBackend, memory, setBackend, setSeed, tensor, tidy } from '@horn/tensor';
export * as activations from './activations.js';
export * as callbacks from './callbacks.js';
export * as constraints from './constraints.js';
export * as datasets from './datasets.js';
export { defaultBackend, gpuUnavailable, wasmUnavailable } from './default-backend.js';
export * as initializers from './initializers.js';
export * as layers from './layers.js';
export * as losses from './losses.js';
export * as metrics from './metrics.js';
export * as models from './models.js';
export * as ops from './ops.js';
export * as optimizers from './optimizers.js';
export * as preprocessing from './preprocessing.js';
export * as random from './random.js';
export * as regularizers from './regularizers.js';
export * as utils from './utils.js';
