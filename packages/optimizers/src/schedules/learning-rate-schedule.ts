import { configKeysOf, normalizeOptions, ValueError } from '@horn/tensor';
import { describeValue } from '../check-options.js';
import type { ConfigValue } from '../serialized.js';

/**
 * The base of learning-rate schedules: `call(step)` gives the learning rate at an optimizer step
 * (the optimizer's `iterations` before the update, starting at 0). Pass one as an optimizer's
 * `learningRate`. Keras calls a schedule as a function (`schedule(step)`); a TypeScript class
 * cannot be called, so Horn's schedules have a `call` method.
 * @example
 * class Halving extends LearningRateSchedule {
 *   static override readonly className = 'Halving';
 *   call(step: number) { return 0.1 / 2 ** step; }
 *   getConfig() { return {}; }
 * }
 * new SGD({ learningRate: new Halving() });
 */
export abstract class LearningRateSchedule {
  /** The Keras class name, used when saving. */
  static readonly className: string = 'LearningRateSchedule';
  /** The option names this class adds itself (camelCase; Keras' snake_case is accepted too). */
  static readonly configKeys: readonly string[] = [];

  /** The learning rate at `step` (a non-negative number). */
  abstract call(step: number): number;

  /** The options that recreate this schedule through its constructor, camelCase and JSON-able. */
  abstract getConfig(): { [key: string]: ConfigValue };

  /** The Keras class name of this schedule's class. */
  get className(): string {
    return (this.constructor as typeof LearningRateSchedule).className;
  }

  /**
   * Recreates a schedule from `getConfig()`'s output.
   * @example ExponentialDecay.fromConfig(new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }).getConfig())
   */
  static fromConfig<T extends LearningRateSchedule, C>(this: new (config: C) => T, config: C): T {
    return new this(config);
  }
}

/**
 * A schedule's options in camelCase (Keras' `initial_learning_rate` is `initialLearningRate`), with
 * unknown keys refused by name when `cls` declares its `configKeys`.
 * @example config = scheduleOptions(new.target, config) as ExponentialDecayConfig;
 */
export function scheduleOptions(cls: { className: string }, config: unknown): Record<string, unknown> {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ValueError(
      `${cls.className}: expected an options object, got ${describeValue(config)}; Keras' positional form ${cls.className}(initial_learning_rate, ...) is new ${cls.className}({ initialLearningRate, ... }) here`,
    );
  }
  return normalizeOptions(cls.className, config, configKeysOf(cls, LearningRateSchedule));
}

/**
 * Checks a step given to a schedule's `call`: a finite number >= 0.
 * @example checkStep('CosineDecay', 3) // 3
 */
export function checkStep(owner: string, step: unknown): number {
  if (typeof step !== 'number' || !Number.isFinite(step) || step < 0) {
    throw new ValueError(`${owner}.call: step must be a non-negative number, got ${describeValue(step)}`);
  }
  return step;
}
