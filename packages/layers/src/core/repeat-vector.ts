import type { KerasOptions } from '@horn/tensor';
import { expandDims, type Tensor, tile, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link RepeatVector}.
 * @example
 * new RepeatVector({ n: 3 }).apply(tensor([[1, 2]])).arraySync(); // [[[1, 2], [1, 2], [1, 2]]]
 */
export interface RepeatVectorConfig extends LayerConfig {
  /** How many times to repeat, a positive integer. */
  n: number;
}

/**
 * Repeats a `[batch, features]` input `n` times: `[batch, n, features]`.
 * @example new RepeatVector({ n: 3 }).apply(ones([2, 4])).shape // [2, 3, 4]
 */
export class RepeatVector extends Layer<RepeatVectorConfig> {
  static override readonly configKeys: readonly string[] = ['n'];
  static override readonly className: string = 'RepeatVector';
  readonly n: number;

  constructor(config: KerasOptions<RepeatVectorConfig>) {
    super(config);
    const n = this.config.n;
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
      throw new ValueError(`RepeatVector: n must be a positive integer, got ${JSON.stringify(n)}`);
    }
    this.n = n;
    this.inputSpec = { ndim: 2 };
  }

  override call(x: Tensor): Tensor {
    return tile(expandDims(x, 1), [1, this.n, 1]);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    return [inputShape[0], this.n, inputShape[1]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }
}
