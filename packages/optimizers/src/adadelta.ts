import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link Adadelta}.
 * @example
 * const opt = new Adadelta({ learningRate: 1, rho: 0.9, epsilon: 1e-6 });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.99684, 2.00316] (Keras: the same)
 */
export interface AdadeltaOptions extends OptimizerOptions {
  /** Default 0.001 (Keras; the paper's form is 1). */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the running averages, in [0, 1). Default 0.95. */
  rho?: number;
  /** > 0, added inside the square roots. Default 1e-7. */
  epsilon?: number;
}

/**
 * Adadelta as Keras 3: `ag = rho * ag + (1 - rho) * g^2`;
 * `delta = -sqrt(ad + epsilon) * g / sqrt(ag + epsilon)`; `ad = rho * ad + (1 - rho) * delta^2`;
 * `w += lr * delta`. Slots: 'accumulated_grad', 'accumulated_delta_var'.
 * @example
 * const opt = new Adadelta({ learningRate: 1 });
 * opt.getConfig().rho; // 0.95
 */
export class Adadelta extends Optimizer {
  static override readonly className = 'Adadelta';
  static override readonly configKeys: readonly string[] = ['rho', 'epsilon'];
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: OptimizerKerasOptions<AdadeltaOptions> = {}) {
    super(options, { learningRate: 0.001, name: 'adadelta' });
    options = this.options as AdadeltaOptions;
    this.rho = checkNumber('Adadelta', 'rho', options.rho ?? 0.95, { min: 0, max: 1, maxExclusive: true });
    this.epsilon = checkNumber('Adadelta', 'epsilon', options.epsilon ?? 1e-7, { min: 0, minExclusive: true });
  }

  protected slotSpecs(): readonly SlotSpec[] {
    return [{ name: 'accumulated_grad' }, { name: 'accumulated_delta_var' }];
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    const { accumulated_grad: ag, accumulated_delta_var: ad } = slots;
    ag.assign(ag.mul(this.rho).add(g.square().mul(1 - this.rho)));
    const delta = ad.add(this.epsilon).sqrt().mul(g).div(ag.add(this.epsilon).sqrt()).neg();
    ad.assign(ad.mul(this.rho).add(delta.square().mul(1 - this.rho)));
    w.assignAdd(delta.mul(lr));
  }

  override getConfig(): OptimizerConfig & { rho: number; epsilon: number } {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}
