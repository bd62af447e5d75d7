import { ValueError } from '@horn/tensor';
import { checkNumber, describeValue } from './check-options.js';
import { LearningRateSchedule } from './schedules/learning-rate-schedule.js';
import { deserializeSchedule } from './schedules/serialize-schedule.js';
import { isSerialized } from './serialized.js';

/**
 * An optimizer's learning rate from what its options hold: a number >= 0, a schedule, or a
 * serialized schedule `{ className, config }` (restored).
 * @example resolveLearningRate('Adam', 0.01) // 0.01
 */
export function resolveLearningRate(owner: string, value: unknown): number | LearningRateSchedule {
  if (value instanceof LearningRateSchedule) return value;
  if (isSerialized(value)) return deserializeSchedule(value);
  if (typeof value !== 'number') {
    throw new ValueError(
      `${owner}: learningRate must be a number >= 0 or a LearningRateSchedule, got ${describeValue(value)}`,
    );
  }
  return checkNumber(owner, 'learningRate', value, { min: 0 });
}
