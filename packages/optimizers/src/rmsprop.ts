import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkBoolean, checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link RMSprop}.
 * @example
 * const opt = new RMSprop({ learningRate: 0.1, rho: 0.9, momentum: 0.5, epsilon: 1e-7, centered: true });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.66667, 2.33333] (Keras: the same)
 */
export interface RMSpropOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Discount of the moving averages, in [0, 1). Default 0.9. */
  rho?: number;
  /** Plain momentum on the increments, in [0, 1]. Default 0. */
  momentum?: number;
  /** > 0. Default 1e-7. */
  epsilon?: number;
  /** Divide by the estimated variance instead of the second moment. Default false. */
  centered?: boolean;
}

/**
 * RMSprop as Keras 3: `ms = rho * ms + (1 - rho) * g^2`; centered also keeps
 * `mg = rho * mg + (1 - rho) * g`; `step = lr * g / sqrt(ms (- mg^2) + epsilon)`;
 * with momentum `mom = momentum * mom + step; w -= mom`, else `w -= step`.
 * Keras 3 adds epsilon inside the square root (Keras 2 and TF.js differ); we follow Keras 3.
 * Slots: 'velocity', then 'momentum' (momentum > 0), then 'average_gradient' (centered).
 * @example
 * const w = variable(tensor([10]));
 * new RMSprop({ learningRate: 0.1 }).minimize(() => w.square().div(2));
 * w.arraySync(); // [9.683772] (the Keras docstring example)
 */
export class RMSprop extends Optimizer {
  static override readonly className = 'RMSprop';
  static override readonly configKeys: readonly string[] = ['rho', 'momentum', 'epsilon', 'centered'];
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  constructor(options: OptimizerKerasOptions<RMSpropOptions> = {}) {
    super(options, { learningRate: 0.001, name: 'rmsprop' });
    options = this.options as RMSpropOptions;
    this.rho = checkNumber('RMSprop', 'rho', options.rho ?? 0.9, { min: 0, max: 1, maxExclusive: true });
    this.momentum = checkNumber('RMSprop', 'momentum', options.momentum ?? 0, { min: 0, max: 1 });
    this.epsilon = checkNumber('RMSprop', 'epsilon', options.epsilon ?? 1e-7, { min: 0, minExclusive: true });
    this.centered = checkBoolean('RMSprop', 'centered', options.centered ?? false);
  }

  protected slotSpecs(): readonly SlotSpec[] {
    const specs: SlotSpec[] = [{ name: 'velocity' }];
    if (this.momentum > 0) specs.push({ name: 'momentum' });
    if (this.centered) specs.push({ name: 'average_gradient' });
    return specs;
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    const { velocity, momentum, average_gradient: averageGradient } = slots;
    velocity.assign(velocity.mul(this.rho).add(g.square().mul(1 - this.rho)));
    let denominator: Tensor;
    if (this.centered) {
      averageGradient.assign(averageGradient.mul(this.rho).add(g.mul(1 - this.rho)));
      denominator = velocity.sub(averageGradient.square()).add(this.epsilon);
    } else {
      denominator = velocity.add(this.epsilon);
    }
    const increment = g.mul(lr).div(denominator.sqrt());
    if (this.momentum > 0) {
      momentum.assign(momentum.mul(this.momentum).add(increment));
      w.assignSub(momentum);
    } else {
      w.assignSub(increment);
    }
  }

  override getConfig(): OptimizerConfig & { rho: number; momentum: number; epsilon: number; centered: boolean } {
    const { rho, momentum, epsilon, centered } = this;
    return { ...super.getConfig(), rho, momentum, epsilon, centered };
  }
}
