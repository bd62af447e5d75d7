import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { conv2d, type Tensor } from '@horn/tensor';
import type { ConstraintId } from '../constraints/get-constraint.js';
import { layerLabel } from '../engine/input-checks.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';
import { BaseConv, type BaseConvConfig } from './base-conv.js';
import type { ConvPadding } from './conv-geometry.js';
import { depthwise } from './depthwise-conv2d.js';
import { positiveInteger } from './layer-options.js';
import { serializeWeightSpec, type WeightSpec, weightSpec } from './weight-spec.js';

/**
 * Options of {@link SeparableConv2D}.
 * @example
 * new SeparableConv2D({ filters: 16, kernelSize: 3, depthMultiplier: 1, padding: 'same' }).apply(ones([1, 8, 8, 3])).shape; // [1, 8, 8, 16]
 */
export interface SeparableConv2DConfig extends BaseConvConfig {
  padding?: ConvPadding;
  /** The number of output channels. */
  filters: number;
  /** Depthwise filters per input channel. Default 1. */
  depthMultiplier?: number;
  /** Default 'glorotUniform'. */
  depthwiseInitializer?: InitializerId;
  /** Default 'glorotUniform'. */
  pointwiseInitializer?: InitializerId;
  depthwiseRegularizer?: RegularizerId | null;
  pointwiseRegularizer?: RegularizerId | null;
  depthwiseConstraint?: ConstraintId | null;
  pointwiseConstraint?: ConstraintId | null;
}

/**
 * Depthwise separable 2-D convolution (Keras' SeparableConv2D): a depthwise convolution
 * (`depthwise_kernel` `[kh, kw, in, depthMultiplier]`, with the strides, padding and dilation),
 * then a 1x1 pointwise convolution (`pointwise_kernel` `[1, 1, in * depthMultiplier, filters]`),
 * then bias and activation.
 * @example
 * const sep = new SeparableConv2D({ filters: 8, kernelSize: 3 });
 * sep.apply(zeros([1, 8, 8, 4])).shape; // [1, 6, 6, 8]
 * sep.countParams(); // 3*3*4 + 4*8 + 8 = 76
 */
export class SeparableConv2D extends BaseConv<SeparableConv2DConfig> {
  static override readonly configKeys: readonly string[] = [
    'filters',
    'depthMultiplier',
    'depthwiseInitializer',
    'pointwiseInitializer',
    'depthwiseRegularizer',
    'pointwiseRegularizer',
    'depthwiseConstraint',
    'pointwiseConstraint',
  ];
  static override readonly className = 'SeparableConv2D';
  readonly filters: number;
  readonly depthMultiplier: number;
  protected readonly depthwiseSpec: WeightSpec;
  protected readonly pointwiseSpec: WeightSpec;
  protected depthwiseKernel: Variable | null = null;
  protected pointwiseKernel: Variable | null = null;

  constructor(config: KerasOptions<SeparableConv2DConfig>) {
    super(config, 2);
    const c = this.config;
    const label = layerLabel(this);
    this.filters = positiveInteger(c.filters, 'filters', label);
    this.depthMultiplier = positiveInteger(c.depthMultiplier ?? 1, 'depthMultiplier', label);
    this.depthwiseSpec = weightSpec(
      c.depthwiseInitializer,
      'glorotUniform',
      c.depthwiseRegularizer,
      c.depthwiseConstraint,
    );
    this.pointwiseSpec = weightSpec(
      c.pointwiseInitializer,
      'glorotUniform',
      c.pointwiseRegularizer,
      c.pointwiseConstraint,
    );
  }

  protected outputChannels(): number {
    return this.filters;
  }

  protected buildKernels(inputChannels: number): void {
    this.depthwiseKernel = this.addWeight(
      'depthwise_kernel',
      [...this.kernelSize, inputChannels, this.depthMultiplier],
      { ...this.depthwiseSpec },
    );
    this.pointwiseKernel = this.addWeight(
      'pointwise_kernel',
      [1, 1, inputChannels * this.depthMultiplier, this.filters],
      { ...this.pointwiseSpec },
    );
  }

  protected convolve(x: Tensor): Tensor {
    return conv2d(depthwise(this, x, this.depthwiseKernel as Tensor), this.pointwiseKernel as Tensor);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      filters: this.filters,
      depthMultiplier: this.depthMultiplier,
      ...serializeWeightSpec('depthwise', this.depthwiseSpec),
      ...serializeWeightSpec('pointwise', this.pointwiseSpec),
    };
  }
}
