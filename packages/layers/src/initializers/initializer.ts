import { assertValidShape, configKeysOf, normalizeOptions, type Tensor, ValueError } from '@horn/tensor';

/**
 * The base of weight initializers: `apply(shape)` returns a new float32 tensor of that shape.
 * Subclasses carry the Keras class name and a config that round-trips through the constructor.
 * @example new GlorotUniform({ seed: 1 }).apply([3, 2]).shape // [3, 2]
 */
export abstract class Initializer {
  static readonly className: string;
  /** The option names this class adds itself (camelCase; Keras' snake_case is accepted too). */
  static readonly configKeys: readonly string[] = [];

  /**
   * Checks the options of a initializer class that reads none itself (unknown keys are refused);
   * classes with options normalize and read their own before calling `super()`.
   */
  constructor(config?: object) {
    normalizeOptions(new.target.className, config, configKeysOf(new.target, Initializer));
  }

  /** A new tensor of `shape` with this initializer's values. */
  abstract apply(shape: readonly number[], dtype?: 'float32'): Tensor;

  /** The constructor options, camelCase and JSON-able. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** Rebuilds an initializer from `getConfig()`'s output. */
  static fromConfig<T>(this: new (config?: never) => T, config: Record<string, unknown>): T {
    return new this(config as never);
  }

  /** The Keras class name of this initializer. */
  get className(): string {
    return (this.constructor as typeof Initializer).className;
  }
}

/** Checks an initializer's shape and dtype arguments. @internal */
export function checkInitArgs(init: Initializer, shape: readonly number[], dtype: string | undefined): void {
  assertValidShape(shape, init.className);
  if (dtype !== undefined && dtype !== 'float32') {
    throw new ValueError(`${init.className}: only float32 weights are supported, got dtype '${dtype}'`);
  }
}

/** Reads an optional seed option: a finite number, or null/undefined for the global stream. @internal */
export function seedOption(seed: unknown, owner: string): number | undefined {
  if (seed === undefined || seed === null) return undefined;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ValueError(`${owner}: seed must be a finite number, got ${JSON.stringify(seed)}`);
  }
  return seed;
}

/** Reads a finite number option with a default. @internal */
export function numberOption(value: unknown, fallback: number, option: string, owner: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${owner}: ${option} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}
