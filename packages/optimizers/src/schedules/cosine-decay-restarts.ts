import type { KerasOptions } from '@horn/tensor';
import { checkNumber } from '../check-options.js';
import { checkStep, LearningRateSchedule, scheduleOptions } from './learning-rate-schedule.js';

/**
 * Options of {@link CosineDecayRestarts}.
 * @example
 * const s = new CosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 2, mMul: 0.5, alpha: 0 });
 * [s.call(0), s.call(5), s.call(10), s.call(20), s.call(30)]; // [0.1, 0.05, 0.05, 0.025, 0.025] (Keras: the same)
 */
export interface CosineDecayRestartsConfig {
  initialLearningRate: number;
  /** Steps of the first period, > 0. */
  firstDecaySteps: number;
  /** Each period is `tMul` times longer than the one before. Default 2. */
  tMul?: number;
  /** Each period starts at `mMul` times the previous period's starting rate. Default 1. */
  mMul?: number;
  /** The rate each period decays to, as a fraction of `initialLearningRate`. Default 0. */
  alpha?: number;
  name?: string;
}

/**
 * Cosine decay with warm restarts, SGDR (Keras `CosineDecayRestarts`). With
 * `f = step / firstDecaySteps`, the period index is `i = floor(f)` when `tMul == 1`, else
 * `i = floor(log(1 - f * (1 - tMul)) / log(tMul))`, and `f` becomes the fraction done of period
 * `i`; the rate is `initial * ((1 - alpha) * 0.5 * mMul^i * (1 + cos(pi * f)) + alpha)`.
 * @example
 * const s = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10 });
 * [s.call(5), s.call(10), s.call(20)]; // [0.5, 1, 0.5]: the second period lasts 20 steps
 */
export class CosineDecayRestarts extends LearningRateSchedule {
  static override readonly className = 'CosineDecayRestarts';
  static override readonly configKeys: readonly string[] = [
    'initialLearningRate',
    'firstDecaySteps',
    'tMul',
    'mMul',
    'alpha',
    'name',
  ];
  readonly initialLearningRate: number;
  readonly firstDecaySteps: number;
  readonly tMul: number;
  readonly mMul: number;
  readonly alpha: number;
  readonly name: string;

  constructor(config: KerasOptions<CosineDecayRestartsConfig>) {
    config = scheduleOptions(new.target, config) as unknown as CosineDecayRestartsConfig;
    super();
    const owner = 'CosineDecayRestarts';
    this.initialLearningRate = checkNumber(owner, 'initialLearningRate', config.initialLearningRate, { min: 0 });
    this.firstDecaySteps = checkNumber(owner, 'firstDecaySteps', config.firstDecaySteps, {
      min: 0,
      minExclusive: true,
    });
    this.tMul = checkNumber(owner, 'tMul', config.tMul ?? 2, { min: 0, minExclusive: true });
    this.mMul = checkNumber(owner, 'mMul', config.mMul ?? 1, { min: 0 });
    this.alpha = checkNumber(owner, 'alpha', config.alpha ?? 0, { min: 0, max: 1 });
    this.name = config.name ?? 'SGDRDecay';
  }

  call(step: number): number {
    let fraction = checkStep('CosineDecayRestarts', step) / this.firstDecaySteps;
    let restart: number;
    if (this.tMul === 1) {
      restart = Math.floor(fraction);
      fraction -= restart;
    } else {
      // Periods 0..i-1 sum to (1 - tMul^i) / (1 - tMul) first periods: invert that for i.
      restart = Math.floor(Math.log(1 - fraction * (1 - this.tMul)) / Math.log(this.tMul));
      const done = (1 - this.tMul ** restart) / (1 - this.tMul);
      fraction = (fraction - done) / this.tMul ** restart;
    }
    const cosine = 0.5 * this.mMul ** restart * (1 + Math.cos(Math.PI * fraction));
    return this.initialLearningRate * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): Required<CosineDecayRestartsConfig> {
    const { initialLearningRate, firstDecaySteps, tMul, mMul, alpha, name } = this;
    return { initialLearningRate, firstDecaySteps, tMul, mMul, alpha, name };
  }
}
