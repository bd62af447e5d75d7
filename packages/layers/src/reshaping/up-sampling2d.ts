import type { KerasOptions, Tensor } from '@horn/tensor';
import { checkDataFormat } from '../conv/conv-geometry.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { enumOption } from '../engine/identifiers.js';
import { assertInputRank, layerLabel, normalizeTuple } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { type ResizeInterpolation, resizeImages } from '../preprocessing/resize-images.js';

/**
 * Options of {@link UpSampling2D}.
 * @example
 * new UpSampling2D({ size: [2, 3], interpolation: 'nearest' }).apply(ones([1, 2, 2, 1])).shape; // [1, 4, 6, 1]
 */
export interface UpSampling2DConfig extends LayerConfig {
  /** The factor per axis: an integer or `[h, w]`. Default 2. */
  size?: number | readonly number[];
  /** 'nearest' (default: each pixel repeated) or 'bilinear' (tf.image.resize, half-pixel centers). */
  interpolation?: ResizeInterpolation;
  /** Only 'channelsLast' (the default; 'channels_last' too); 'channelsFirst' throws. */
  dataFormat?: 'channelsLast' | 'channels_last' | 'channelsFirst' | 'channels_first';
}

/**
 * Enlarges NHWC images by an integer factor per axis (Keras' UpSampling2D). Keras 3 also offers
 * 'bicubic', 'lanczos3', 'lanczos5' and 'area'; Horn has 'nearest' and 'bilinear'.
 * @example new UpSampling2D({ size: 2 }).apply(tensor([1, 2, 3, 4], [1, 2, 2, 1])).shape // [1, 4, 4, 1]
 */
export class UpSampling2D extends Layer<UpSampling2DConfig> {
  static override readonly configKeys: readonly string[] = ['size', 'interpolation', 'dataFormat'];
  static override readonly className = 'UpSampling2D';
  readonly size: number[];
  readonly interpolation: ResizeInterpolation;

  constructor(config?: KerasOptions<UpSampling2DConfig>) {
    super(config);
    const label = layerLabel(this);
    this.size = normalizeTuple(this.config.size ?? 2, 2, `${label}: size`);
    this.interpolation = enumOption(
      this.config.interpolation ?? 'nearest',
      ['nearest', 'bilinear'],
      'interpolation',
      label,
    );
    checkDataFormat(this.config.dataFormat, label);
    this.inputSpec = { ndim: 4 };
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    return resizeImages(x, [x.shape[1] * this.size[0], x.shape[2] * this.size[1]], this.interpolation);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, 4);
    const [n, h, w, c] = shape;
    return [n, h === null ? null : h * this.size[0], w === null ? null : w * this.size[1], c];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      size: [...this.size],
      dataFormat: 'channelsLast',
      interpolation: this.interpolation,
    };
  }
}
