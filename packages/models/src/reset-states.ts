import { BaseRNN, flattenLayers, type Layer } from '@horn/layers';
import { Model } from './model.js';

/**
 * Resets the kept states of every stateful recurrent layer in a model (or a layer), nested
 * models and wrappers included, to zeros (TF.js' and Keras 2's `model.resetStates()`): call it
 * between independent sequences, e.g. at the start of each epoch of truncated BPTT.
 * @example resetModelStates(model); // the same as model.resetStates()
 */
export function resetModelStates(model: Layer): void {
  for (const layer of [model, ...flattenLayers(model)]) {
    if (layer instanceof BaseRNN && layer.stateful) layer.resetStates();
  }
}

declare module './model.js' {
  interface Model {
    /**
     * Resets the states of every stateful recurrent layer of the model to zeros (see {@link resetModelStates}).
     * @example model.resetStates();
     */
    resetStates(): void;
  }
}

// A method of Model kept beside the stateful layers it serves (model.ts holds the rest).
Model.prototype.resetStates = function resetStates(this: Model): void {
  resetModelStates(this);
};
