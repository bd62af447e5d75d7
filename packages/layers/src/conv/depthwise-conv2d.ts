import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { depthwiseConv2d, type Tensor } from '@horn/tensor';
import type { ConstraintId } from '../constraints/get-constraint.js';
import { layerLabel } from '../engine/input-checks.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';
import { BaseConv, type BaseConvConfig } from './base-conv.js';
import type { ConvPadding } from './conv-geometry.js';
import { positiveInteger } from './layer-options.js';
import { serializeWeightSpec, type WeightSpec, weightSpec } from './weight-spec.js';

/**
 * Options of {@link DepthwiseConv2D}.
 * @example
 * new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2, padding: 'same' }).apply(ones([1, 8, 8, 3])).shape; // [1, 8, 8, 6]
 */
export interface DepthwiseConv2DConfig extends BaseConvConfig {
  padding?: ConvPadding;
  /** Filters per input channel; the output has `in * depthMultiplier` channels. Default 1. */
  depthMultiplier?: number;
  /** Default 'glorotUniform'. */
  depthwiseInitializer?: InitializerId;
  depthwiseRegularizer?: RegularizerId | null;
  depthwiseConstraint?: ConstraintId | null;
}

/**
 * The depthwise step DepthwiseConv2D and SeparableConv2D share: `[kh, kw, in, depthMultiplier]`
 * filters per channel, with the layer's strides, padding and dilation.
 * @example depthwise(layer, x, kernel).shape // [n, outH, outW, in * depthMultiplier]
 */
export function depthwise(layer: BaseConv, x: Tensor, kernel: Tensor): Tensor {
  return depthwiseConv2d(x, kernel, {
    strides: [layer.strides[0], layer.strides[1]],
    padding: layer.padding as ConvPadding,
    dilations: [layer.dilationRate[0], layer.dilationRate[1]],
  });
}

/**
 * Depthwise 2-D convolution (Keras' DepthwiseConv2D): each input channel is convolved with its own
 * `depthMultiplier` filters (`depthwise_kernel` `[kh, kw, in, depthMultiplier]`), giving
 * `in * depthMultiplier` channels (channel `c * depthMultiplier + m`), then bias and activation.
 * @example
 * const dw = new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2 });
 * dw.apply(zeros([1, 8, 8, 3])).shape; // [1, 6, 6, 6]
 * dw.countParams(); // 3 * 3 * 3 * 2 + 6 = 60
 */
export class DepthwiseConv2D extends BaseConv<DepthwiseConv2DConfig> {
  static override readonly configKeys: readonly string[] = [
    'depthMultiplier',
    'depthwiseInitializer',
    'depthwiseRegularizer',
    'depthwiseConstraint',
  ];
  static override readonly className = 'DepthwiseConv2D';
  readonly depthMultiplier: number;
  protected readonly depthwiseSpec: WeightSpec;
  protected depthwiseKernel: Variable | null = null;

  constructor(config: KerasOptions<DepthwiseConv2DConfig>) {
    super(config, 2);
    const c = this.config;
    this.depthMultiplier = positiveInteger(c.depthMultiplier ?? 1, 'depthMultiplier', layerLabel(this));
    this.depthwiseSpec = weightSpec(
      c.depthwiseInitializer,
      'glorotUniform',
      c.depthwiseRegularizer,
      c.depthwiseConstraint,
    );
  }

  protected outputChannels(inputChannels: number): number {
    return inputChannels * this.depthMultiplier;
  }

  protected buildKernels(inputChannels: number): void {
    this.depthwiseKernel = this.addWeight(
      'depthwise_kernel',
      [...this.kernelSize, inputChannels, this.depthMultiplier],
      { ...this.depthwiseSpec },
    );
  }

  protected convolve(x: Tensor): Tensor {
    return depthwise(this, x, this.depthwiseKernel as Tensor);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      depthMultiplier: this.depthMultiplier,
      ...serializeWeightSpec('depthwise', this.depthwiseSpec),
    };
  }
}
