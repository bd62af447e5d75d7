import type { KerasOptions } from '@horn/tensor';
import { checkBoolean, checkNumber } from '../check-options.js';
import { checkStep, LearningRateSchedule, scheduleOptions } from './learning-rate-schedule.js';

/**
 * Options of {@link ExponentialDecay}.
 * @example
 * const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
 * [s.call(0), s.call(9), s.call(10), s.call(25)]; // [0.1, 0.1, 0.05, 0.025]
 */
export interface ExponentialDecayConfig {
  initialLearningRate: number;
  /** Steps per decay period, > 0. */
  decaySteps: number;
  decayRate: number;
  /** Decay at whole periods only (`floor(step / decaySteps)`). Default false. */
  staircase?: boolean;
  name?: string;
}

/**
 * `initialLearningRate * decayRate ^ (step / decaySteps)`; with `staircase`, the exponent is
 * `floor(step / decaySteps)` (Keras `ExponentialDecay`).
 * @example
 * const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
 * s.call(20); // 0.025
 */
export class ExponentialDecay extends LearningRateSchedule {
  static override readonly className = 'ExponentialDecay';
  static override readonly configKeys: readonly string[] = [
    'initialLearningRate',
    'decaySteps',
    'decayRate',
    'staircase',
    'name',
  ];
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;
  readonly name: string;

  constructor(config: KerasOptions<ExponentialDecayConfig>) {
    config = scheduleOptions(new.target, config) as unknown as ExponentialDecayConfig;
    super();
    const owner = 'ExponentialDecay';
    this.initialLearningRate = checkNumber(owner, 'initialLearningRate', config.initialLearningRate, { min: 0 });
    this.decaySteps = checkNumber(owner, 'decaySteps', config.decaySteps, { min: 0, minExclusive: true });
    this.decayRate = checkNumber(owner, 'decayRate', config.decayRate, { min: 0 });
    this.staircase = checkBoolean(owner, 'staircase', config.staircase ?? false);
    this.name = config.name ?? 'ExponentialDecay';
  }

  call(step: number): number {
    let p = checkStep('ExponentialDecay', step) / this.decaySteps;
    if (this.staircase) p = Math.floor(p);
    return this.initialLearningRate * this.decayRate ** p;
  }

  getConfig(): Required<ExponentialDecayConfig> {
    const { initialLearningRate, decaySteps, decayRate, staircase, name } = this;
    return { initialLearningRate, decaySteps, decayRate, staircase, name };
  }
}
