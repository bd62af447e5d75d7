import type { KerasOptions, Tensor } from '@horn/tensor';
import { positiveInteger } from '../conv/layer-options.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { imageShape } from './image-input.js';
import { aspectCropBox, cropImages, resizeImages } from './resize-images.js';

/**
 * Options of {@link CenterCrop}.
 * @example
 * new CenterCrop({ height: 2, width: 2 }).apply(ones([1, 4, 6, 3])).shape; // [1, 2, 2, 3]
 */
export interface CenterCropConfig extends LayerConfig {
  /** The output height. */
  height: number;
  /** The output width. */
  width: number;
}

/**
 * Crops the central `[height, width]` box of images (`[n, h, w, c]` or `[h, w, c]`), as Keras'
 * CenterCrop: the box starts at `floor((size - target) / 2)`. An image smaller than the target
 * is first cropped to the target's aspect ratio and resized up (bilinear), as Keras does.
 * @example new CenterCrop({ height: 2, width: 2 }).apply(range(16).reshape([4, 4, 1])).arraySync() // [[[5], [6]], [[9], [10]]]
 */
export class CenterCrop extends Layer<CenterCropConfig> {
  static override readonly configKeys: readonly string[] = ['height', 'width'];
  static override readonly className = 'CenterCrop';
  readonly height: number;
  readonly width: number;

  constructor(config: KerasOptions<CenterCropConfig>) {
    super(config);
    const label = layerLabel(this);
    this.height = positiveInteger(this.config.height, 'height', label);
    this.width = positiveInteger(this.config.width, 'width', label);
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    imageShape(this, x.shape);
    const h = x.shape[x.rank - 3];
    const w = x.shape[x.rank - 2];
    const target: [number, number] = [this.height, this.width];
    if (h >= this.height && w >= this.width) {
      return cropImages(x, [
        Math.floor((h - this.height) / 2),
        Math.floor((w - this.width) / 2),
        this.height,
        this.width,
      ]);
    }
    return resizeImages(cropImages(x, aspectCropBox([h, w], target)), target, 'bilinear');
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = imageShape(this, singleShape(this, inputShape));
    return [...shape.slice(0, -3), this.height, this.width, shape[shape.length - 1]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height: this.height, width: this.width };
  }
}
