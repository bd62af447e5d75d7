import type { KerasOptions } from '@horn/tensor';
import {
  configKeysOf,
  normalizeOptions,
  randomNormal,
  randomUniform,
  type Tensor,
  truncatedNormal,
  ValueError,
} from '@horn/tensor';
import { checkInitArgs, Initializer, numberOption, seedOption } from './initializer.js';

/**
 * Options of {@link RandomNormal} and {@link TruncatedNormal}.
 * @example
 * const init = new RandomNormal({ mean: 0, stddev: 0.05, seed: 1 });
 * init.apply([2]).arraySync(); // the same values on every call: seeded
 */
export interface RandomNormalConfig {
  /** Default 0. */
  mean?: number;
  /** Default 0.05 (Keras). */
  stddev?: number;
  /** A seed makes every `apply` give the same values; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/**
 * Normally distributed values (Keras defaults: mean 0, stddev 0.05).
 * @example new RandomNormal({ stddev: 1, seed: 1 }).apply([3]).shape // [3]
 */
export class RandomNormal extends Initializer {
  static override readonly configKeys: readonly string[] = ['mean', 'stddev', 'seed'];
  static override readonly className: string = 'RandomNormal';
  readonly mean: number;
  readonly stddev: number;
  readonly seed: number | undefined;

  constructor(config: KerasOptions<RandomNormalConfig> = {}) {
    config = normalizeOptions(
      new.target.className,
      config,
      configKeysOf(new.target, Initializer),
    ) as RandomNormalConfig;
    super();
    const owner = new.target.className;
    this.mean = numberOption(config.mean, 0, 'mean', owner);
    this.stddev = numberOption(config.stddev, 0.05, 'stddev', owner);
    if (this.stddev < 0) throw new ValueError(`${owner}: stddev must be non-negative, got ${this.stddev}`);
    this.seed = seedOption(config.seed, owner);
  }

  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    return randomNormal(shape, { mean: this.mean, stddev: this.stddev, seed: this.seed });
  }

  override getConfig(): Record<string, unknown> {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed ?? null };
  }
}

/**
 * Normal values redrawn until within two standard deviations of the mean (Keras defaults: mean
 * 0, stddev 0.05).
 * @example new TruncatedNormal({ stddev: 1, seed: 1 }).apply([100]).abs().max().arraySync() // <= 2
 */
export class TruncatedNormal extends RandomNormal {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'TruncatedNormal';

  override apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    return truncatedNormal(shape, { mean: this.mean, stddev: this.stddev, seed: this.seed });
  }
}

/**
 * Options of {@link RandomUniform}.
 * @example
 * const init = new RandomUniform({ minval: -1, maxval: 1, seed: 1 });
 * init.apply([3]).shape; // [3], values in [-1, 1)
 */
export interface RandomUniformConfig {
  /** Lower bound (included). Default -0.05 (Keras). */
  minval?: number;
  /** Upper bound (excluded). Default 0.05 (Keras). */
  maxval?: number;
  /** A seed makes every `apply` give the same values; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/**
 * Uniformly distributed values in `[minval, maxval)` (Keras defaults: -0.05, 0.05).
 * @example new RandomUniform({ minval: 0, maxval: 1, seed: 1 }).apply([2]).shape // [2]
 */
export class RandomUniform extends Initializer {
  static override readonly configKeys: readonly string[] = ['minval', 'maxval', 'seed'];
  static override readonly className: string = 'RandomUniform';
  readonly minval: number;
  readonly maxval: number;
  readonly seed: number | undefined;

  constructor(config: KerasOptions<RandomUniformConfig> = {}) {
    config = normalizeOptions(
      new.target.className,
      config,
      configKeysOf(new.target, Initializer),
    ) as RandomUniformConfig;
    super();
    this.minval = numberOption(config.minval, -0.05, 'minval', 'RandomUniform');
    this.maxval = numberOption(config.maxval, 0.05, 'maxval', 'RandomUniform');
    if (!(this.maxval > this.minval)) {
      throw new ValueError(
        `RandomUniform: maxval must be greater than minval, got minval=${this.minval}, maxval=${this.maxval}`,
      );
    }
    this.seed = seedOption(config.seed, 'RandomUniform');
  }

  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    return randomUniform(shape, { min: this.minval, max: this.maxval, seed: this.seed });
  }

  override getConfig(): Record<string, unknown> {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed ?? null };
  }
}
