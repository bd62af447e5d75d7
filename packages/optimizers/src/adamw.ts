import { normalizeOptions, ValueError } from '@horn/tensor';
import { Adam, type AdamOptions } from './adam.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { OPTIMIZER_ALIASES } from './optimizer.js';

/**
 * Options of {@link AdamW}.
 * @example
 * const opt = new AdamW({ learningRate: 0.1, weightDecay: 0.1 });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.89, 2.08]: decayed by 1%, then the Adam step (Keras: the same)
 */
export interface AdamWOptions extends AdamOptions {
  /** Decoupled weight decay, a number >= 0. Default 0.004. */
  weightDecay?: number;
}

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter), as Keras 3: before each Adam update,
 * `w -= lr * weightDecay * w`. Same options as {@link Adam}, with `weightDecay` defaulting to 0.004.
 * @example
 * const opt = new AdamW({ learningRate: 0.01, weightDecay: 0.01 });
 * opt.weightDecay; // 0.01
 */
export class AdamW extends Adam {
  static override readonly className: string = 'AdamW';
  static override readonly configKeys: readonly string[] = [];

  constructor(options: OptimizerKerasOptions<AdamWOptions> = {}) {
    // A non-object goes to Optimizer's constructor as given, which refuses it.
    if (options === null || typeof options !== 'object' || Array.isArray(options)) super(options);
    else {
      // Renamed here (unchecked) so that Keras' weight_decay meets the default; Optimizer checks the keys.
      options = normalizeOptions('AdamW', options, null, OPTIMIZER_ALIASES) as AdamWOptions;
      if (options.weightDecay === null) throw new ValueError('AdamW: weightDecay must be a number >= 0, got null');
      super({ ...options, weightDecay: options.weightDecay ?? 0.004 });
    }
  }
}
