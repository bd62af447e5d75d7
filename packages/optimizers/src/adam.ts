import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkBoolean, checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link Adam}.
 * @example
 * const opt = new Adam({ learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, amsgrad: true });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.9, 2.1]: Adam's first step moves each weight by about learningRate
 */
export interface AdamOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  beta2?: number;
  /** > 0, added after the square root ("epsilon hat"). Default 1e-7. */
  epsilon?: number;
  /** The AMSGrad variant: divide by the running maximum of the second moment. Default false. */
  amsgrad?: boolean;
}

/**
 * Adam as Keras 3, at step `t = iterations + 1`:
 * `alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)`; `m += (g - m) * (1 - beta1)`;
 * `v += (g^2 - v) * (1 - beta2)`; `w -= alpha * m / (sqrt(v) + epsilon)`. With `amsgrad`,
 * `vHat = max(vHat, v)` replaces `v` in the update. Keras' option names `beta_1`/`beta_2` are
 * `beta1`/`beta2` here (as TF.js). Slots: 'momentum', 'velocity', then 'velocity_hat' (amsgrad).
 * @example
 * const w = variable(tensor([1, -2]));
 * const adam = new Adam({ learningRate: 0.1 });
 * for (let i = 0; i < 100; i++) adam.minimize(() => w.sub(0.5).square().sum());
 */
export class Adam extends Optimizer {
  static override readonly className: string = 'Adam';
  static override readonly configKeys: readonly string[] = ['beta1', 'beta2', 'epsilon', 'amsgrad'];
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;

  constructor(options: OptimizerKerasOptions<AdamOptions> = {}) {
    super(options, { learningRate: 0.001, name: new.target === Adam ? 'adam' : new.target.className.toLowerCase() });
    options = this.options as AdamOptions;
    const owner = this.className;
    this.beta1 = checkNumber(owner, 'beta1', options.beta1 ?? 0.9, { min: 0, max: 1, maxExclusive: true });
    this.beta2 = checkNumber(owner, 'beta2', options.beta2 ?? 0.999, { min: 0, max: 1, maxExclusive: true });
    this.epsilon = checkNumber(owner, 'epsilon', options.epsilon ?? 1e-7, { min: 0, minExclusive: true });
    this.amsgrad = checkBoolean(owner, 'amsgrad', options.amsgrad ?? false);
  }

  protected slotSpecs(): readonly SlotSpec[] {
    const specs: SlotSpec[] = [{ name: 'momentum' }, { name: 'velocity' }];
    if (this.amsgrad) specs.push({ name: 'velocity_hat' });
    return specs;
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    const t = this.iterations + 1;
    const alpha = (lr * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    const { momentum: m, velocity: v, velocity_hat: vHat } = slots;
    m.assignAdd(g.sub(m).mul(1 - this.beta1));
    v.assignAdd(
      g
        .square()
        .sub(v)
        .mul(1 - this.beta2),
    );
    let second: Tensor = v;
    if (this.amsgrad) {
      vHat.assign(vHat.maximum(v));
      second = vHat;
    }
    w.assignSub(m.mul(alpha).div(second.sqrt().add(this.epsilon)));
  }

  override getConfig(): OptimizerConfig & { beta1: number; beta2: number; epsilon: number; amsgrad: boolean } {
    const { beta1, beta2, epsilon, amsgrad } = this;
    return { ...super.getConfig(), beta1, beta2, epsilon, amsgrad };
  }
}
