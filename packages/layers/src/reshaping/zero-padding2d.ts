import type { KerasOptions } from '@horn/tensor';
import { pad, type Tensor } from '@horn/tensor';
import { checkDataFormat } from '../conv/conv-geometry.js';
import { singleInput, singleShape } from '../conv/single-input.js';
import { assertInputRank, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { type PaddingPairs, type PaddingPairsLike, paddingPairs } from './padding-pairs.js';

/**
 * Options of {@link ZeroPadding2D}.
 * @example
 * new ZeroPadding2D({ padding: [[1, 1], [0, 0]], dataFormat: 'channelsLast' }).apply(tensor([[[[1]]]])).arraySync(); // [[[[0]], [[1]], [[0]]]]
 */
export interface ZeroPadding2DConfig extends LayerConfig {
  /** `n` (every side), `[h, w]` (symmetric) or `[[top, bottom], [left, right]]`. Default 1. */
  padding?: PaddingPairsLike;
  /** Only 'channelsLast' (the default; 'channels_last' too); 'channelsFirst' throws. */
  dataFormat?: 'channelsLast' | 'channels_last' | 'channelsFirst' | 'channels_first';
}

/**
 * Adds rows and columns of zeros around NHWC images (Keras' ZeroPadding2D).
 * @example new ZeroPadding2D({ padding: [[1, 0], [0, 2]] }).apply(ones([1, 2, 2, 1])).shape // [1, 3, 4, 1]
 */
export class ZeroPadding2D extends Layer<ZeroPadding2DConfig> {
  static override readonly configKeys: readonly string[] = ['padding', 'dataFormat'];
  static override readonly className = 'ZeroPadding2D';
  readonly padding: PaddingPairs;

  constructor(config?: KerasOptions<ZeroPadding2DConfig>) {
    super(config);
    const label = layerLabel(this);
    this.padding = paddingPairs(this.config.padding ?? 1, 'padding', label);
    checkDataFormat(this.config.dataFormat, label);
    this.inputSpec = { ndim: 4 };
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const [h, w] = this.padding;
    return pad(singleInput(this, inputs), [[0, 0], h, w, [0, 0]]);
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    assertInputRank(this, shape, 4);
    const [n, height, width, c] = shape;
    const [[t, b], [l, r]] = this.padding;
    return [n, height === null ? null : height + t + b, width === null ? null : width + l + r, c];
  }

  override getConfig(): Record<string, unknown> {
    const [h, w] = this.padding;
    return { ...super.getConfig(), padding: [[...h], [...w]], dataFormat: 'channelsLast' };
  }
}
