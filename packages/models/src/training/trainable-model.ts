import type { Variable } from '@horn/autograd';
import type { CallOptions } from '@horn/layers';
import type { Tensor } from '@horn/tensor';
import type { CompiledState } from './compiled-state.js';

/**
 * What training, evaluation and the callbacks need from a model: the surface `Model` provides.
 * Written as an interface so the training functions and callbacks can be used (and tested) with
 * any object of this shape, and so this folder does not depend on how `Model` is built.
 * @example
 * const model: TrainableModel = new Sequential([new Dense({ units: 1, inputShape: [1] })]);
 */
export interface TrainableModel {
  /** The model's name, used in messages. */
  readonly name: string;
  /** The weights the optimizer updates, in a stable order. */
  readonly trainableWeights: Variable[];
  /** Regularization penalties and `addLoss` terms of the last call; fresh tensors on each access. */
  readonly losses: Tensor[];
  /** One name per model input (the InputLayers' names). */
  readonly inputNames: string[];
  /** One name per model output (the output layers' names): the keys of per-output losses and logs. */
  readonly outputNames: string[];
  /** Set by a callback to stop `fit` at the end of the current batch. */
  stopTraining: boolean;
  /** What `compile` resolved (optimizer, losses, metrics), or null before `compile`. */
  compiled: CompiledState | null;
  /** The `History` of the last `fit` (set by the History callback at each epoch end). */
  history?: unknown;
  /** Runs the model: one tensor per input (a single tensor for a one-input model). */
  apply(inputs: Tensor | Tensor[], options?: CallOptions): Tensor | Tensor[];
  /** The values of all weights (new tensors). */
  getWeights(): Tensor[];
  /** Sets all weights, in `getWeights` order. */
  setWeights(weights: Tensor[]): void;
}

/**
 * A model with saving, as ModelCheckpoint needs it (helper S provides `save` / `saveWeights`).
 * @example
 * const model: SavableModel = new Sequential([Input({ shape: [2] }), new Dense({ units: 1 })]);
 * await model.saveWeights('./weights'); // what ModelCheckpoint calls with saveWeightsOnly
 */
export interface SavableModel extends TrainableModel {
  save(path: string, options?: { overwrite?: boolean; includeOptimizer?: boolean }): Promise<unknown>;
  saveWeights(path: string, options?: { overwrite?: boolean }): Promise<unknown>;
}
