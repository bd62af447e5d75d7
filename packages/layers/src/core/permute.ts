import type { KerasOptions } from '@horn/tensor';
import { type Tensor, transpose, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';

/**
 * Options of {@link Permute}.
 * @example
 * new Permute({ dims: [2, 1] }).apply(ones([1, 3, 4])).shape; // [1, 4, 3]
 */
export interface PermuteConfig extends LayerConfig {
  /** A permutation of `1..n` over the non-batch dimensions (1-based, as Keras). */
  dims: number[];
}

/**
 * Permutes the non-batch dimensions: `dims: [2, 1]` swaps the two axes after the batch.
 * @example new Permute({ dims: [2, 1] }).apply(ones([5, 3, 4])).shape // [5, 4, 3]
 */
export class Permute extends Layer<PermuteConfig> {
  static override readonly configKeys: readonly string[] = ['dims'];
  static override readonly className: string = 'Permute';
  readonly dims: number[];

  constructor(config: KerasOptions<PermuteConfig>) {
    super(config);
    const dims = this.config.dims;
    const n = Array.isArray(dims) ? dims.length : 0;
    const sorted = Array.isArray(dims) ? [...dims].sort((a, b) => a - b) : [];
    if (!Array.isArray(dims) || n === 0 || sorted.some((d, i) => d !== i + 1)) {
      throw new ValueError(
        `Permute: dims must be a permutation of 1..${n || 'n'} (1-based, the batch axis excluded), got ${JSON.stringify(dims)}`,
      );
    }
    this.dims = [...dims];
    this.inputSpec = { ndim: n + 1 };
  }

  override call(x: Tensor): Tensor {
    return transpose(x, [0, ...this.dims]);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    return [inputShape[0], ...this.dims.map((d) => inputShape[d])];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: [...this.dims] };
  }
}
