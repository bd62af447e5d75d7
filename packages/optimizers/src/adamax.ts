import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link Adamax}.
 * @example
 * const opt = new Adamax({ learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.9, 2.1]
 */
export interface AdamaxOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the infinity norm, in [0, 1). Default 0.999. */
  beta2?: number;
  /** > 0. Default 1e-7. */
  epsilon?: number;
}

/**
 * Adamax (Adam with the infinity norm) as Keras 3, at step `t = iterations + 1`:
 * `m += (g - m) * (1 - beta1)`; `u = max(beta2 * u, |g|)`;
 * `w -= lr * m / ((1 - beta1^t) * (u + epsilon))`. Slots: 'momentum', 'norm'.
 * @example
 * const w = variable(tensor([1]));
 * new Adamax({ learningRate: 0.1 }).applyGradients([[tensor([2]), w]]);
 * w.arraySync(); // [0.9]: the first step moves by lr
 */
export class Adamax extends Optimizer {
  static override readonly className = 'Adamax';
  static override readonly configKeys: readonly string[] = ['beta1', 'beta2', 'epsilon'];
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: OptimizerKerasOptions<AdamaxOptions> = {}) {
    super(options, { learningRate: 0.001, name: 'adamax' });
    options = this.options as AdamaxOptions;
    this.beta1 = checkNumber('Adamax', 'beta1', options.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
    this.beta2 = checkNumber('Adamax', 'beta2', options.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
    this.epsilon = checkNumber('Adamax', 'epsilon', options.epsilon ?? 1e-7, { min: 0, minExclusive: true });
  }

  protected slotSpecs(): readonly SlotSpec[] {
    return [{ name: 'momentum' }, { name: 'norm' }];
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    const t = this.iterations + 1;
    const { momentum: m, norm: u } = slots;
    m.assignAdd(g.sub(m).mul(1 - this.beta1));
    u.assign(u.mul(this.beta2).maximum(g.abs()));
    w.assignSub(m.mul(lr).div(u.add(this.epsilon).mul(1 - this.beta1 ** t)));
  }

  override getConfig(): OptimizerConfig & { beta1: number; beta2: number; epsilon: number } {
    const { beta1, beta2, epsilon } = this;
    return { ...super.getConfig(), beta1, beta2, epsilon };
  }
}
