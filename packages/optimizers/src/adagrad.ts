import type { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import { checkNumber } from './check-options.js';
import type { OptimizerKerasOptions } from './optimizer.js';
import { Optimizer, type OptimizerConfig, type OptimizerOptions, type SlotSpec } from './optimizer.js';

/**
 * Options of {@link Adagrad}.
 * @example
 * const opt = new Adagrad({ learningRate: 0.1, initialAccumulatorValue: 0.1, epsilon: 1e-7 });
 * const w = variable(tensor([1, 2]));
 * opt.applyGradients([[tensor([1, -2]), w]]);
 * w.arraySync(); // [0.90465, 2.09877] (Keras: the same)
 */
export interface AdagradOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Starting value of the accumulators, >= 0. Default 0.1. */
  initialAccumulatorValue?: number;
  /** > 0, added inside the square root. Default 1e-7. */
  epsilon?: number;
}

/**
 * Adagrad as Keras 3: `acc += g^2; w -= lr * g / sqrt(acc + epsilon)`. One slot, 'accumulator',
 * starting at `initialAccumulatorValue`.
 * @example
 * const w = variable(tensor([1]));
 * new Adagrad({ learningRate: 0.1 }).applyGradients([[tensor([1]), w]]);
 * w.arraySync(); // [1 - 0.1 / sqrt(1.1)] ≈ [0.904654]
 */
export class Adagrad extends Optimizer {
  static override readonly className = 'Adagrad';
  static override readonly configKeys: readonly string[] = ['initialAccumulatorValue', 'epsilon'];
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  constructor(options: OptimizerKerasOptions<AdagradOptions> = {}) {
    super(options, { learningRate: 0.001, name: 'adagrad' });
    options = this.options as AdagradOptions;
    this.initialAccumulatorValue = checkNumber(
      'Adagrad',
      'initialAccumulatorValue',
      options.initialAccumulatorValue ?? 0.1,
      {
        min: 0,
      },
    );
    this.epsilon = checkNumber('Adagrad', 'epsilon', options.epsilon ?? 1e-7, { min: 0, minExclusive: true });
  }

  protected slotSpecs(): readonly SlotSpec[] {
    return [{ name: 'accumulator', initialValue: this.initialAccumulatorValue }];
  }

  protected updateStep(g: Tensor, w: Variable, slots: Readonly<Record<string, Variable>>, lr: number): void {
    const acc = slots.accumulator;
    acc.assignAdd(g.square());
    w.assignSub(g.mul(lr).div(acc.add(this.epsilon).sqrt()));
  }

  override getConfig(): OptimizerConfig & { initialAccumulatorValue: number; epsilon: number } {
    return { ...super.getConfig(), initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}
