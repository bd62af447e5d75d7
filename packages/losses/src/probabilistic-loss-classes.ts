import type { KerasOptions, Tensor, TensorLike } from '@horn/tensor';
import { Loss, type LossConfig } from './loss.js';
import { kld, poisson } from './probabilistic-losses.js';

/**
 * {@link kld} (Kullback-Leibler divergence) as a class.
 * @example new KLDivergence().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // 0.458
 */
export class KLDivergence extends Loss {
  static override readonly className: string = 'KLDivergence';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'kl_divergence');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return kld(yTrue, yPred);
  }
}

/**
 * {@link poisson} as a class.
 * @example new Poisson().apply([[0, 1], [0, 0]], [[1, 1], [0, 0]]).arraySync() // 0.5
 */
export class Poisson extends Loss {
  static override readonly className: string = 'Poisson';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'poisson');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return poisson(yTrue, yPred);
  }
}
