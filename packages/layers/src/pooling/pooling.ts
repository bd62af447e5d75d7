import type { KerasOptions } from '@horn/tensor';
import { avgPool2d, maxPool2d, reshape, type Tensor } from '@horn/tensor';
import {
  assertWindowFits,
  type ConvPadding,
  checkDataFormat,
  convOutputLength,
  paddingOption,
} from '../conv/conv-geometry.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { assertInputRank, layerLabel, normalizeTuple } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of the pooling layers (Keras names, camelCase).
 * @example
 * new MaxPooling2D({ poolSize: 2, strides: 1, padding: 'same' }).apply(ones([1, 4, 4, 1])).shape; // [1, 4, 4, 1]
 * new AveragePooling2D({ poolSize: [2, 2] }).apply(ones([1, 4, 4, 1])).shape; // [1, 2, 2, 1]: strides default to poolSize
 */
export interface PoolingConfig extends LayerConfig {
  /** The window: an integer, or one per spatial axis. Default 2. */
  poolSize?: number | readonly number[];
  /** Default: poolSize (Keras' strides=None). */
  strides?: number | readonly number[] | null;
  /** 'valid' (default) or 'same'. */
  padding?: ConvPadding;
  /** Only 'channelsLast' (the default; 'channels_last' too); 'channelsFirst' throws. */
  dataFormat?: 'channelsLast' | 'channels_last' | 'channelsFirst' | 'channels_first';
}

/**
 * The base of MaxPooling1D/2D and AveragePooling1D/2D: a window slid over the spatial axes of a
 * channels-last input, reduced by max or mean (padding never counts).
 * @example class MaxPooling3D extends Pooling { ... }
 */
export abstract class Pooling extends Layer<PoolingConfig> {
  static override readonly configKeys: readonly string[] = ['poolSize', 'strides', 'padding', 'dataFormat'];
  readonly spatialRank: number;
  readonly poolSize: number[];
  readonly strides: number[];
  readonly padding: ConvPadding;
  private readonly reduce: 'max' | 'avg';

  constructor(config: KerasOptions<PoolingConfig> | undefined, spatialRank: number, reduce: 'max' | 'avg') {
    super(config);
    const label = layerLabel(this);
    const c = this.config;
    this.spatialRank = spatialRank;
    this.reduce = reduce;
    this.poolSize = normalizeTuple(c.poolSize ?? 2, spatialRank, `${label}: poolSize`);
    this.strides =
      c.strides === undefined || c.strides === null
        ? [...this.poolSize]
        : normalizeTuple(c.strides, spatialRank, `${label}: strides`);
    this.padding = paddingOption(c.padding ?? 'valid', label) as ConvPadding;
    checkDataFormat(c.dataFormat, label);
    this.inputSpec = { ndim: spatialRank + 2 };
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    assertWindowFits(this, 'pool', this.poolSize, [1, 1], x.shape, this.padding);
    // A 1-D pool runs as a 2-D pool over a height of 1.
    const oneD = this.spatialRank === 1;
    const pair = (v: number[]): [number, number] => (oneD ? [1, v[0]] : [v[0], v[1]]);
    const x4 = oneD ? reshape(x, [x.shape[0], 1, x.shape[1], x.shape[2]]) : x;
    const options = { poolSize: pair(this.poolSize), strides: pair(this.strides), padding: this.padding };
    const y = this.reduce === 'max' ? maxPool2d(x4, options) : avgPool2d(x4, options);
    return oneD ? reshape(y, [y.shape[0], y.shape[2], y.shape[3]]) : y;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, this.spatialRank + 2);
    assertWindowFits(this, 'pool', this.poolSize, [1, 1], shape, this.padding);
    const spatial = shape
      .slice(1, 1 + this.spatialRank)
      .map((d, i) => convOutputLength(d, this.poolSize[i], this.padding, this.strides[i]));
    return [shape[0], ...spatial, shape[shape.length - 1]];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      poolSize: [...this.poolSize],
      strides: [...this.strides],
      padding: this.padding,
      dataFormat: 'channelsLast',
    };
  }
}

/**
 * Max pooling over the steps of `[batch, steps, channels]` (Keras' MaxPooling1D, alias MaxPool1D).
 * @example new MaxPooling1D({ poolSize: 2 }).apply(tensor([[[1], [3], [2], [5]]])).arraySync() // [[[3], [5]]]
 */
export class MaxPooling1D extends Pooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'MaxPooling1D';
  constructor(config?: KerasOptions<PoolingConfig>) {
    super(config, 1, 'max');
  }
}

/**
 * Max pooling over the height and width of NHWC images (Keras' MaxPooling2D, alias MaxPool2D).
 * @example new MaxPooling2D().apply(range(16).reshape([1, 4, 4, 1])).arraySync() // [[[[5], [7]], [[13], [15]]]]
 */
export class MaxPooling2D extends Pooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'MaxPooling2D';
  constructor(config?: KerasOptions<PoolingConfig>) {
    super(config, 2, 'max');
  }
}

/**
 * Average pooling over the steps of `[batch, steps, channels]` (Keras' AveragePooling1D, alias
 * AvgPool1D); with 'same', a window averages its real cells only.
 * @example new AveragePooling1D().apply(tensor([[[1], [3], [2], [6]]])).arraySync() // [[[2], [4]]]
 */
export class AveragePooling1D extends Pooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'AveragePooling1D';
  constructor(config?: KerasOptions<PoolingConfig>) {
    super(config, 1, 'avg');
  }
}

/**
 * Average pooling over the height and width of NHWC images (Keras' AveragePooling2D, alias AvgPool2D).
 * @example new AveragePooling2D().apply(tensor([1, 2, 3, 4], [1, 2, 2, 1])).arraySync() // [[[[2.5]]]]
 */
export class AveragePooling2D extends Pooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'AveragePooling2D';
  constructor(config?: KerasOptions<PoolingConfig>) {
    super(config, 2, 'avg');
  }
}

/** Keras' alias of {@link MaxPooling1D}. @example new MaxPool1D({ poolSize: 3 }) */
export const MaxPool1D = MaxPooling1D;
/** Keras' alias of {@link MaxPooling1D}. */
export type MaxPool1D = MaxPooling1D;
/** Keras' alias of {@link MaxPooling2D}. @example new MaxPool2D({ poolSize: 2, strides: 1 }) */
export const MaxPool2D = MaxPooling2D;
/** Keras' alias of {@link MaxPooling2D}. */
export type MaxPool2D = MaxPooling2D;
/** Keras' alias of {@link AveragePooling1D}. @example new AvgPool1D({ poolSize: 2 }) */
export const AvgPool1D = AveragePooling1D;
/** Keras' alias of {@link AveragePooling1D}. */
export type AvgPool1D = AveragePooling1D;
/** Keras' alias of {@link AveragePooling2D}. @example new AvgPool2D({ poolSize: 2 }) */
export const AvgPool2D = AveragePooling2D;
/** Keras' alias of {@link AveragePooling2D}. */
export type AvgPool2D = AveragePooling2D;
