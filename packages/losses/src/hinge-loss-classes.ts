import type { KerasOptions, Tensor, TensorLike } from '@horn/tensor';
import { categoricalHinge, hinge, squaredHinge } from './hinge-losses.js';
import { Loss, type LossConfig } from './loss.js';

/**
 * {@link hinge} as a class.
 * @example new Hinge().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // 1.3
 */
export class Hinge extends Loss {
  static override readonly className: string = 'Hinge';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'hinge');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return hinge(yTrue, yPred);
  }
}

/**
 * {@link squaredHinge} as a class.
 * @example new SquaredHinge().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // 1.86
 */
export class SquaredHinge extends Loss {
  static override readonly className: string = 'SquaredHinge';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'squared_hinge');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return squaredHinge(yTrue, yPred);
  }
}

/**
 * {@link categoricalHinge} as a class.
 * @example new CategoricalHinge().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // 1.4
 */
export class CategoricalHinge extends Loss {
  static override readonly className: string = 'CategoricalHinge';
  static override readonly configKeys: readonly string[] = [];
  constructor(config: KerasOptions<LossConfig> = {}) {
    super(config, 'categorical_hinge');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return categoricalHinge(yTrue, yPred);
  }
}
