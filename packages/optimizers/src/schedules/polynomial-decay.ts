import type { KerasOptions } from '@horn/tensor';
import { checkBoolean, checkNumber } from '../check-options.js';
import { checkStep, LearningRateSchedule, scheduleOptions } from './learning-rate-schedule.js';

/**
 * Options of {@link PolynomialDecay}.
 * @example
 * const s = new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 100, endLearningRate: 0.01, power: 2 });
 * [s.call(0), s.call(50), s.call(100), s.call(200)]; // [0.1, 0.0325, 0.01, 0.01] (Keras: the same)
 */
export interface PolynomialDecayConfig {
  initialLearningRate: number;
  /** Steps to reach `endLearningRate`, > 0. */
  decaySteps: number;
  /** Default 1e-4. */
  endLearningRate?: number;
  /** Default 1 (linear). */
  power?: number;
  /** Restart from a multiple of `decaySteps` instead of staying at the end rate. Default false. */
  cycle?: boolean;
  name?: string;
}

/**
 * `(initial - end) * (1 - step / decaySteps) ^ power + end`, with `step` capped at `decaySteps`;
 * with `cycle`, `decaySteps` is instead multiplied by `ceil(step / decaySteps)` (1 at step 0)
 * (Keras `PolynomialDecay`).
 * @example
 * const s = new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.01 });
 * s.call(5); // 0.055
 */
export class PolynomialDecay extends LearningRateSchedule {
  static override readonly className = 'PolynomialDecay';
  static override readonly configKeys: readonly string[] = [
    'initialLearningRate',
    'decaySteps',
    'endLearningRate',
    'power',
    'cycle',
    'name',
  ];
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;
  readonly name: string;

  constructor(config: KerasOptions<PolynomialDecayConfig>) {
    config = scheduleOptions(new.target, config) as unknown as PolynomialDecayConfig;
    super();
    const owner = 'PolynomialDecay';
    this.initialLearningRate = checkNumber(owner, 'initialLearningRate', config.initialLearningRate, { min: 0 });
    this.decaySteps = checkNumber(owner, 'decaySteps', config.decaySteps, { min: 0, minExclusive: true });
    this.endLearningRate = checkNumber(owner, 'endLearningRate', config.endLearningRate ?? 1e-4, { min: 0 });
    this.power = checkNumber(owner, 'power', config.power ?? 1);
    this.cycle = checkBoolean(owner, 'cycle', config.cycle ?? false);
    this.name = config.name ?? 'PolynomialDecay';
  }

  call(step: number): number {
    let s = checkStep('PolynomialDecay', step);
    let decaySteps = this.decaySteps;
    if (this.cycle) decaySteps *= s === 0 ? 1 : Math.ceil(s / decaySteps);
    else s = Math.min(s, decaySteps);
    const p = s / decaySteps;
    return (this.initialLearningRate - this.endLearningRate) * (1 - p) ** this.power + this.endLearningRate;
  }

  getConfig(): Required<PolynomialDecayConfig> {
    const { initialLearningRate, decaySteps, endLearningRate, power, cycle, name } = this;
    return { initialLearningRate, decaySteps, endLearningRate, power, cycle, name };
  }
}
