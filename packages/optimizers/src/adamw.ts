import { ValueError } from '@horn/tensor';
import { Adam, type AdamOptions } from './adam.js';

/** Options of {@link AdamW}. */
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

  constructor(options: AdamWOptions = {}) {
    if (options !== null && typeof options === 'object' && options.weightDecay === null) {
      throw new ValueError('AdamW: weightDecay must be a number >= 0, got null');
    }
    super({ ...options, weightDecay: options?.weightDecay ?? 0.004 });
  }
}
