import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkBoolean, checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link SGD}.
 * @example
 * const opt = new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.81, 2.38] (Keras: the same)
 */
export interface SGDOptions extends OptimizerOptions {
  /** Default 0.01. */
  learningRate?: OptimizerOptions['learningRate'];
  /** In [0, 1]; 0 is plain gradient descent. Default 0. */
  momentum?: number;
  /** Nesterov momentum. Default false. */
  nesterov?: boolean;
}

/**
 * Gradient descent with optional (Nesterov) momentum, as Keras 3: without momentum
 * `w -= lr * g`; with it `v = momentum * v - lr * g; w += v`, and with `nesterov`
 * `w += momentum * v - lr * g` (v already updated). One slot, 'momentum', when momentum > 0.
 * @example
 * const w = variable(tensor([1]));
 * new SGD({ learningRate: 0.1 }).applyGradients([[tensor([2]), w]]);
 * w.arraySync(); // [0.8]
 */
export class SGD extends Optimizer {
  static override readonly className = 'SGD';
  static override readonly configKeys: readonly string[] = ['momentum', 'nesterov'];
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: OptimizerKerasOptions<SGDOptions> = {}) {
    super(options, { learningRate: 0.01, name: 'SGD' });
    options = this.options as SGDOptions;
    this.momentum = checkNumber('SGD', 'momentum', options.momentum ?? 0, { min: 0, max: 1 });
    this.nesterov = checkBoolean('SGD', 'nesterov', options.nesterov ?? false);
  }

  protected slotSpecs(): readonly SlotSpec[] {
    return this.momentum > 0 ? [{ name: 'momentum' }] : [];
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    if (this.momentum === 0) {
      w.assignSub(g.mul(lr));
      return;
    }
    const v = slots.momentum;
    v.assign(v.mul(this.momentum).sub(g.mul(lr)));
    w.assignAdd(this.nesterov ? v.mul(this.momentum).sub(g.mul(lr)) : v);
  }

  override getConfig(): OptimizerConfig & { momentum: number; nesterov: boolean } {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}
