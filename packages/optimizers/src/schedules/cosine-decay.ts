import type { KerasOptions } from '@horn/tensor';
import { checkNumber } from '../check-options.js';
import { checkStep, LearningRateSchedule, scheduleOptions } from './learning-rate-schedule.js';

/**
 * Options of {@link CosineDecay}.
 * @example
 * const s = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 100, alpha: 0.1 });
 * [s.call(0), s.call(50), s.call(100)]; // [0.1, 0.055, 0.01]
 * const warm = new CosineDecay({ initialLearningRate: 0, decaySteps: 100, warmupTarget: 0.1, warmupSteps: 10 });
 * [warm.call(5), warm.call(10), warm.call(110)]; // [0.05, 0.1, 0] (Keras: the same)
 */
export interface CosineDecayConfig {
  initialLearningRate: number;
  /** Steps of the cosine decay (after the warmup), > 0. */
  decaySteps: number;
  /** The final rate as a fraction of the rate the decay starts from. Default 0. */
  alpha?: number;
  /** Warm up linearly from `initialLearningRate` to this rate, then decay from it. Default null: no warmup. */
  warmupTarget?: number | null;
  /** Steps of the warmup. Default 0. */
  warmupSteps?: number;
  name?: string;
}

/**
 * Cosine decay with an optional linear warmup (Keras 3 `CosineDecay`). With `step` capped at
 * `warmupSteps + decaySteps`: while `step < warmupSteps` the rate is
 * `initial + (warmupTarget - initial) * step / warmupSteps`; then, with `s = step - warmupSteps`
 * and `from = warmupTarget ?? initialLearningRate`, it is
 * `from * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decaySteps)) + alpha)`.
 * @example
 * const s = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 10 });
 * [s.call(5), s.call(10), s.call(15)]; // [0.05, 0.1, 0.05]
 */
export class CosineDecay extends LearningRateSchedule {
  static override readonly className = 'CosineDecay';
  static override readonly configKeys: readonly string[] = [
    'initialLearningRate',
    'decaySteps',
    'alpha',
    'warmupTarget',
    'warmupSteps',
    'name',
  ];
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly alpha: number;
  readonly warmupTarget: number | null;
  readonly warmupSteps: number;
  readonly name: string;

  constructor(config: KerasOptions<CosineDecayConfig>) {
    config = scheduleOptions(new.target, config) as unknown as CosineDecayConfig;
    super();
    const owner = 'CosineDecay';
    this.initialLearningRate = checkNumber(owner, 'initialLearningRate', config.initialLearningRate, { min: 0 });
    this.decaySteps = checkNumber(owner, 'decaySteps', config.decaySteps, { min: 0, minExclusive: true });
    this.alpha = checkNumber(owner, 'alpha', config.alpha ?? 0, { min: 0, max: 1 });
    const target = config.warmupTarget ?? null;
    this.warmupTarget = target === null ? null : checkNumber(owner, 'warmupTarget', target, { min: 0 });
    this.warmupSteps = checkNumber(owner, 'warmupSteps', config.warmupSteps ?? 0, { min: 0 });
    this.name = config.name ?? 'CosineDecay';
  }

  call(step: number): number {
    const s = checkStep('CosineDecay', step);
    if (this.warmupTarget === null) return this.decay(Math.min(s, this.decaySteps), this.initialLearningRate);
    const capped = Math.min(s, this.decaySteps + this.warmupSteps);
    if (capped < this.warmupSteps) {
      const fraction = capped / this.warmupSteps;
      return (this.warmupTarget - this.initialLearningRate) * fraction + this.initialLearningRate;
    }
    return this.decay(capped - this.warmupSteps, this.warmupTarget);
  }

  private decay(step: number, from: number): number {
    const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / this.decaySteps));
    return from * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): Required<CosineDecayConfig> {
    const { initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps, name } = this;
    return { initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps, name };
  }
}
