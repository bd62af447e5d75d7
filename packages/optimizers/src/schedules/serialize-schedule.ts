import { ValueError } from '@horn/tensor';
import { describeValue } from '../check-options.js';
import { isSerialized, type Serialized } from '../serialized.js';
import { CosineDecay } from './cosine-decay.js';
import { CosineDecayRestarts } from './cosine-decay-restarts.js';
import { ExponentialDecay } from './exponential-decay.js';
import { InverseTimeDecay } from './inverse-time-decay.js';
import { LearningRateSchedule } from './learning-rate-schedule.js';
import { PiecewiseConstantDecay } from './piecewise-constant-decay.js';
import { PolynomialDecay } from './polynomial-decay.js';

/**
 * A schedule class, as `registerSchedule` takes it.
 * @example
 * class Halving extends LearningRateSchedule {
 *   static override readonly className = 'Halving';
 *   call(step: number) { return 0.1 / 2 ** step; }
 *   getConfig() { return {}; }
 * }
 * const cls: ScheduleClass = Halving;
 * registerSchedule(cls);
 * deserializeSchedule({ className: 'Halving', config: {} }).call(1); // 0.05
 */
export type ScheduleClass = {
  readonly className: string;
  readonly prototype: LearningRateSchedule;
  fromConfig(config: never): LearningRateSchedule;
};

const SCHEDULES: ScheduleClass[] = [
  ExponentialDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  InverseTimeDecay,
  CosineDecay,
  CosineDecayRestarts,
];

/**
 * Makes `deserializeSchedule` (and so optimizers' `fromConfig`) know a custom schedule class by
 * its `className`. A class with a built-in schedule's name replaces it.
 * @example
 * class Halving extends LearningRateSchedule {
 *   static override readonly className = 'Halving';
 *   call(step: number) { return 0.1 / 2 ** step; }
 *   getConfig() { return {}; }
 * }
 * registerSchedule(Halving);
 */
export function registerSchedule(cls: ScheduleClass): void {
  const candidate: unknown = cls;
  if (
    typeof candidate !== 'function' ||
    typeof (candidate as { className?: unknown }).className !== 'string' ||
    !(candidate.prototype instanceof LearningRateSchedule)
  ) {
    throw new ValueError(
      `registerSchedule: expected a LearningRateSchedule subclass with a static className, got ${describeValue(cls)}`,
    );
  }
  const i = SCHEDULES.findIndex((c) => c.className.toLowerCase() === cls.className.toLowerCase());
  if (i >= 0) SCHEDULES.splice(i, 1);
  SCHEDULES.push(cls);
}

/**
 * A schedule as `{ className, config }`, what an optimizer's config holds for its learning rate.
 * @example serializeSchedule(new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 })).className // 'ExponentialDecay'
 */
export function serializeSchedule(schedule: LearningRateSchedule): Serialized {
  if (!(schedule instanceof LearningRateSchedule)) {
    throw new ValueError(`serializeSchedule: expected a LearningRateSchedule, got ${describeValue(schedule)}`);
  }
  return { className: schedule.className, config: schedule.getConfig() };
}

/**
 * Recreates a built-in schedule from `{ className, config }`; an instance passes through. An
 * unknown class name throws a ValueError listing the known ones.
 * @example deserializeSchedule({ className: 'InverseTimeDecay', config: { initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 } }).call(2) // 0.05
 */
export function deserializeSchedule(value: LearningRateSchedule | Serialized): LearningRateSchedule {
  if (value instanceof LearningRateSchedule) return value;
  if (!isSerialized(value)) {
    throw new ValueError(
      `deserializeSchedule: expected a LearningRateSchedule or { className, config }, got ${describeValue(value)}`,
    );
  }
  const cls = SCHEDULES.find((c) => c.className.toLowerCase() === value.className.toLowerCase());
  if (!cls) {
    const known = SCHEDULES.map((c) => `'${c.className}'`).join(', ');
    throw new ValueError(`deserializeSchedule: unknown schedule '${value.className}'; valid class names: ${known}`);
  }
  return cls.fromConfig((value.config ?? {}) as never);
}
