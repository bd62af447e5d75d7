import type { KerasOptions } from '@horn/tensor';
import {
  broadcastTo,
  configKeysOf,
  eye,
  fmt,
  full,
  type NestedArray,
  normalizeOptions,
  ShapeError,
  type Tensor,
  tensor,
  ValueError,
} from '@horn/tensor';
import { checkInitArgs, Initializer, numberOption } from './initializer.js';

/**
 * All zeros.
 * @example new Zeros().apply([2]).arraySync() // [0, 0]
 */
export class Zeros extends Initializer {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Zeros';
  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    return full(shape, 0);
  }
}

/**
 * All ones.
 * @example new Ones().apply([2]).arraySync() // [1, 1]
 */
export class Ones extends Initializer {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'Ones';
  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    return full(shape, 1);
  }
}

/**
 * Options of {@link Constant}.
 * @example
 * new Constant({ value: 3 }).apply([2]).arraySync(); // [3, 3]
 * new Constant({ value: [1, 2] }).apply([2, 2]).arraySync(); // [[1, 2], [1, 2]]
 */
export interface ConstantConfig {
  /** A number, or an array / tensor that broadcasts to the weight's shape. Default 0. */
  value?: number | NestedArray | Tensor;
}

/**
 * A constant: a number filling the weight, or an array (or tensor) broadcast to its shape, as
 * Keras' `Constant` and `constant_initializer` with a weight array.
 * @example new Constant({ value: [[1, 2], [3, 4]] }).apply([2, 2]).arraySync() // [[1, 2], [3, 4]]
 */
export class Constant extends Initializer {
  static override readonly configKeys: readonly string[] = ['value'];
  static override readonly className: string = 'Constant';
  readonly value: number | NestedArray;

  constructor(config: KerasOptions<ConstantConfig> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Initializer)) as ConstantConfig;
    super();
    const v = config.value ?? 0;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new ValueError(`Constant: value must be finite, got ${v}`);
      this.value = v;
    } else if (typeof v === 'object' && v !== null && 'arraySync' in v) {
      this.value = v.arraySync() as NestedArray;
    } else if (Array.isArray(v)) {
      this.value = v;
    } else {
      throw new ValueError(`Constant: value must be a number, an array or a Tensor, got ${JSON.stringify(v)}`);
    }
  }

  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    if (typeof this.value === 'number') return full(shape, this.value);
    const t = tensor(this.value, undefined, 'float32');
    try {
      return broadcastTo(t, shape);
    } catch {
      throw new ShapeError(
        `Constant: a value of shape ${fmt(t.shape)} does not broadcast to the weight shape ${fmt(shape)}`,
      );
    }
  }

  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}

/**
 * Options of {@link Identity}.
 * @example
 * new Identity({ gain: 2 }).apply([2, 2]).arraySync(); // [[2, 0], [0, 2]]
 */
export interface IdentityConfig {
  /** Multiplies the identity matrix. Default 1. */
  gain?: number;
}

/**
 * `gain` times the identity matrix; for 2-D weights only (non-square gives ones on the main diagonal).
 * @example new Identity().apply([2, 2]).arraySync() // [[1, 0], [0, 1]]
 */
export class Identity extends Initializer {
  static override readonly configKeys: readonly string[] = ['gain'];
  static override readonly className: string = 'Identity';
  readonly gain: number;

  constructor(config: KerasOptions<IdentityConfig> = {}) {
    config = normalizeOptions(new.target.className, config, configKeysOf(new.target, Initializer)) as IdentityConfig;
    super();
    this.gain = numberOption(config.gain, 1, 'gain', 'Identity');
  }

  apply(shape: readonly number[], dtype?: 'float32'): Tensor {
    checkInitArgs(this, shape, dtype);
    if (shape.length !== 2) {
      throw new ShapeError(`Identity: only 2-D weights can be initialized to the identity, got shape ${fmt(shape)}`);
    }
    const i = eye(shape[0], shape[1]);
    if (this.gain === 1) return i;
    const out = i.mul(this.gain);
    i.dispose();
    return out;
  }

  override getConfig(): Record<string, unknown> {
    return { gain: this.gain };
  }
}
