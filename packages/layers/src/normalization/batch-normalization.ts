import { stopGradient, type Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, div, mean, mul, reshape, sqrt, sub, type Tensor, tidy, ValueError, variance } from '@horn/tensor';
import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';
import { maskedMoments } from './masked-moments.js';
import { parameterAxes, readAxisOption } from './normalization-axes.js';

/**
 * Options of {@link BatchNormalization}.
 * @example
 * const bn = new BatchNormalization({ axis: -1, momentum: 0.9, epsilon: 1e-3, center: true, scale: false });
 * bn.apply(tensor([[1, 2], [3, 4]]), { training: true }).arraySync(); // [[-0.9995, -0.9995], [0.9995, 0.9995]]
 */
export interface BatchNormalizationConfig extends LayerConfig {
  /** The feature axis (or axes) that keeps its own statistics. Default -1 (channels last). */
  axis?: number | number[];
  /** Moving statistics: `moving = moving · momentum + batch · (1 - momentum)`. Default 0.99. */
  momentum?: number;
  /** Added to the variance. Default 1e-3. */
  epsilon?: number;
  /** Learn an offset `beta`. Default true. */
  center?: boolean;
  /** Learn a scale `gamma`. Default true. */
  scale?: boolean;
  betaInitializer?: InitializerId;
  gammaInitializer?: InitializerId;
  movingMeanInitializer?: InitializerId;
  movingVarianceInitializer?: InitializerId;
  betaRegularizer?: RegularizerId | null;
  gammaRegularizer?: RegularizerId | null;
  betaConstraint?: ConstraintId | null;
  gammaConstraint?: ConstraintId | null;
}

const positive = (value: unknown, fallback: number, option: string, max = Number.POSITIVE_INFINITY) => {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) {
    throw new ValueError(`BatchNormalization: ${option} must be a number in [0, ${max}], got ${JSON.stringify(value)}`);
  }
  return v;
};

/**
 * Batch normalization: `(x - mean) / sqrt(var + epsilon) · gamma + beta` per feature. In training
 * (and when the layer is trainable) it uses the batch's mean and population variance and updates
 * the non-trainable moving statistics; otherwise it uses the moving statistics.
 * @example
 * const bn = new BatchNormalization();
 * bn.apply(tensor([[1], [3]]), { training: true }).arraySync(); // close to [[-1], [1]]
 */
export class BatchNormalization extends Layer<BatchNormalizationConfig> {
  static override readonly configKeys: readonly string[] = [
    'axis',
    'momentum',
    'epsilon',
    'center',
    'scale',
    'betaInitializer',
    'gammaInitializer',
    'movingMeanInitializer',
    'movingVarianceInitializer',
    'betaRegularizer',
    'gammaRegularizer',
    'betaConstraint',
    'gammaConstraint',
  ];
  static override readonly className: string = 'BatchNormalization';
  readonly axis: number | number[];
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly initializers: Record<'beta' | 'gamma' | 'movingMean' | 'movingVariance', Initializer>;
  readonly betaRegularizer: Regularizer | null;
  readonly gammaRegularizer: Regularizer | null;
  readonly betaConstraint: Constraint | null;
  readonly gammaConstraint: Constraint | null;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  movingMean: Variable | null = null;
  movingVariance: Variable | null = null;
  private axes: number[] = [];
  private broadcastShape: number[] = [];

  constructor(config: KerasOptions<BatchNormalizationConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    this.axis = readAxisOption(this.config.axis, 'BatchNormalization');
    this.momentum = positive(this.config.momentum, 0.99, 'momentum', 1);
    this.epsilon = positive(this.config.epsilon, 1e-3, 'epsilon');
    this.center = this.config.center ?? true;
    this.scale = this.config.scale ?? true;
    this.initializers = {
      beta: getInitializer(this.config.betaInitializer ?? 'zeros'),
      gamma: getInitializer(this.config.gammaInitializer ?? 'ones'),
      movingMean: getInitializer(this.config.movingMeanInitializer ?? 'zeros'),
      movingVariance: getInitializer(this.config.movingVarianceInitializer ?? 'ones'),
    };
    this.betaRegularizer = this.config.betaRegularizer ? getRegularizer(this.config.betaRegularizer) : null;
    this.gammaRegularizer = this.config.gammaRegularizer ? getRegularizer(this.config.gammaRegularizer) : null;
    this.betaConstraint = this.config.betaConstraint ? getConstraint(this.config.betaConstraint) : null;
    this.gammaConstraint = this.config.gammaConstraint ? getConstraint(this.config.gammaConstraint) : null;
  }

  override build(inputShape: LayerShape): void {
    const { axes, paramShape, broadcastShape } = parameterAxes(this, this.axis, inputShape);
    this.axes = axes;
    this.broadcastShape = broadcastShape;
    const init = this.initializers;
    if (this.scale) {
      this.gamma = this.addWeight('gamma', paramShape, {
        initializer: init.gamma,
        regularizer: this.gammaRegularizer,
        constraint: this.gammaConstraint,
      });
    }
    if (this.center) {
      this.beta = this.addWeight('beta', paramShape, {
        initializer: init.beta,
        regularizer: this.betaRegularizer,
        constraint: this.betaConstraint,
      });
    }
    this.movingMean = this.addWeight('moving_mean', paramShape, { initializer: init.movingMean, trainable: false });
    this.movingVariance = this.addWeight('moving_variance', paramShape, {
      initializer: init.movingVariance,
      trainable: false,
    });
    this.inputSpec = { ndim: inputShape.length, axes: Object.fromEntries(axes.map((a, i) => [a, paramShape[i]])) };
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    const reduce = x.shape.map((_, i) => i).filter((i) => !this.axes.includes(i));
    const mask = options.mask;
    if (Array.isArray(mask) || (mask && mask.rank !== x.rank - 1)) {
      const got = Array.isArray(mask) ? `a list of ${mask.length} masks` : `mask.shape=${fmtShape(mask!.shape)}`;
      throw new ValueError(
        `${layerLabel(this)}: the mask should have one dimension less than the inputs; got ${got}, inputs.shape=${fmtShape(x.shape)}`,
      );
    }
    let m: Tensor;
    let v: Tensor;
    if (options.training && this.trainable) {
      // Keras 3: with a mask, the batch statistics are those of the unmasked positions.
      [m, v] = mask ? maskedMoments(x, mask, reduce) : [mean(x, reduce, true), variance(x, reduce, true)];
      this.updateMovingStatistics(m, v);
    } else {
      m = reshape(this.movingMean!, this.broadcastShape);
      v = reshape(this.movingVariance!, this.broadcastShape);
    }
    let factor = div(1, sqrt(add(v, this.epsilon)));
    if (this.gamma) factor = mul(factor, reshape(this.gamma, this.broadcastShape));
    const y = mul(sub(x, m), factor);
    return this.beta ? add(y, reshape(this.beta, this.broadcastShape)) : y;
  }

  private updateMovingStatistics(batchMean: Tensor, batchVariance: Tensor): void {
    const shape = this.movingMean!.shape;
    const m = this.momentum;
    tidy(() => {
      const nextMean = add(mul(this.movingMean!, m), mul(reshape(stopGradient(batchMean), shape), 1 - m));
      const nextVar = add(mul(this.movingVariance!, m), mul(reshape(stopGradient(batchVariance), shape), 1 - m));
      this.movingMean!.assign(nextMean);
      this.movingVariance!.assign(nextVar);
    });
  }

  override getConfig(): Record<string, unknown> {
    const init = this.initializers;
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      betaInitializer: serializeInitializer(init.beta),
      gammaInitializer: serializeInitializer(init.gamma),
      movingMeanInitializer: serializeInitializer(init.movingMean),
      movingVarianceInitializer: serializeInitializer(init.movingVariance),
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
