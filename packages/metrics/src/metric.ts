import type { KerasOptions, Tensor, TensorLike } from '@horn/tensor';
import { configKeysOf, normalizeOptions, ValueError } from '@horn/tensor';
import { describe } from './metric-inputs.js';

/**
 * Options every {@link Metric} takes.
 * @example
 * const m = new Mean({ name: 'avg_loss', dtype: 'float32' });
 * m.updateState([1, 2, 3]);
 * m.result().arraySync(); // 2, logged as 'avg_loss'
 */
export interface MetricConfig {
  /** The metric's name, the key in training logs. Keras' default is the snake_case class name. */
  name?: string;
  /** The result's dtype; only `'float32'` (Keras' floatx). */
  dtype?: 'float32';
}

/**
 * Checks that a metric's config is an options object (Keras' positional arguments are options in
 * Horn), and returns it.
 * @example checkMetricConfig('Precision', { thresholds: 0.7 })
 */
export function checkMetricConfig<C extends object>(owner: string, config: C): C {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ValueError(
      `${owner}: expected an options object, got ${describe(config)}; Keras' positional arguments are options here: new ${owner}({ ... })`,
    );
  }
  return config;
}

/**
 * The base of every stateful metric, as Keras' `keras.metrics.Metric`: `updateState` accumulates
 * statistics from a batch, `result()` computes the metric from them (a new tensor each call),
 * `resetState()` clears them. State is held in JavaScript numbers, so metrics hold no tensors.
 * @example
 * class CountPositives extends Metric {
 *   private count = 0;
 *   updateState(yTrue: TensorLike) { this.count += sum(greater(yTrue, 0)).dataSync()[0]; }
 *   result() { return scalar(this.count); }
 *   resetState() { this.count = 0; }
 * }
 */
export abstract class Metric {
  /** The Keras class name, used in configs. */
  static readonly className: string = 'Metric';
  /**
   * The option names this class adds itself (camelCase); the constructor accepts those of the
   * whole class chain, in camelCase or Keras' snake_case, and refuses any other by name. A
   * subclass that declares none (a custom metric with custom options) is only normalized.
   */
  static readonly configKeys: readonly string[] = ['name', 'dtype'];
  /** The metric's name. */
  readonly name: string;
  /** The result's dtype. */
  readonly dtype = 'float32' as const;
  /** The constructor options in camelCase (Keras' snake_case renamed, undefined ones dropped). */
  protected readonly options: Readonly<Record<string, unknown>>;

  constructor(config: KerasOptions<MetricConfig> = {}, defaultName = 'metric') {
    const className = (new.target as typeof Metric).className;
    this.options = normalizeOptions(className, checkMetricConfig(className, config), configKeysOf(new.target, Metric));
    config = this.options as MetricConfig;
    const name = config.name ?? defaultName;
    if (typeof name !== 'string' || name === '') {
      throw new ValueError(`${className}: name must be a non-empty string, got ${describe(name)}`);
    }
    if (config.dtype !== undefined && config.dtype !== 'float32') {
      throw new ValueError(`${className}: dtype must be 'float32', got ${describe(config.dtype)}`);
    }
    this.name = name;
  }

  /**
   * Accumulates one batch. Most metrics take `(yTrue, yPred, sampleWeight?)`; `Mean` and `Sum` take
   * `(values, sampleWeight?)`.
   */
  abstract updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void;

  /** The metric over everything accumulated since the last reset. */
  abstract result(): Tensor;

  /** Forgets everything accumulated. */
  abstract resetState(): void;

  /** The class name of this instance (its constructor's static `className`). */
  get className(): string {
    return (this.constructor as typeof Metric).className;
  }

  /** A plain JSON-able config that the constructor (or `fromConfig`) turns back into an equal metric. */
  getConfig(): MetricConfig {
    return { name: this.name, dtype: this.dtype };
  }

  /**
   * Builds a metric from a config, as `new this(config)`.
   * @example AUC.fromConfig({ numThresholds: 3 }).numThresholds // 3
   */
  static fromConfig<T extends Metric, C>(this: new (config: C) => T, config: C): T {
    return new this(config);
  }

  /** `ClassName 'name'`, for error messages. */
  protected get label(): string {
    return `${this.className} '${this.name}'`;
  }
}
