import type { Optimizer } from '@horn/optimizers';
import { ValueError } from '@horn/tensor';
import type { TrainableModel } from '../training/trainable-model.js';

/**
 * The compiled optimizer of a model, for callbacks that read or set its learning rate.
 * @example optimizerOf(model, 'ReduceLROnPlateau').learningRate
 */
export function optimizerOf(model: TrainableModel, owner: string): Optimizer {
  const optimizer = model.compiled?.optimizer;
  if (!optimizer) throw new ValueError(`${owner}: the model must be compiled (it has no optimizer)`);
  return optimizer;
}

/**
 * The optimizer's learning rate as a number; a schedule cannot be read or replaced by a callback.
 * @example currentRate(optimizer, 'LearningRateScheduler') // 0.001
 */
export function currentRate(optimizer: Optimizer, owner: string): number {
  const rate = optimizer.learningRate;
  if (typeof rate !== 'number') {
    throw new ValueError(
      `${owner}: the optimizer's learning rate is a schedule (${rate.className}); ${owner} needs a number learning rate`,
    );
  }
  return rate;
}
