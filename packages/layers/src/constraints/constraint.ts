import type { KerasOptions } from '@horn/tensor';
import {
  add,
  cast,
  clip,
  configKeysOf,
  div,
  greaterEqual,
  mul,
  normalizeOptions,
  sqrt,
  square,
  sum,
  type Tensor,
  tidy,
  ValueError,
} from '@horn/tensor';

// Keras' backend.epsilon(), added to norms before dividing.
const EPSILON = 1e-7;

/**
 * The base of weight constraints: `apply(w)` returns the projected weight, which the training
 * loop assigns after each optimizer step (`layer.applyConstraints()`).
 * @example new NonNeg().apply(tensor([-1, 2])).arraySync() // [0, 2]
 */
export abstract class Constraint {
  static readonly className: string;
  /** The option names this class adds itself (camelCase; Keras' snake_case is accepted too). */
  static readonly configKeys: readonly string[] = [];

  /**
   * Checks the options of a constraint class that reads none itself (unknown keys are refused);
   * classes with options normalize and read their own before calling `super()`.
   */
  constructor(config?: object) {
    normalizeOptions(new.target.className, config, configKeysOf(new.target, Constraint));
  }

  /** The constrained value of `w` (a new tensor). */
  abstract apply(w: Tensor): Tensor;

  /** The constructor options, camelCase and JSON-able. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** Rebuilds a constraint from `getConfig()`'s output. */
  static fromConfig<T>(this: new (config?: never) => T, config: Record<string, unknown>): T {
    return new this(config as never);
  }

  /** The Keras class name of this constraint. */
  get className(): string {
    return (this.constructor as typeof Constraint).className;
  }
}

function numberOption(value: unknown, fallback: number, option: string, owner: string, min = 0): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new ValueError(`${owner}: ${option} must be a finite number >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function axisOption(value: unknown, owner: string): number | number[] {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v))) return [...value];
  throw new ValueError(`${owner}: axis must be an integer or an array of integers, got ${JSON.stringify(value)}`);
}

function norms(w: Tensor, axis: number | number[]): Tensor {
  return sqrt(sum(square(w), axis, true));
}

/**
 * Options of {@link MaxNorm}.
 * @example
 * new MaxNorm({ maxValue: 2, axis: 0 }).apply(tensor([[3], [4]])).arraySync(); // [[1.2], [1.6]]: norm 5 scaled to 2
 * new Dense({ units: 3, kernelConstraint: new MaxNorm({ maxValue: 2 }) });
 */
export interface MaxNormConfig {
  /** The largest norm allowed. Default 2. */
  maxValue?: number;
  /** The axis the norms are taken over: 0 (default) gives one norm per column of a Dense kernel. */
  axis?: number | number[];
}

/**
 * Scales down every slice whose L2 norm over `axis` exceeds `maxValue`:
 * `w · clip(n, 0, maxValue) / (eps + n)`.
 * @example new MaxNorm({ maxValue: 2 }).apply(tensor([[3], [4]])).arraySync() // [[1.2], [1.6]]
 */
export class MaxNorm extends Constraint {
  static override readonly configKeys: readonly string[] = ['maxValue', 'axis'];
  static override readonly className: string = 'MaxNorm';
  readonly maxValue: number;
  readonly axis: number | number[];

  constructor(config: KerasOptions<MaxNormConfig> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Constraint)) as MaxNormConfig;
    super();
    this.maxValue = numberOption(config.maxValue, 2, 'maxValue', 'MaxNorm');
    this.axis = axisOption(config.axis, 'MaxNorm');
  }

  apply(w: Tensor): Tensor {
    return tidy(() => {
      const n = norms(w, this.axis);
      return mul(w, div(clip(n, 0, this.maxValue), add(n, EPSILON)));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { maxValue: this.maxValue, axis: this.axis };
  }
}

/**
 * Sets negative weights to zero.
 * @example new NonNeg().apply(tensor([-1, 2])).arraySync() // [0, 2]
 */
export class NonNeg extends Constraint {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'NonNeg';

  apply(w: Tensor): Tensor {
    return tidy(() => mul(w, cast(greaterEqual(w, 0), 'float32')));
  }
}

/**
 * Options of {@link UnitNorm}.
 * @example
 * new UnitNorm({ axis: 0 }).apply(tensor([[3], [4]])).arraySync(); // [[0.6], [0.8]]
 */
export interface UnitNormConfig {
  /** The axis the norms are taken over. Default 0. */
  axis?: number | number[];
}

/**
 * Divides every slice by its L2 norm over `axis`: `w / (eps + n)`.
 * @example new UnitNorm().apply(tensor([[3], [4]])).arraySync() // [[0.6], [0.8]]
 */
export class UnitNorm extends Constraint {
  static override readonly configKeys: readonly string[] = ['axis'];
  static override readonly className: string = 'UnitNorm';
  readonly axis: number | number[];

  constructor(config: KerasOptions<UnitNormConfig> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Constraint)) as UnitNormConfig;
    super();
    this.axis = axisOption(config.axis, 'UnitNorm');
  }

  apply(w: Tensor): Tensor {
    return tidy(() => div(w, add(norms(w, this.axis), EPSILON)));
  }

  override getConfig(): Record<string, unknown> {
    return { axis: this.axis };
  }
}

/**
 * Options of {@link MinMaxNorm}.
 * @example
 * new MinMaxNorm({ minValue: 1, maxValue: 2, rate: 1, axis: 0 }).apply(tensor([[0.3], [0.4]])).arraySync(); // [[0.6], [0.8]]: norm 0.5 raised to 1
 */
export interface MinMaxNormConfig {
  /** Default 0. */
  minValue?: number;
  /** Default 1. */
  maxValue?: number;
  /** How far to move toward the clipped norm per application, in [0, 1]. Default 1. */
  rate?: number;
  /** The axis the norms are taken over. Default 0. */
  axis?: number | number[];
}

/**
 * Keeps slice norms within `[minValue, maxValue]`: `w · (rate · clip(n, min, max) + (1 - rate) · n) / (eps + n)`.
 * @example new MinMaxNorm({ minValue: 1, maxValue: 1 }).apply(tensor([[3], [4]])).arraySync() // [[0.6], [0.8]]
 */
export class MinMaxNorm extends Constraint {
  static override readonly configKeys: readonly string[] = ['minValue', 'maxValue', 'rate', 'axis'];
  static override readonly className: string = 'MinMaxNorm';
  readonly minValue: number;
  readonly maxValue: number;
  readonly rate: number;
  readonly axis: number | number[];

  constructor(config: KerasOptions<MinMaxNormConfig> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Constraint)) as MinMaxNormConfig;
    super();
    this.minValue = numberOption(config.minValue, 0, 'minValue', 'MinMaxNorm');
    this.maxValue = numberOption(config.maxValue, 1, 'maxValue', 'MinMaxNorm');
    if (this.maxValue < this.minValue) {
      throw new ValueError(
        `MinMaxNorm: maxValue must be >= minValue, got minValue=${this.minValue}, maxValue=${this.maxValue}`,
      );
    }
    this.rate = numberOption(config.rate, 1, 'rate', 'MinMaxNorm');
    if (this.rate > 1) throw new ValueError(`MinMaxNorm: rate must be in [0, 1], got ${this.rate}`);
    this.axis = axisOption(config.axis, 'MinMaxNorm');
  }

  apply(w: Tensor): Tensor {
    return tidy(() => {
      const n = norms(w, this.axis);
      const desired = add(mul(clip(n, this.minValue, this.maxValue), this.rate), mul(n, 1 - this.rate));
      return mul(w, div(desired, add(n, EPSILON)));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { minValue: this.minValue, maxValue: this.maxValue, rate: this.rate, axis: this.axis };
  }
}
