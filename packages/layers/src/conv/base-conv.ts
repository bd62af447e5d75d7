import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, type Tensor } from '@horn/tensor';
import {
  type ActivationFn,
  type ActivationId,
  getActivation,
  serializeActivation,
} from '../activations/activations.js';
import type { ConstraintId } from '../constraints/get-constraint.js';
import { assertInputRank, lastDimension, layerLabel, normalizeTuple } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import type { InitializerId } from '../initializers/get-initializer.js';
import type { RegularizerId } from '../regularizers/get-regularizer.js';
import {
  assertStridesOrDilation,
  assertWindowFits,
  type ConvPadding,
  checkDataFormat,
  convOutputLength,
  paddingOption,
} from './conv-geometry.js';
import { booleanOption } from './layer-options.js';
import { singleInput, singleShape } from './single-input.js';
import { serializeWeightSpec, type WeightSpec, weightSpec } from './weight-spec.js';

/**
 * Options every convolution layer shares (Keras names, camelCase).
 * @example
 * new Conv2D({ filters: 4, kernelSize: [3, 3], strides: 1, padding: 'same', dilationRate: 2, activation: 'relu', useBias: false });
 */
export interface BaseConvConfig extends LayerConfig {
  /** The window: an integer or one integer per spatial axis. */
  kernelSize: number | readonly number[];
  /** Default 1. */
  strides?: number | readonly number[];
  /** 'valid' (default) or 'same'; Conv1D also takes 'causal'. Case-insensitive. */
  padding?: ConvPadding | 'causal';
  /** Only 'channelsLast' (the default; 'channels_last' too); 'channelsFirst' throws. */
  dataFormat?: 'channelsLast' | 'channels_last' | 'channelsFirst' | 'channels_first';
  /** Default 1; cannot be combined with strides > 1. */
  dilationRate?: number | readonly number[];
  /** Default none (linear). */
  activation?: ActivationId | null;
  /** Default true. */
  useBias?: boolean;
  /** Default 'zeros'. */
  biasInitializer?: InitializerId;
  biasRegularizer?: RegularizerId | null;
  biasConstraint?: ConstraintId | null;
}

/**
 * The base of Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D and Conv2DTranspose: reads and
 * validates the shared options, checks the input (rank, known channels, a window that fits with
 * 'valid'), adds the bias and applies the activation. Subclasses create their kernels and convolve.
 * @example class MyConv extends BaseConv<Conv2DConfig> { ... }
 */
export abstract class BaseConv<C extends BaseConvConfig = BaseConvConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = [
    'kernelSize',
    'strides',
    'padding',
    'dataFormat',
    'dilationRate',
    'activation',
    'useBias',
    'biasInitializer',
    'biasRegularizer',
    'biasConstraint',
  ];
  /** The number of spatial axes: 1 or 2. */
  readonly spatialRank: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly dilationRate: number[];
  readonly padding: ConvPadding | 'causal';
  readonly useBias: boolean;
  protected readonly activation: ActivationFn;
  protected readonly biasSpec: WeightSpec;
  protected bias: Variable | null = null;

  constructor(config: KerasOptions<C>, spatialRank: number, allowCausal = false) {
    super(config);
    const label = layerLabel(this);
    const c = this.config;
    this.spatialRank = spatialRank;
    this.kernelSize = normalizeTuple(c.kernelSize, spatialRank, `${label}: kernelSize`);
    this.strides = normalizeTuple(c.strides ?? 1, spatialRank, `${label}: strides`);
    this.dilationRate = normalizeTuple(c.dilationRate ?? 1, spatialRank, `${label}: dilationRate`);
    assertStridesOrDilation(this.strides, this.dilationRate, label);
    this.padding = paddingOption(c.padding ?? 'valid', label, allowCausal);
    checkDataFormat(c.dataFormat, label);
    this.useBias = booleanOption(c.useBias, true, 'useBias', label);
    this.activation = getActivation(c.activation);
    this.biasSpec = weightSpec(c.biasInitializer, 'zeros', c.biasRegularizer, c.biasConstraint);
    this.inputSpec = { ndim: spatialRank + 2 };
  }

  /** The channels of the output for `inputChannels` channels in. */
  protected abstract outputChannels(inputChannels: number): number;

  /** Creates the kernel weight(s) for `inputChannels` channels in. */
  protected abstract buildKernels(inputChannels: number): void;

  /** The convolution without bias and activation. */
  protected abstract convolve(x: Tensor): Tensor;

  /** One output spatial size (Keras' conv_output_length; Conv2DTranspose overrides it). */
  protected outputLength(size: number | null, axis: number): number | null {
    return convOutputLength(size, this.kernelSize[axis], this.padding, this.strides[axis], this.dilationRate[axis]);
  }

  /** Throws when the kernel does not fit a 'valid' input (Conv2DTranspose grows its input and skips it). */
  protected checkInputFits(shape: LayerShape): void {
    assertWindowFits(this, 'kernel', this.kernelSize, this.dilationRate, shape, this.padding);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, this.spatialRank + 2);
    const channels = lastDimension(shape, this);
    this.checkInputFits(shape);
    this.buildKernels(channels);
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.outputChannels(channels)], { ...this.biasSpec });
    }
    this.inputSpec = { ndim: this.spatialRank + 2, axes: { [-1]: channels } };
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    this.checkInputFits(x.shape);
    const y = this.convolve(x);
    return this.activation(this.bias ? add(y, this.bias) : y);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, this.spatialRank + 2);
    const channels = lastDimension(shape, this);
    this.checkInputFits(shape);
    const spatial = shape.slice(1, 1 + this.spatialRank).map((d, i) => this.outputLength(d, i));
    return [shape[0], ...spatial, this.outputChannels(channels)];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      dataFormat: 'channelsLast',
      dilationRate: [...this.dilationRate],
      activation: serializeActivation(this.config.activation),
      useBias: this.useBias,
      ...serializeWeightSpec('bias', this.biasSpec),
    };
  }
}
