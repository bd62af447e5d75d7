import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { mul, neg, relu, ShapeError, sub, type Tensor, ValueError } from '@horn/tensor';
import type { Constraint } from '../constraints/constraint.js';
import { type ConstraintId, getConstraint, serializeConstraint } from '../constraints/get-constraint.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { getInitializer, type InitializerId, serializeInitializer } from '../initializers/get-initializer.js';
import type { Initializer } from '../initializers/initializer.js';
import { getRegularizer, type RegularizerId, serializeRegularizer } from '../regularizers/get-regularizer.js';
import type { Regularizer } from '../regularizers/regularizer.js';

/**
 * Options of {@link PReLU}.
 * @example
 * const prelu = new PReLU({ alphaInitializer: 'ones', sharedAxes: [1, 2] });
 * prelu.apply(ones([1, 4, 4, 3]).neg()).shape; // [1, 4, 4, 3]
 * prelu.weights[0].shape; // [1, 1, 3]: one slope per channel
 */
export interface PReLUConfig extends LayerConfig {
  /** Default `'zeros'`. */
  alphaInitializer?: InitializerId;
  alphaRegularizer?: RegularizerId | null;
  alphaConstraint?: ConstraintId | null;
  /** 1-based axes (batch excluded) along which one slope is shared, e.g. `[1, 2]` for one per channel of an image. */
  sharedAxes?: number | number[] | null;
}

/**
 * Parametric ReLU: `x` for `x >= 0`, `alpha · x` otherwise, with a learned `alpha` per input
 * element (shared along `sharedAxes`).
 * @example new PReLU({ alphaInitializer: { className: 'Constant', config: { value: 0.25 } } }).apply(tensor([[-4, 2]])) // [[-1, 2]]
 */
export class PReLU extends Layer<PReLUConfig> {
  static override readonly configKeys: readonly string[] = [
    'alphaInitializer',
    'alphaRegularizer',
    'alphaConstraint',
    'sharedAxes',
  ];
  static override readonly className: string = 'PReLU';
  readonly alphaInitializer: Initializer;
  readonly alphaRegularizer: Regularizer | null;
  readonly alphaConstraint: Constraint | null;
  readonly sharedAxes: number[] | null;
  alpha: Variable | null = null;

  constructor(config: KerasOptions<PReLUConfig> = {}) {
    super(config);
    this.supportsMasking = true; // as Keras 3
    this.alphaInitializer = getInitializer(this.config.alphaInitializer ?? 'zeros');
    this.alphaRegularizer = this.config.alphaRegularizer ? getRegularizer(this.config.alphaRegularizer) : null;
    this.alphaConstraint = this.config.alphaConstraint ? getConstraint(this.config.alphaConstraint) : null;
    const shared = this.config.sharedAxes;
    const axes = shared === undefined || shared === null ? null : Array.isArray(shared) ? [...shared] : [shared];
    if (axes?.some((a) => !Number.isInteger(a) || a < 1)) {
      throw new ValueError(`PReLU: sharedAxes must be 1-based positive integers, got ${JSON.stringify(shared)}`);
    }
    this.sharedAxes = axes;
    this.inputSpec = { minNdim: 2 };
  }

  override build(inputShape: LayerShape): void {
    const paramShape = inputShape.slice(1);
    for (const a of this.sharedAxes ?? []) {
      if (a > paramShape.length) {
        throw new ShapeError(`${layerLabel(this)}: sharedAxes ${a} is out of range for input ${fmtShape(inputShape)}`);
      }
      paramShape[a - 1] = 1;
    }
    if (paramShape.some((d) => d === null)) {
      throw new ShapeError(
        `${layerLabel(this)}: every non-batch dimension that is not in sharedAxes must be known, got ${fmtShape(inputShape)}`,
      );
    }
    this.alpha = this.addWeight('alpha', paramShape as number[], {
      initializer: this.alphaInitializer,
      regularizer: this.alphaRegularizer,
      constraint: this.alphaConstraint,
    });
    const axes: Record<number, number> = {};
    paramShape.forEach((d, i) => {
      if (d !== 1 || !this.sharedAxes?.includes(i + 1)) axes[i + 1] = d as number;
    });
    this.inputSpec = { ndim: inputShape.length, axes };
  }

  override call(x: Tensor): Tensor {
    return sub(relu(x), mul(this.alpha!, relu(neg(x))));
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      alphaInitializer: serializeInitializer(this.alphaInitializer),
      alphaRegularizer: this.alphaRegularizer ? serializeRegularizer(this.alphaRegularizer) : null,
      alphaConstraint: this.alphaConstraint ? serializeConstraint(this.alphaConstraint) : null,
      sharedAxes: this.sharedAxes,
    };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
