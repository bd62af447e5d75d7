import type { KerasOptions } from '@horn/tensor';
import { ShapeError, slice, type Tensor } from '@horn/tensor';
import { checkDataFormat } from '../conv/conv-geometry.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { assertInputRank, fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { type PaddingPairs, type PaddingPairsLike, paddingPairs } from './padding-pairs.js';

/**
 * Options of {@link Cropping2D}.
 * @example
 * new Cropping2D({ cropping: [[1, 0], [0, 2]] }).apply(ones([1, 5, 5, 3])).shape; // [1, 4, 3, 3]
 * new Cropping2D({ cropping: 1 }).apply(ones([1, 5, 5, 3])).shape; // [1, 3, 3, 3]
 */
export interface Cropping2DConfig extends LayerConfig {
  /** `n` (every side), `[h, w]` (symmetric) or `[[top, bottom], [left, right]]`. Default 0. */
  cropping?: PaddingPairsLike;
  /** Only 'channelsLast' (the default; 'channels_last' too); 'channelsFirst' throws. */
  dataFormat?: 'channelsLast' | 'channels_last' | 'channelsFirst' | 'channels_first';
}

/**
 * Removes rows and columns from the borders of NHWC images (Keras' Cropping2D); at least one row
 * and one column must remain.
 * @example new Cropping2D({ cropping: [[1, 0], [1, 1]] }).apply(ones([1, 4, 4, 1])).shape // [1, 3, 2, 1]
 */
export class Cropping2D extends Layer<Cropping2DConfig> {
  static override readonly configKeys: readonly string[] = ['cropping', 'dataFormat'];
  static override readonly className = 'Cropping2D';
  readonly cropping: PaddingPairs;

  constructor(config?: KerasOptions<Cropping2DConfig>) {
    super(config);
    const label = layerLabel(this);
    this.cropping = paddingPairs(this.config.cropping ?? 0, 'cropping', label);
    checkDataFormat(this.config.dataFormat, label);
    this.inputSpec = { ndim: 4 };
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    const [, height, width] = this.computeOutputShape(x.shape) as number[];
    return slice(x, [0, this.cropping[0][0], this.cropping[1][0], 0], [-1, height, width, -1]);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, 4);
    const [n, height, width, c] = shape;
    const crop = (size: number | null, [before, after]: [number, number], axis: string) => {
      if (size === null) return null;
      if (before + after >= size) {
        throw new ShapeError(
          `${layerLabel(this)}: cropping ${before} + ${after} ${axis} leaves nothing of the input ${fmtShape(shape)}`,
        );
      }
      return size - before - after;
    };
    return [n, crop(height, this.cropping[0], 'rows'), crop(width, this.cropping[1], 'columns'), c];
  }

  override getConfig(): Record<string, unknown> {
    const [h, w] = this.cropping;
    return { ...super.getConfig(), cropping: [[...h], [...w]], dataFormat: 'channelsLast' };
  }
}
