import type { KerasOptions } from '@horn/tensor';
import { ValueError } from '@horn/tensor';
import { checkNumber, describeValue } from '../check-options.js';
import { checkStep, LearningRateSchedule, scheduleOptions } from './learning-rate-schedule.js';

/**
 * Options of {@link PiecewiseConstantDecay}.
 * @example
 * const s = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [0.1, 0.01, 0.001] });
 * [s.call(100), s.call(101), s.call(300)]; // [0.1, 0.01, 0.001]
 */
export interface PiecewiseConstantDecayConfig {
  /** Strictly increasing step boundaries. */
  boundaries: readonly number[];
  /** One more value than boundaries: the rate up to and including each boundary, then the last. */
  values: readonly number[];
  name?: string;
}

/**
 * A step function: `values[0]` while `step <= boundaries[0]`, `values[i]` while
 * `boundaries[i-1] < step <= boundaries[i]`, and the last value after the last boundary
 * (Keras `PiecewiseConstantDecay`).
 * @example
 * const s = new PiecewiseConstantDecay({ boundaries: [100, 110], values: [1, 0.5, 0.1] });
 * [s.call(100), s.call(101), s.call(111)]; // [1, 0.5, 0.1]
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  static override readonly className = 'PiecewiseConstantDecay';
  static override readonly configKeys: readonly string[] = ['boundaries', 'values', 'name'];
  readonly boundaries: readonly number[];
  readonly values: readonly number[];
  readonly name: string;

  constructor(config: KerasOptions<PiecewiseConstantDecayConfig>) {
    config = scheduleOptions(new.target, config) as unknown as PiecewiseConstantDecayConfig;
    super();
    const owner = 'PiecewiseConstantDecay';
    const { boundaries, values } = config;
    if (!Array.isArray(boundaries) || !Array.isArray(values)) {
      throw new ValueError(
        `${owner}: boundaries and values must be arrays of numbers, got ${describeValue(boundaries)} and ${describeValue(values)}`,
      );
    }
    if (boundaries.length !== values.length - 1) {
      throw new ValueError(
        `${owner}: expected one more value than boundaries, got ${boundaries.length} boundaries and ${values.length} values`,
      );
    }
    boundaries.forEach((b, i) => {
      checkNumber(owner, `boundaries[${i}]`, b);
      if (i > 0 && b <= boundaries[i - 1]) {
        throw new ValueError(`${owner}: boundaries must be strictly increasing, got ${describeValue(boundaries)}`);
      }
    });
    values.forEach((v, i) => {
      checkNumber(owner, `values[${i}]`, v, { min: 0 });
    });
    this.boundaries = [...boundaries];
    this.values = [...values];
    this.name = config.name ?? 'PiecewiseConstant';
  }

  call(step: number): number {
    checkStep('PiecewiseConstantDecay', step);
    const i = this.boundaries.findIndex((b) => step <= b);
    return this.values[i === -1 ? this.values.length - 1 : i];
  }

  getConfig(): { boundaries: number[]; values: number[]; name: string } {
    return { boundaries: [...this.boundaries], values: [...this.values], name: this.name };
  }
}
