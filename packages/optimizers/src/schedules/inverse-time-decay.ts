import type { KerasOptions } from '@horn/tensor';
import { checkBoolean, checkNumber } from '../check-options.js';
import { checkStep, LearningRateSchedule, scheduleOptions } from './learning-rate-schedule.js';

/**
 * Options of {@link InverseTimeDecay}.
 * @example
 * const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1 });
 * [s.call(0), s.call(10), s.call(30)]; // [0.1, 0.05, 0.025]: 0.1 / (1 + step / 10)
 */
export interface InverseTimeDecayConfig {
  initialLearningRate: number;
  /** Steps per decay period, > 0. */
  decaySteps: number;
  decayRate: number;
  /** Decay at whole periods only (`floor(step / decaySteps)`). Default false. */
  staircase?: boolean;
  name?: string;
}

/**
 * `initialLearningRate / (1 + decayRate * step / decaySteps)`; with `staircase`,
 * `step / decaySteps` is floored (Keras `InverseTimeDecay`).
 * @example
 * const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
 * s.call(2); // 0.05
 */
export class InverseTimeDecay extends LearningRateSchedule {
  static override readonly className = 'InverseTimeDecay';
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

  constructor(config: KerasOptions<InverseTimeDecayConfig>) {
    config = scheduleOptions(new.target, config) as unknown as InverseTimeDecayConfig;
    super();
    const owner = 'InverseTimeDecay';
    this.initialLearningRate = checkNumber(owner, 'initialLearningRate', config.initialLearningRate, { min: 0 });
    this.decaySteps = checkNumber(owner, 'decaySteps', config.decaySteps, { min: 0, minExclusive: true });
    this.decayRate = checkNumber(owner, 'decayRate', config.decayRate, { min: 0 });
    this.staircase = checkBoolean(owner, 'staircase', config.staircase ?? false);
    this.name = config.name ?? 'InverseTimeDecay';
  }

  call(step: number): number {
    let p = checkStep('InverseTimeDecay', step) / this.decaySteps;
    if (this.staircase) p = Math.floor(p);
    return this.initialLearningRate / (1 + this.decayRate * p);
  }

  getConfig(): Required<InverseTimeDecayConfig> {
    const { initialLearningRate, decaySteps, decayRate, staircase, name } = this;
    return { initialLearningRate, decaySteps, decayRate, staircase, name };
  }
}
