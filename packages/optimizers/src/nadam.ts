import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link Nadam}.
 * @example
 * const opt = new Nadam({ learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.89372, 2.10628] (Keras: the same)
 */
export interface NadamOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  beta2?: number;
  /** > 0, added after the square root. Default 1e-7. */
  epsilon?: number;
}

/**
 * Nadam (Adam with Nesterov momentum) as Keras 3, at step `t = iterations + 1`, with the momentum
 * cache `u_i = beta1 * (1 - 0.5 * 0.96^i)` and `P_t = u_1 * ... * u_t`:
 * `m += (g - m) * (1 - beta1)`; `v += (g^2 - v) * (1 - beta2)`;
 * `mHat = u_{t+1} * m / (1 - P_{t+1}) + (1 - u_t) * g / (1 - P_t)`; `vHat = v / (1 - beta2^t)`;
 * `w -= lr * mHat / (sqrt(vHat) + epsilon)`. Keras keeps `P_t` in a variable; it is a function
 * of `iterations`, so Horn computes it and `getWeights` holds only 'momentum' and 'velocity'.
 * @example
 * const opt = new Nadam({ learningRate: 0.01 });
 * opt.getConfig().beta2; // 0.999
 */
export class Nadam extends Optimizer {
  static override readonly className = 'Nadam';
  static override readonly configKeys: readonly string[] = ['beta1', 'beta2', 'epsilon'];
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private cachedStep = 0;
  private cachedProduct = 1;

  constructor(options: OptimizerKerasOptions<NadamOptions> = {}) {
    super(options, { learningRate: 0.001, name: 'nadam' });
    options = this.options as NadamOptions;
    this.beta1 = checkNumber('Nadam', 'beta1', options.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
    this.beta2 = checkNumber('Nadam', 'beta2', options.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
    this.epsilon = checkNumber('Nadam', 'epsilon', options.epsilon ?? 1e-7, { min: 0, minExclusive: true });
  }

  protected slotSpecs(): readonly SlotSpec[] {
    return [{ name: 'momentum' }, { name: 'velocity' }];
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    const t = this.iterations + 1;
    const uT = this.momentumCache(t);
    const uNext = this.momentumCache(t + 1);
    const productT = this.momentumProduct(t);
    const productNext = productT * uNext;
    const { momentum: m, velocity: v } = slots;
    m.assignAdd(g.sub(m).mul(1 - this.beta1));
    v.assignAdd(
      g
        .square()
        .sub(v)
        .mul(1 - this.beta2),
    );
    const mHat = m.mul(uNext / (1 - productNext)).add(g.mul((1 - uT) / (1 - productT)));
    const vHat = v.div(1 - this.beta2 ** t);
    w.assignSub(mHat.mul(lr).div(vHat.sqrt().add(this.epsilon)));
  }

  private momentumCache(step: number): number {
    return this.beta1 * (1 - 0.5 * 0.96 ** step);
  }

  /** `u_1 * ... * u_step`, kept incrementally (recomputed after setWeights moves `iterations`). */
  private momentumProduct(step: number): number {
    if (step < this.cachedStep) {
      this.cachedStep = 0;
      this.cachedProduct = 1;
    }
    while (this.cachedStep < step) this.cachedProduct *= this.momentumCache(++this.cachedStep);
    return this.cachedProduct;
  }

  override getConfig(): OptimizerConfig & { beta1: number; beta2: number; epsilon: number } {
    const { beta1, beta2, epsilon } = this;
    return { ...super.getConfig(), beta1, beta2, epsilon };
  }
}
