import type { KerasOptions } from '@horn/tensor';
import { mul, type Tensor } from '@horn/tensor';
import { type DataFormat, normalizeDataFormat } from '../engine/data-format.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { dropoutMask, readRate, readSeed, seededStream } from './random-layer.js';

/**
 * Options of {@link SpatialDropout2D}.
 * @example
 * const drop = new SpatialDropout2D({ rate: 0.5, dataFormat: 'channelsLast', seed: 1 });
 * drop.apply(ones([1, 4, 4, 8]), { training: true }); // whole channels are zeroed, the rest scaled by 2
 */
export interface SpatialDropout2DConfig extends LayerConfig {
  /** The fraction of channels to drop, in [0, 1]. */
  rate: number;
  /** `'channelsLast'` (default) or `'channelsFirst'`. */
  dataFormat?: DataFormat | 'channels_last' | 'channels_first';
  /** Seeds this layer's own stream; without it the global stream (`setSeed`) is used. */
  seed?: number | null;
}

/**
 * Dropout of whole feature maps: in training, each channel of each sample of a rank-4 input is
 * zeroed with probability `rate` (the rest scaled by `1 / (1 - rate)`); identity at inference.
 * @example new SpatialDropout2D({ rate: 0.5, seed: 1 }).apply(ones([1, 2, 2, 3]), { training: true })
 */
export class SpatialDropout2D extends Layer<SpatialDropout2DConfig> {
  static override readonly configKeys: readonly string[] = ['rate', 'dataFormat', 'seed'];
  static override readonly className: string = 'SpatialDropout2D';
  readonly rate: number;
  readonly dataFormat: DataFormat;
  readonly seed: number | undefined;
  private readonly stream: ReturnType<typeof seededStream>;

  constructor(config: KerasOptions<SpatialDropout2DConfig>) {
    super(config);
    this.supportsMasking = true; // as Keras 3 (a Dropout)
    this.rate = readRate(this.config.rate, 'SpatialDropout2D');
    this.dataFormat = normalizeDataFormat(this.config.dataFormat, 'SpatialDropout2D');
    this.seed = readSeed(this.config.seed, 'SpatialDropout2D');
    this.stream = seededStream(this.seed);
    this.inputSpec = { ndim: 4 };
  }

  override call(x: Tensor, options: CallOptions): Tensor {
    if (!options.training || this.rate === 0) return x;
    const [b, d1, , d3] = x.shape;
    const shape = this.dataFormat === 'channelsLast' ? [b, 1, 1, d3] : [b, d1, 1, 1];
    return mul(x, dropoutMask(shape, this.rate, this.stream()));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, dataFormat: this.dataFormat, seed: this.seed ?? null };
  }

  /** The input shape: this layer keeps it (no kernel runs in the functional API). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape | LayerShape[] {
    return inputShape;
  }
}
