import { Variable } from '@horn/autograd';
import type { Tensor } from '@horn/tensor';
import type { Constraint } from '../constraints/constraint.js';
import type { Regularizer } from '../regularizers/regularizer.js';

/**
 * A layer's weight: a {@link Variable} that also carries its regularizer and constraint, so a
 * training loop (or an optimizer, as Keras 3 does) can find them: after an update,
 * `if (w.constraint) w.assign(w.constraint.apply(w))`.
 * @example
 * const w = dense.weights[0] as LayerWeight;
 * w.constraint; // the kernel constraint, or null
 */
export class LayerWeight extends Variable {
  /** The penalty this weight adds to `layer.losses`, or null. */
  readonly regularizer: Regularizer | null;
  /** The projection applied after each update, or null. */
  readonly constraint: Constraint | null;
  /** Whether the weight was created trainable (moving statistics are not). */
  readonly declaredTrainable: boolean;

  /** @internal Use `layer.addWeight`. */
  constructor(
    initial: Tensor,
    name: string,
    trainable: boolean,
    regularizer: Regularizer | null,
    constraint: Constraint | null,
  ) {
    super(initial, name, trainable);
    this.declaredTrainable = trainable;
    this.regularizer = regularizer;
    this.constraint = constraint;
  }
}
