import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import type { ConstraintId } from '../constraints/get-constraint.js';
import { layerLabel } from '../engine/input-checks.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';
import { BaseConv, type BaseConvConfig } from './base-conv.js';
import { positiveInteger } from './layer-options.js';
import { serializeWeightSpec, type WeightSpec, weightSpec } from './weight-spec.js';

/**
 * Options of Conv1D, Conv2D and Conv2DTranspose.
 * @example
 * const conv = new Conv2D({ filters: 8, kernelSize: 3, kernelInitializer: 'heNormal', kernelRegularizer: 'l2' });
 * conv.apply(ones([1, 5, 5, 3])).shape; // [1, 3, 3, 8]
 */
export interface ConvConfig extends BaseConvConfig {
  /** The number of output channels (a positive integer). */
  filters: number;
  /** Default 'glorotUniform'. */
  kernelInitializer?: InitializerId;
  kernelRegularizer?: RegularizerId | null;
  kernelConstraint?: ConstraintId | null;
}

/**
 * The base of the convolutions with `filters` and one `kernel` weight (Conv1D, Conv2D,
 * Conv2DTranspose): Keras' BaseConv.
 * @example class Conv3D extends Conv<ConvConfig> { ... }
 */
export abstract class Conv<C extends ConvConfig = ConvConfig> extends BaseConv<C> {
  static override readonly configKeys: readonly string[] = [
    'filters',
    'kernelInitializer',
    'kernelRegularizer',
    'kernelConstraint',
  ];
  readonly filters: number;
  protected readonly kernelSpec: WeightSpec;
  protected kernel: Variable | null = null;

  constructor(config: KerasOptions<C>, spatialRank: number, allowCausal = false) {
    super(config, spatialRank, allowCausal);
    const c = this.config;
    this.filters = positiveInteger(c.filters, 'filters', layerLabel(this));
    this.kernelSpec = weightSpec(c.kernelInitializer, 'glorotUniform', c.kernelRegularizer, c.kernelConstraint);
  }

  /** The kernel's shape for `inputChannels` channels in: `[...kernelSize, in, filters]`. */
  protected kernelShape(inputChannels: number): number[] {
    return [...this.kernelSize, inputChannels, this.filters];
  }

  protected outputChannels(): number {
    return this.filters;
  }

  protected buildKernels(inputChannels: number): void {
    this.kernel = this.addWeight('kernel', this.kernelShape(inputChannels), { ...this.kernelSpec });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), filters: this.filters, ...serializeWeightSpec('kernel', this.kernelSpec) };
  }
}
