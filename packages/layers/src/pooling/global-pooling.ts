import type { KerasOptions } from '@horn/tensor';
import { cast, div, expandDims, max, mean, ShapeError, sum, type Tensor, where } from '@horn/tensor';
import { checkDataFormat } from '../conv/conv-geometry.js';
import { booleanOption } from '../conv/layer-options.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { assertInputRank, fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of the global pooling layers.
 * @example
 * new GlobalAveragePooling2D({ keepdims: true }).apply(ones([2, 4, 4, 3])).shape; // [2, 1, 1, 3]
 * new GlobalMaxPooling2D().apply(ones([2, 4, 4, 3])).shape; // [2, 3]
 */
export interface GlobalPoolingConfig extends LayerConfig {
  /** Keep the spatial axes with size 1 (`[n, 1, 1, c]`). Default false. */
  keepdims?: boolean;
  /** Only 'channelsLast' (the default; 'channels_last' too); 'channelsFirst' throws. */
  dataFormat?: 'channelsLast' | 'channels_last' | 'channelsFirst' | 'channels_first';
}

/**
 * The base of the global pooling layers: max or mean over every spatial axis of a channels-last
 * input, `[n, ...spatial, c]` -> `[n, c]`.
 * @example class GlobalMaxPooling3D extends GlobalPooling { ... }
 */
export abstract class GlobalPooling extends Layer<GlobalPoolingConfig> {
  static override readonly configKeys: readonly string[] = ['keepdims', 'dataFormat'];
  readonly spatialRank: number;
  readonly keepdims: boolean;
  private readonly reduce: 'max' | 'avg';

  constructor(config: KerasOptions<GlobalPoolingConfig> | undefined, spatialRank: number, reduce: 'max' | 'avg') {
    super(config);
    const label = layerLabel(this);
    this.spatialRank = spatialRank;
    this.reduce = reduce;
    this.keepdims = booleanOption(this.config.keepdims, false, 'keepdims', label);
    checkDataFormat(this.config.dataFormat, label);
    this.inputSpec = { ndim: spatialRank + 2 };
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    const axes = Array.from({ length: this.spatialRank }, (_, i) => i + 1);
    return this.reduce === 'max' ? max(x, axes, this.keepdims) : mean(x, axes, this.keepdims);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, this.spatialRank + 2);
    const channels = shape[shape.length - 1];
    return this.keepdims ? [shape[0], ...new Array<number>(this.spatialRank).fill(1), channels] : [shape[0], channels];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: 'channelsLast', keepdims: this.keepdims };
  }
}

/**
 * The maximum over the steps of `[batch, steps, channels]` -> `[batch, channels]` (Keras'
 * GlobalMaxPooling1D, alias GlobalMaxPool1D).
 * @example new GlobalMaxPooling1D().apply(tensor([[[1, 5], [3, 2]]])).arraySync() // [[3, 5]]
 */
export class GlobalMaxPooling1D extends GlobalPooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'GlobalMaxPooling1D';
  constructor(config?: KerasOptions<GlobalPoolingConfig>) {
    super(config, 1, 'max');
  }
}

/**
 * The maximum over the height and width of NHWC images -> `[batch, channels]` (Keras'
 * GlobalMaxPooling2D, alias GlobalMaxPool2D).
 * @example new GlobalMaxPooling2D().apply(tensor([1, 4, 3, 2], [1, 2, 2, 1])).arraySync() // [[4]]
 */
export class GlobalMaxPooling2D extends GlobalPooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'GlobalMaxPooling2D';
  constructor(config?: KerasOptions<GlobalPoolingConfig>) {
    super(config, 2, 'max');
  }
}

/**
 * The mean over the steps of `[batch, steps, channels]` -> `[batch, channels]` (Keras'
 * GlobalAveragePooling1D, alias GlobalAvgPool1D).
 * @example new GlobalAveragePooling1D().apply(tensor([[[1, 5], [3, 2]]])).arraySync() // [[2, 3.5]]
 */
export class GlobalAveragePooling1D extends GlobalPooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'GlobalAveragePooling1D';
  constructor(config?: KerasOptions<GlobalPoolingConfig>) {
    super(config, 1, 'avg');
    this.supportsMasking = true; // as Keras 3
  }

  /** With a mask `[batch, steps]` (Keras 3): the mean over the unmasked steps only. */
  override call(inputs: Tensor | Tensor[], options: CallOptions = {}): Tensor {
    const mask = options.mask;
    if (mask === undefined || mask === null) return super.call(inputs, options);
    const x = singleInput(this, inputs);
    if (Array.isArray(mask) || mask.rank !== 2 || mask.shape[0] !== x.shape[0] || mask.shape[1] !== x.shape[1]) {
      const got = Array.isArray(mask) ? `a list of ${mask.length} masks` : `a mask of shape ${fmtShape(mask.shape)}`;
      throw new ShapeError(
        `${layerLabel(this)}: expected a mask of shape [batch, steps] = ${fmtShape(x.shape.slice(0, 2))} for input of shape ${fmtShape(x.shape)}, got ${got}`,
      );
    }
    const keep = expandDims(cast(mask, 'bool'), 2);
    const total = sum(where(keep, x, 0), 1, this.keepdims);
    return div(total, sum(cast(keep, 'float32'), 1, this.keepdims));
  }

  /** Keras 3: the pooled output has no mask. */
  override computeMask(): null {
    return null;
  }

  /** In a symbolic call: no output mask. */
  symbolicMaskFlags(): boolean[] {
    return [false];
  }
}

/**
 * The mean over the height and width of NHWC images -> `[batch, channels]` (Keras'
 * GlobalAveragePooling2D, alias GlobalAvgPool2D).
 * @example new GlobalAveragePooling2D({ keepdims: true }).apply(ones([2, 3, 3, 4])).shape // [2, 1, 1, 4]
 */
export class GlobalAveragePooling2D extends GlobalPooling {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className = 'GlobalAveragePooling2D';
  constructor(config?: KerasOptions<GlobalPoolingConfig>) {
    super(config, 2, 'avg');
  }
}

/** Keras' alias of {@link GlobalMaxPooling1D}. @example new GlobalMaxPool1D() */
export const GlobalMaxPool1D = GlobalMaxPooling1D;
/** Keras' alias of {@link GlobalMaxPooling1D}. */
export type GlobalMaxPool1D = GlobalMaxPooling1D;
/** Keras' alias of {@link GlobalMaxPooling2D}. @example new GlobalMaxPool2D() */
export const GlobalMaxPool2D = GlobalMaxPooling2D;
/** Keras' alias of {@link GlobalMaxPooling2D}. */
export type GlobalMaxPool2D = GlobalMaxPooling2D;
/** Keras' alias of {@link GlobalAveragePooling1D}. @example new GlobalAvgPool1D() */
export const GlobalAvgPool1D = GlobalAveragePooling1D;
/** Keras' alias of {@link GlobalAveragePooling1D}. */
export type GlobalAvgPool1D = GlobalAveragePooling1D;
/** Keras' alias of {@link GlobalAveragePooling2D}. @example new GlobalAvgPool2D() */
export const GlobalAvgPool2D = GlobalAveragePooling2D;
/** Keras' alias of {@link GlobalAveragePooling2D}. */
export type GlobalAvgPool2D = GlobalAveragePooling2D;
