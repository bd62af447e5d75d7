import type { KerasOptions } from '@horn/tensor';
import {
  abs,
  add,
  configKeysOf,
  mul,
  normalizeOptions,
  scalar,
  square,
  sum,
  type Tensor,
  ValueError,
} from '@horn/tensor';

/**
 * The base of weight regularizers: `apply(w)` returns the scalar penalty a layer adds to the loss.
 * @example new L2({ l2: 0.01 }).apply(tensor([1, 2, 3])).arraySync() // 0.14
 */
export abstract class Regularizer {
  static readonly className: string;
  /** The option names this class adds itself (camelCase; Keras' snake_case is accepted too). */
  static readonly configKeys: readonly string[] = [];

  /**
   * Checks the options of a regularizer class that reads none itself (unknown keys are refused);
   * classes with options normalize and read their own before calling `super()`.
   */
  constructor(config?: object) {
    normalizeOptions(new.target.className, config, configKeysOf(new.target, Regularizer));
  }

  /** The scalar penalty for the weight `w`. */
  abstract apply(w: Tensor): Tensor;

  /** The constructor options, camelCase and JSON-able. */
  abstract getConfig(): Record<string, unknown>;

  /** Rebuilds a regularizer from `getConfig()`'s output. */
  static fromConfig<T>(this: new (config?: never) => T, config: Record<string, unknown>): T {
    return new this(config as never);
  }

  /** The Keras class name of this regularizer. */
  get className(): string {
    return (this.constructor as typeof Regularizer).className;
  }
}

function factor(value: unknown, fallback: number, option: string, owner: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValueError(`${owner}: ${option} must be a non-negative finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Options of {@link L1}.
 * @example
 * new L1({ l1: 0.1 }).apply(tensor([1, -2])).arraySync(); // 0.3
 */
export interface L1Config {
  /** Default 0.01 (Keras). */
  l1?: number;
}

/**
 * `l1 · sum(|w|)`.
 * @example new L1({ l1: 0.1 }).apply(tensor([-1, 2])).arraySync() // 0.3
 */
export class L1 extends Regularizer {
  static override readonly configKeys: readonly string[] = ['l1'];
  static override readonly className: string = 'L1';
  readonly l1: number;

  constructor(config: KerasOptions<L1Config> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Regularizer)) as L1Config;
    super();
    this.l1 = factor(config.l1, 0.01, 'l1', 'L1');
  }

  apply(w: Tensor): Tensor {
    return mul(sum(abs(w)), this.l1);
  }

  getConfig(): Record<string, unknown> {
    return { l1: this.l1 };
  }
}

/**
 * Options of {@link L2}.
 * @example
 * new L2({ l2: 0.1 }).apply(tensor([1, -2])).arraySync(); // 0.5
 */
export interface L2Config {
  /** Default 0.01 (Keras). */
  l2?: number;
}

/**
 * `l2 · sum(w²)` (no 1/2 factor, as Keras).
 * @example new L2().apply(tensor([1, 2, 3])).arraySync() // 0.14
 */
export class L2 extends Regularizer {
  static override readonly configKeys: readonly string[] = ['l2'];
  static override readonly className: string = 'L2';
  readonly l2: number;

  constructor(config: KerasOptions<L2Config> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Regularizer)) as L2Config;
    super();
    this.l2 = factor(config.l2, 0.01, 'l2', 'L2');
  }

  apply(w: Tensor): Tensor {
    return mul(sum(square(w)), this.l2);
  }

  getConfig(): Record<string, unknown> {
    return { l2: this.l2 };
  }
}

/**
 * Options of {@link L1L2}.
 * @example
 * new L1L2({ l1: 0.1, l2: 0.01 }).apply(tensor([1, -2])).arraySync(); // 0.35: 0.1 * 3 + 0.01 * 5
 */
export interface L1L2Config {
  /** Default 0 (Keras 3; TF.js defaults to 0.01). */
  l1?: number;
  /** Default 0 (Keras 3; TF.js defaults to 0.01). */
  l2?: number;
}

/**
 * `l1 · sum(|w|) + l2 · sum(w²)`. Both factors default to 0 as in Keras 3's `L1L2`.
 * @example new L1L2({ l1: 0.1, l2: 0.01 }).apply(tensor([1, 2, 3])).arraySync() // 0.74
 */
export class L1L2 extends Regularizer {
  static override readonly configKeys: readonly string[] = ['l1', 'l2'];
  static override readonly className: string = 'L1L2';
  readonly l1: number;
  readonly l2: number;

  constructor(config: KerasOptions<L1L2Config> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Regularizer)) as L1L2Config;
    super();
    this.l1 = factor(config.l1, 0, 'l1', 'L1L2');
    this.l2 = factor(config.l2, 0, 'l2', 'L1L2');
  }

  apply(w: Tensor): Tensor {
    let penalty = scalar(0);
    if (this.l1 !== 0) penalty = add(penalty, mul(sum(abs(w)), this.l1));
    if (this.l2 !== 0) penalty = add(penalty, mul(sum(square(w)), this.l2));
    return penalty;
  }

  getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}
