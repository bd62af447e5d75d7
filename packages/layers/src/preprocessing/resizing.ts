import type { KerasOptions, Tensor } from '@horn/tensor';
import { booleanOption, positiveInteger } from '../conv/layer-options.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { imageShape } from './image-input.js';
import { aspectCropBox, cropImages, type ResizeInterpolation, resizeImages } from './resize-images.js';

/**
 * Options of {@link Resizing}.
 * @example
 * new Resizing({ height: 2, width: 2, interpolation: 'bilinear', cropToAspectRatio: true }).apply(ones([1, 4, 8, 3])).shape; // [1, 2, 2, 3]
 */
export interface ResizingConfig extends LayerConfig {
  /** The output height. */
  height: number;
  /** The output width. */
  width: number;
  /** 'bilinear' (default) or 'nearest'. */
  interpolation?: ResizeInterpolation;
  /** First crop the largest centered box with the target aspect ratio, so nothing is stretched. Default false. */
  cropToAspectRatio?: boolean;
}

/**
 * Resizes images (`[n, h, w, c]` or `[h, w, c]`) to `[height, width]` as Keras' Resizing, which
 * calls tf.image.resize: half-pixel centers, no antialiasing. Keras 3 also offers 'bicubic',
 * 'lanczos3', 'lanczos5', 'area' and `padToAspectRatio`; Horn has 'bilinear' and 'nearest'.
 * @example new Resizing({ height: 4, width: 4 }).apply(tensor([0, 1, 2, 3], [1, 2, 2, 1])).shape // [1, 4, 4, 1]
 */
export class Resizing extends Layer<ResizingConfig> {
  static override readonly configKeys: readonly string[] = ['height', 'width', 'interpolation', 'cropToAspectRatio'];
  static override readonly className = 'Resizing';
  readonly height: number;
  readonly width: number;
  readonly interpolation: ResizeInterpolation;
  readonly cropToAspectRatio: boolean;

  constructor(config: KerasOptions<ResizingConfig>) {
    super(config);
    const label = layerLabel(this);
    const c = this.config;
    this.height = positiveInteger(c.height, 'height', label);
    this.width = positiveInteger(c.width, 'width', label);
    this.interpolation = enumOption(c.interpolation ?? 'bilinear', ['bilinear', 'nearest'], 'interpolation', label);
    this.cropToAspectRatio = booleanOption(c.cropToAspectRatio, false, 'cropToAspectRatio', label);
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    let x = singleInput(this, inputs);
    imageShape(this, x.shape);
    const target: [number, number] = [this.height, this.width];
    if (this.cropToAspectRatio) x = cropImages(x, aspectCropBox([x.shape[x.rank - 3], x.shape[x.rank - 2]], target));
    return resizeImages(x, target, this.interpolation);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = imageShape(this, singleShape(this, inputShape));
    return [...shape.slice(0, -3), this.height, this.width, shape[shape.length - 1]];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      height: this.height,
      width: this.width,
      interpolation: this.interpolation,
      cropToAspectRatio: this.cropToAspectRatio,
    };
  }
}
