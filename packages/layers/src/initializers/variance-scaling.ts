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
import { enumOption } from '../engine/identifiers.js';
import { checkInitArgs, Initializer, numberOption, seedOption } from './initializer.js';

/**
 * Keras' `compute_fans`: `[in, out]` for a matrix; for a conv kernel `[..., in, out]` both are
 * multiplied by the receptive field (the product of the leading dims); a vector has fanIn = fanOut
 * = its length; a scalar 1.
 * @example computeFans([3, 3, 16, 32]) // { fanIn: 144, fanOut: 288 }
 */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  let receptive = 1;
  for (const d of shape.slice(0, -2)) receptive *= d;
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

/**
 * Which fan divides the scale.
 * @example
 * const mode: FanMode = 'fanAvg';
 * new VarianceScaling({ scale: 1, mode, distribution: 'uniform', seed: 1 }); // GlorotUniform
 */
export type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';
/**
 * The distribution {@link VarianceScaling} draws from.
 * @example
 * const distribution: ScalingDistribution = 'untruncatedNormal';
 * new VarianceScaling({ scale: 2, mode: 'fanIn', distribution, seed: 1 }).apply([4, 3]).shape; // [4, 3]
 */
export type ScalingDistribution = 'truncatedNormal' | 'untruncatedNormal' | 'uniform';

/**
 * Options of {@link VarianceScaling}.
 * @example
 * const init = new VarianceScaling({ scale: 2, mode: 'fan_in', distribution: 'truncated_normal', seed: 1 });
 * init.apply([4, 3]).shape; // [4, 3]: He normal
 */
export interface VarianceScalingConfig {
  /** Default 1. */
  scale?: number;
  /** `'fanIn'` (default), `'fanOut'` or `'fanAvg'` (snake_case accepted). */
  mode?: FanMode | 'fan_in' | 'fan_out' | 'fan_avg';
  /** `'truncatedNormal'` (default), `'untruncatedNormal'` or `'uniform'` (snake_case accepted). */
  distribution?: ScalingDistribution | 'truncated_normal' | 'untruncated_normal';
  /** A seed makes every `apply` give the same values; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

// The stddev of a standard normal truncated to [-2, 2]; Keras divides by it so the truncated
// distribution keeps the intended variance.
const TRUNCATED_STDDEV = 0.8796256610342398;

/**
 * Keras' `VarianceScaling`: `n` is fanIn, fanOut or their average; truncated normal with stddev
 * `sqrt(scale / n) / 0.8796`, normal with stddev `sqrt(scale / n)`, or uniform in
 * `±sqrt(3 scale / n)`.
 * @example new VarianceScaling({ scale: 2, mode: 'fanIn', seed: 1 }).apply([4, 3]).shape // [4, 3]
 */
export class VarianceScaling extends Initializer {
  static override readonly configKeys: readonly string[] = ['scale', 'mode', 'distribution', 'seed'];
  static override readonly className: string = 'VarianceScaling';
  readonly scale: number;
  readonly mode: FanMode;
  readonly distribution: ScalingDistribution;
  readonly seed: number | undefined;

  constructor(config: KerasOptions<VarianceScalingConfig> = {}) {
    config = normalizeOptions(
      new.target.className,
      config,
      configKeysOf(new.target, Initializer),
    ) as VarianceScalingConfig;
    super();
    const owner = new.target.className;
    this.scale = numberOption(config.scale, 1, 'scale', owner);
    if (!(this.scale > 0)) throw new ValueError(`${owner}: scale must be positive, got ${this.scale}`);
    this.mode = enumOption(config.mode ?? 'fanIn', ['fanIn', 'fanOut', 'fanAvg'], 'mode', owner);
    this.distribution = enumOption(
      config.distribution ?? 'truncatedNormal',
      ['truncatedNormal', 'untruncatedNormal', 'uniform'],
      'distribution',
      owner,
    );
    this.seed = seedOption(config.seed, owner);
  }

  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    const { fanIn, fanOut } = computeFans(shape);
    const n = this.mode === 'fanIn' ? fanIn : this.mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const scale = this.scale / Math.max(1, n);
    const seed = this.seed;
    if (this.distribution === 'truncatedNormal') {
      return truncatedNormal(shape, { stddev: Math.sqrt(scale) / TRUNCATED_STDDEV, seed });
    }
    if (this.distribution === 'untruncatedNormal') return randomNormal(shape, { stddev: Math.sqrt(scale), seed });
    const limit = Math.sqrt(3 * scale);
    return randomUniform(shape, { min: -limit, max: limit, seed });
  }

  override getConfig(): Record<string, unknown> {
    return { scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed ?? null };
  }
}

/**
 * Options of the named variance-scaling initializers (GlorotUniform, HeNormal, ...).
 * @example
 * new GlorotUniform({ seed: 1 }).apply([2, 2]).arraySync(); // the same matrix on every call
 * new HeNormal({ seed: null }); // without a seed: the global stream (setSeed)
 */
export interface SeedConfig {
  /** A seed makes every `apply` give the same values; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

function preset(scale: number, mode: FanMode, distribution: ScalingDistribution) {
  const Preset = class extends VarianceScaling {
    static override readonly configKeys: readonly string[] = ['seed'];
    constructor(config: KerasOptions<SeedConfig> = {}) {
      config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Preset)) as SeedConfig;
      super({ scale, mode, distribution, seed: config.seed });
    }
    override getConfig(): Record<string, unknown> {
      return { seed: this.seed ?? null };
    }
  };
  return Preset;
}

/**
 * Xavier/Glorot uniform: uniform in `±sqrt(6 / (fanIn + fanOut))`. The Dense and Conv kernel default.
 * @example new GlorotUniform({ seed: 1 }).apply([784, 128]).shape // [784, 128]
 */
export class GlorotUniform extends preset(1, 'fanAvg', 'uniform') {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'GlorotUniform';
}

/**
 * Xavier/Glorot normal: truncated normal with stddev `sqrt(2 / (fanIn + fanOut))`.
 * @example new GlorotNormal({ seed: 1 }).apply([4, 4]).shape // [4, 4]
 */
export class GlorotNormal extends preset(1, 'fanAvg', 'truncatedNormal') {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'GlorotNormal';
}

/**
 * He normal: truncated normal with stddev `sqrt(2 / fanIn)` (for ReLU networks).
 * @example new HeNormal({ seed: 1 }).apply([4, 4]).shape // [4, 4]
 */
export class HeNormal extends preset(2, 'fanIn', 'truncatedNormal') {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'HeNormal';
}

/**
 * He uniform: uniform in `±sqrt(6 / fanIn)`.
 * @example new HeUniform({ seed: 1 }).apply([4, 4]).shape // [4, 4]
 */
export class HeUniform extends preset(2, 'fanIn', 'uniform') {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'HeUniform';
}

/**
 * LeCun normal: truncated normal with stddev `sqrt(1 / fanIn)` (for SELU networks).
 * @example new LecunNormal({ seed: 1 }).apply([4, 4]).shape // [4, 4]
 */
export class LecunNormal extends preset(1, 'fanIn', 'truncatedNormal') {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'LecunNormal';
}

/**
 * LeCun uniform: uniform in `±sqrt(3 / fanIn)`.
 * @example new LecunUniform({ seed: 1 }).apply([4, 4]).shape // [4, 4]
 */
export class LecunUniform extends preset(1, 'fanIn', 'uniform') {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'LecunUniform';
}
