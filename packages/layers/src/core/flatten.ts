import type { KerasOptions } from '@horn/tensor';
import { reshape, type Tensor, transpose } from '@horn/tensor';
import { type DataFormat, normalizeDataFormat } from '../engine/data-format.js';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Flatten}.
 * @example
 * new Flatten({ dataFormat: 'channelsLast' }).apply(ones([2, 3, 4])).shape; // [2, 12]
 */
export interface FlattenConfig extends LayerConfig {
  /** `'channelsLast'` (default) or `'channelsFirst'` (channels are moved last before flattening, as Keras). */
  dataFormat?: DataFormat | 'channels_last' | 'channels_first';
}

/**
 * Flattens every dimension but the batch: `[b, d1, d2, ...]` -> `[b, d1·d2·...]` (`[b]` -> `[b, 1]`).
 * @example new Flatten().apply(ones([2, 3, 4])).shape // [2, 12]
 */
export class Flatten extends Layer<FlattenConfig> {
  static override readonly configKeys: readonly string[] = ['dataFormat'];
  static override readonly className: string = 'Flatten';
  readonly dataFormat: DataFormat;

  constructor(config: KerasOptions<FlattenConfig> = {}) {
    super(config);
    this.dataFormat = normalizeDataFormat(this.config.dataFormat, 'Flatten');
    this.inputSpec = { minNdim: 1 };
  }

  override call(x: Tensor): Tensor {
    let t = x;
    if (this.dataFormat === 'channelsFirst' && x.rank > 2) {
      t = transpose(x, [0, ...Array.from({ length: x.rank - 2 }, (_, i) => i + 2), 1]);
    }
    let size = 1;
    for (const d of x.shape.slice(1)) size *= d;
    return reshape(t, [x.shape[0], size]);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    const rest = inputShape.slice(1);
    const size = rest.some((d) => d === null) ? null : rest.reduce<number>((n, d) => n * (d as number), 1);
    return [inputShape[0], size];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dataFormat: this.dataFormat };
  }
}
