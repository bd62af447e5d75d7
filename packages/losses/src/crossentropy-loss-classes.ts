import type { KerasOptions, Tensor, TensorLike } from '@horn/tensor';
import {
  type BinaryFocalCrossentropyOptions,
  binaryCrossentropy,
  binaryFocalCrossentropy,
  type CrossentropyOptions,
  categoricalCrossentropy,
  crossentropyOptions,
  focalOptions,
} from './crossentropy-losses.js';
import { Loss, type LossConfig } from './loss.js';
import { integerOption } from './loss-inputs.js';
import {
  type SparseCategoricalCrossentropyOptions,
  sparseCategoricalCrossentropy,
  sparseCategoricalValidMask,
} from './sparse-categorical-crossentropy.js';

/**
 * Config of {@link BinaryCrossentropy} and {@link CategoricalCrossentropy}.
 * @example
 * const loss = new BinaryCrossentropy({ labelSmoothing: 0.1, reduction: 'sum' });
 * loss.apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync(); // 1.6096 (0.8960 + 0.7136)
 */
export interface CrossentropyConfig extends LossConfig, CrossentropyOptions {}

/**
 * Config of {@link BinaryFocalCrossentropy}.
 * @example
 * const loss = new BinaryFocalCrossentropy({ gamma: 2, applyClassBalancing: true, alpha: 0.25 });
 * loss.apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync(); // 0.1596
 */
export interface BinaryFocalCrossentropyConfig extends LossConfig, BinaryFocalCrossentropyOptions {}

/**
 * Config of {@link SparseCategoricalCrossentropy}.
 * @example
 * const loss = new SparseCategoricalCrossentropy({ fromLogits: true, ignoreClass: -1 });
 * loss.apply([1, -1], [[1, 2], [3, 4]]).arraySync(); // 0.3133: the -1 sample gives 0 and is left out of the mean
 */
export interface SparseCategoricalCrossentropyConfig extends LossConfig {
  /** `yPred` holds logits. Default false. */
  fromLogits?: boolean;
  /** A label whose samples give 0 loss and are left out of the `'sumOverBatchSize'` mean. */
  ignoreClass?: number | null;
}

/**
 * {@link binaryCrossentropy} as a class.
 * @example new BinaryCrossentropy().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).arraySync() // 0.815
 */
export class BinaryCrossentropy extends Loss {
  static override readonly className: string = 'BinaryCrossentropy';
  static override readonly configKeys: readonly string[] = ['fromLogits', 'labelSmoothing', 'axis'];
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  constructor(config: KerasOptions<CrossentropyConfig> = {}) {
    super(config, 'binary_crossentropy');
    config = this.options as CrossentropyConfig;
    ({
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
    } = crossentropyOptions(config, 'BinaryCrossentropy'));
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return binaryCrossentropy(yTrue, yPred, this);
  }
  override getConfig(): CrossentropyConfig {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis };
  }
}

/**
 * {@link binaryFocalCrossentropy} as a class.
 * @example new BinaryFocalCrossentropy({ gamma: 2, fromLogits: true }).apply([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8]).arraySync() // 0.691
 */
export class BinaryFocalCrossentropy extends Loss {
  static override readonly className: string = 'BinaryFocalCrossentropy';
  static override readonly configKeys: readonly string[] = [
    'applyClassBalancing',
    'alpha',
    'gamma',
    'fromLogits',
    'labelSmoothing',
    'axis',
  ];
  readonly applyClassBalancing: boolean;
  readonly alpha: number;
  readonly gamma: number;
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  constructor(config: KerasOptions<BinaryFocalCrossentropyConfig> = {}) {
    super(config, 'binary_focal_crossentropy');
    config = this.options as BinaryFocalCrossentropyConfig;
    const o = focalOptions(config, 'BinaryFocalCrossentropy');
    this.applyClassBalancing = o.applyClassBalancing;
    this.alpha = o.alpha;
    this.gamma = o.gamma;
    this.fromLogits = o.fromLogits;
    this.labelSmoothing = o.labelSmoothing;
    this.axis = o.axis;
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return binaryFocalCrossentropy(yTrue, yPred, this);
  }
  override getConfig(): BinaryFocalCrossentropyConfig {
    return {
      ...super.getConfig(),
      applyClassBalancing: this.applyClassBalancing,
      alpha: this.alpha,
      gamma: this.gamma,
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
    };
  }
}

/**
 * {@link categoricalCrossentropy} as a class.
 * @example new CategoricalCrossentropy().apply([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).arraySync() // 1.177
 */
export class CategoricalCrossentropy extends Loss {
  static override readonly className: string = 'CategoricalCrossentropy';
  static override readonly configKeys: readonly string[] = ['fromLogits', 'labelSmoothing', 'axis'];
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  constructor(config: KerasOptions<CrossentropyConfig> = {}) {
    super(config, 'categorical_crossentropy');
    config = this.options as CrossentropyConfig;
    ({
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
    } = crossentropyOptions(config, 'CategoricalCrossentropy'));
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    return categoricalCrossentropy(yTrue, yPred, this);
  }
  override getConfig(): CrossentropyConfig {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis };
  }
}

/**
 * {@link sparseCategoricalCrossentropy} as a class. With `ignoreClass`, the mean runs over the other
 * samples only (Keras' mask).
 * @example new SparseCategoricalCrossentropy().apply([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).arraySync() // 1.177
 */
export class SparseCategoricalCrossentropy extends Loss {
  static override readonly className: string = 'SparseCategoricalCrossentropy';
  static override readonly configKeys: readonly string[] = ['fromLogits', 'ignoreClass'];
  readonly fromLogits: boolean;
  readonly ignoreClass: number | null;
  constructor(config: KerasOptions<SparseCategoricalCrossentropyConfig> = {}) {
    super(config, 'sparse_categorical_crossentropy');
    config = this.options as SparseCategoricalCrossentropyConfig;
    this.fromLogits = crossentropyOptions(
      { fromLogits: config.fromLogits },
      'SparseCategoricalCrossentropy',
    ).fromLogits;
    const ignoreClass = config.ignoreClass ?? null;
    this.ignoreClass =
      ignoreClass === null ? null : integerOption(ignoreClass, 'ignoreClass', 'SparseCategoricalCrossentropy');
  }
  call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    const options: SparseCategoricalCrossentropyOptions = {
      fromLogits: this.fromLogits,
      ignoreClass: this.ignoreClass,
    };
    return sparseCategoricalCrossentropy(yTrue, yPred, options);
  }
  override getConfig(): SparseCategoricalCrossentropyConfig {
    return { ...super.getConfig(), fromLogits: this.fromLogits, ignoreClass: this.ignoreClass };
  }
  protected override validMask(yTrue: TensorLike, yPred: TensorLike): Tensor | null {
    return sparseCategoricalValidMask(yTrue, yPred, this.ignoreClass);
  }
}
