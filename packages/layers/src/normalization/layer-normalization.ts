import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, div, mean, mul, reshape, sqrt, sub, type Tensor, ValueError, variance } from '@horn/tensor';
import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';
import { parameterAxes, readAxisOption } from './normalization-axes.js';

/**
 * Options of {@link LayerNormalization}.
 * @example
 * const ln = new LayerNormalization({ axis: -1, epsilon: 1e-3, center: false, scale: false });
 * ln.apply(tensor([[1, 3]])).arraySync(); // [[-0.9995, 0.9995]]
 */
export interface LayerNormalizationConfig extends LayerConfig {
  /** The axis (or axes) normalized over, per sample. Default -1. */
  axis?: number | number[];
  /** Added to the variance. Default 1e-3. */
  epsilon?: number;
  /** Learn an offset `beta`. Default true. */
  center?: boolean;
  /** Learn a scale `gamma`. Default true. */
  scale?: boolean;
  betaInitializer?: InitializerId;
  gammaInitializer?: InitializerId;
  betaRegularizer?: RegularizerId | null;
  gammaRegularizer?: RegularizerId | null;
  betaConstraint?: ConstraintId | null;
  gammaConstraint?: ConstraintId | null;
}

/**
 * Layer normalization: each sample is normalized over `axis` with its own mean and population
 * variance, `(x - mean) / sqrt(var + epsilon) · gamma + beta`; the same in training and inference.
 * @example new LayerNormalization().apply(tensor([[1, 3]])).arraySync() // close to [[-1, 1]]
 */
export class LayerNormalization extends Layer<LayerNormalizationConfig> {
  static override readonly configKeys: readonly string[] = [
    'axis',
    'epsilon',
    'center',
    'scale',
    'betaInitializer',
    'gammaInitializer',
    'betaRegularizer',
    'gammaRegularizer',
    'betaConstraint',
    'gammaConstraint',
  ];
  static override readonly className: string = 'LayerNormalization';
  readonly axis: number | number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly betaInitializer: Initializer;
  readonly gammaInitializer: Initializer;
  readonly betaRegularizer: Regularizer | null;
  readonly gammaRegularizer: Regularizer | null;
  readonly betaConstraint: Constraint | null;
  readonly gammaConstraint: Constraint | null;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  private axes: number[] = [];
  private broadcastShape: number[] = [];

  constructor(config: KerasOptions<LayerNormalizationConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    this.axis = readAxisOption(this.config.axis, 'LayerNormalization');
    const eps = this.config.epsilon ?? 1e-3;
    if (typeof eps !== 'number' || !Number.isFinite(eps) || eps < 0) {
      throw new ValueError(`LayerNormalization: epsilon must be a finite number >= 0, got ${JSON.stringify(eps)}`);
    }
    this.epsilon = eps;
    this.center = this.config.center ?? true;
    this.scale = this.config.scale ?? true;
    this.betaInitializer = getInitializer(this.config.betaInitializer ?? 'zeros');
    this.gammaInitializer = getInitializer(this.config.gammaInitializer ?? 'ones');
    this.betaRegularizer = this.config.betaRegularizer ? getRegularizer(this.config.betaRegularizer) : null;
    this.gammaRegularizer = this.config.gammaRegularizer ? getRegularizer(this.config.gammaRegularizer) : null;
    this.betaConstraint = this.config.betaConstraint ? getConstraint(this.config.betaConstraint) : null;
    this.gammaConstraint = this.config.gammaConstraint ? getConstraint(this.config.gammaConstraint) : null;
  }

  override build(inputShape: LayerShape): void {
    const { axes, paramShape, broadcastShape } = parameterAxes(this, this.axis, inputShape);
    this.axes = axes;
    this.broadcastShape = broadcastShape;
    if (this.scale) {
      this.gamma = this.addWeight('gamma', paramShape, {
        initializer: this.gammaInitializer,
        regularizer: this.gammaRegularizer,
        constraint: this.gammaConstraint,
      });
    }
    if (this.center) {
      this.beta = this.addWeight('beta', paramShape, {
        initializer: this.betaInitializer,
        regularizer: this.betaRegularizer,
        constraint: this.betaConstraint,
      });
    }
    this.inputSpec = { ndim: inputShape.length, axes: Object.fromEntries(axes.map((a, i) => [a, paramShape[i]])) };
  }

  override call(x: Tensor): Tensor {
    const m = mean(x, this.axes, true);
    const v = variance(x, this.axes, true);
    let factor = div(1, sqrt(add(v, this.epsilon)));
    if (this.gamma) factor = mul(factor, reshape(this.gamma, this.broadcastShape));
    const y = mul(sub(x, m), factor);
    return this.beta ? add(y, reshape(this.beta, this.broadcastShape)) : y;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      axis: this.axis,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: serializeInitializer(this.betaInitializer),
      gammaInitializer: serializeInitializer(this.gammaInitializer),
      betaRegularizer: this.betaRegularizer ? serializeRegularizer(this.betaRegularizer) : null,
      gammaRegularizer: this.gammaRegularizer ? serializeRegularizer(this.gammaRegularizer) : null,
      betaConstraint: this.betaConstraint ? serializeConstraint(this.betaConstraint) : null,
      gammaConstraint: this.gammaConstraint ? serializeConstraint(this.gammaConstraint) : null,
    };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
