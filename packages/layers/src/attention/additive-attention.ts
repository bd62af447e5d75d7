import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, expandDims, mul, sum, type Tensor, tanh } from '@horn/tensor';
import type { LayerShape } from '../engine/layer.js';
import { BaseAttention, type BaseAttentionConfig } from './base-attention.js';

/**
 * Options of {@link AdditiveAttention} (`useScale` defaults to true here).
 * @example
 * const attention = new AdditiveAttention({ useScale: true, dropout: 0.1, seed: 1 });
 * attention.apply([ones([2, 3, 4]), ones([2, 5, 4])]).shape; // [2, 3, 4]
 */
export interface AdditiveAttentionConfig extends BaseAttentionConfig {}

/**
 * Keras' additive (Bahdanau-style) attention: scores `Σ_d scale_d · tanh(query_d + key_d)` over
 * every query-key pair, with a learned `scale` `[dim]` (glorot uniform) when `useScale` (default
 * true), then as {@link Attention}: masks `[queryMask, valueMask]`, `useCausalMask`,
 * `returnAttentionScores`, dropout.
 * @example
 * const attention = new AdditiveAttention();
 * attention.apply([ones([2, 3, 4]), ones([2, 5, 4])]).shape; // [2, 3, 4]
 */
export class AdditiveAttention extends BaseAttention<AdditiveAttentionConfig> {
  static override readonly configKeys: readonly string[] = [];
  static override readonly className: string = 'AdditiveAttention';
  scale: Variable | null = null;

  constructor(config: KerasOptions<AdditiveAttentionConfig> = {}) {
    super(config, true);
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    super.build(inputShape);
    const dim = (inputShape as LayerShape[])[0][2] as number;
    if (this.useScale) this.scale = this.addWeight('scale', [dim], { initializer: 'glorotUniform' });
  }

  protected override calculateScores(query: Tensor, key: Tensor): Tensor {
    // [batch, Tq, 1, dim] + [batch, 1, Tv, dim] -> [batch, Tq, Tv, dim], summed over dim.
    const t = tanh(add(expandDims(query, -2), expandDims(key, -3)));
    return sum(this.scale ? mul(this.scale, t) : t, -1);
  }
}
