import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, formatValue, matmul, reshape, type Tensor, ValueError } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { lastDimension } from '../engine/input-checks.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';

/**
 * Options of {@link Dense}.
 * @example
 * const dense = new Dense({ units: 3, activation: 'relu', useBias: false, kernelInitializer: 'ones' });
 * dense.apply(tensor([[1, 2]])).arraySync(); // [[3, 3, 3]]
 */
export interface DenseConfig extends LayerConfig {
  /** The output size, a positive integer. */
  units: number;
  /** Default linear. */
  activation?: ActivationId | null;
  /** Default true. */
  useBias?: boolean;
  /** Default `'glorotUniform'`. */
  kernelInitializer?: InitializerId;
  /** Default `'zeros'`. */
  biasInitializer?: InitializerId;
  kernelRegularizer?: RegularizerId | null;
  biasRegularizer?: RegularizerId | null;
  kernelConstraint?: ConstraintId | null;
  biasConstraint?: ConstraintId | null;
}

/**
 * A fully connected layer: `activation(x · kernel + bias)` over the last axis of a rank >= 2 input
 * (`[..., inputDim]` -> `[..., units]`), with a `[inputDim, units]` kernel.
 * @example
 * const dense = new Dense({ units: 3, activation: 'relu' });
 * dense.apply(ones([2, 4])).shape; // [2, 3]
 */
export class Dense extends Layer<DenseConfig> {
  static override readonly configKeys: readonly string[] = [
    'units',
    'activation',
    'useBias',
    'kernelInitializer',
    'biasInitializer',
    'kernelRegularizer',
    'biasRegularizer',
    'kernelConstraint',
    'biasConstraint',
  ];
  static override readonly className: string = 'Dense';
  readonly units: number;
  readonly activation: ActivationFn;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
  readonly kernelConstraint: Constraint | null;
  readonly biasConstraint: Constraint | null;
  kernel: Variable | null = null;
  bias: Variable | null = null;

  constructor(config: KerasOptions<DenseConfig>) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    const units = this.config.units;
    if (typeof units !== 'number' || !Number.isInteger(units) || units <= 0) {
      throw new ValueError(`Dense: units must be a positive integer, got ${formatValue(units)}`);
    }
    this.units = units;
    this.activation = getActivation(this.config.activation);
    this.useBias = this.config.useBias ?? true;
    this.kernelInitializer = getInitializer(this.config.kernelInitializer ?? 'glorotUniform');
    this.biasInitializer = getInitializer(this.config.biasInitializer ?? 'zeros');
    this.kernelRegularizer = this.config.kernelRegularizer ? getRegularizer(this.config.kernelRegularizer) : null;
    this.biasRegularizer = this.config.biasRegularizer ? getRegularizer(this.config.biasRegularizer) : null;
    this.kernelConstraint = this.config.kernelConstraint ? getConstraint(this.config.kernelConstraint) : null;
    this.biasConstraint = this.config.biasConstraint ? getConstraint(this.config.biasConstraint) : null;
    this.inputSpec = { minNdim: 2 };
  }

  override build(inputShape: LayerShape): void {
    const inputDim = lastDimension(inputShape, this);
    this.kernel = this.addWeight('kernel', [inputDim, this.units], {
      initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer,
      constraint: this.kernelConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.units], {
        initializer: this.biasInitializer,
        regularizer: this.biasRegularizer,
        constraint: this.biasConstraint,
      });
    }
    this.inputSpec = { minNdim: 2, axes: { [-1]: inputDim } };
  }

  override call(x: Tensor): Tensor {
    const kernel = this.kernel!;
    // Rank > 2 inputs go through one 2-D product: [..., d] -> [n, d] -> [n, units] -> [..., units].
    const flat = x.rank === 2 ? x : reshape(x, [-1, x.shape[x.rank - 1]]);
    let z = matmul(flat, kernel);
    if (this.bias) z = add(z, this.bias);
    if (x.rank !== 2) z = reshape(z, [...x.shape.slice(0, -1), this.units]);
    return this.activation(z);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    return [...inputShape.slice(0, -1), this.units];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
      kernelRegularizer: this.kernelRegularizer ? serializeRegularizer(this.kernelRegularizer) : null,
      biasRegularizer: this.biasRegularizer ? serializeRegularizer(this.biasRegularizer) : null,
      kernelConstraint: this.kernelConstraint ? serializeConstraint(this.kernelConstraint) : null,
      biasConstraint: this.biasConstraint ? serializeConstraint(this.biasConstraint) : null,
    };
  }
}
