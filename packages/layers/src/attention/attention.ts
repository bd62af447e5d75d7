import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { add, expandDims, matmul, mul, sum, type Tensor, tanh, ValueError } from '@horn/tensor';
import type { LayerShape } from '../engine/layer.js';
import { BaseAttention, type BaseAttentionConfig } from './base-attention.js';

/**
 * Options of {@link Attention}.
 * @example
 * const attention = new Attention({ scoreMode: 'concat', useScale: true });
 * attention.apply([ones([2, 3, 4]), ones([2, 5, 4])]).shape; // [2, 3, 4]
 */
export interface AttentionConfig extends BaseAttentionConfig {
  /**
   * `'dot'` (default): the query-key dot product; `'concat'`: the sum over features of
   * `tanh(query + key)`, times a learned weight.
   */
  scoreMode?: 'dot' | 'concat';
}

/**
 * Keras' dot-product (Luong-style) attention: `softmax(query · keyᵀ) · value`, on inputs
 * `[query, value]` or `[query, value, key]` (`[batch, Tq, dim]`, `[batch, Tv, dim]`). With
 * `useScale` the scores are multiplied by a learned scalar `scale`; `scoreMode: 'concat'` scores
 * with `concat_score_weight * Σ tanh(scale * (query + key))`. Masks: `mask: [queryMask, valueMask]`;
 * call options `useCausalMask`, `returnAttentionScores` (or `applyWithScores`).
 * @example
 * const attention = new Attention();
 * attention.apply([ones([2, 3, 4]), ones([2, 5, 4])]).shape; // [2, 3, 4]
 */
export class Attention extends BaseAttention<AttentionConfig> {
  static override readonly configKeys: readonly string[] = ['scoreMode'];
  static override readonly className: string = 'Attention';
  readonly scoreMode: 'dot' | 'concat';
  scale: Variable | null = null;
  concatScoreWeight: Variable | null = null;

  constructor(config: KerasOptions<AttentionConfig> = {}) {
    super(config, false);
    const mode = this.config.scoreMode ?? 'dot';
    if (mode !== 'dot' && mode !== 'concat') {
      throw new ValueError(`Attention: scoreMode must be 'dot' or 'concat', got ${JSON.stringify(mode)}`);
    }
    this.scoreMode = mode;
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    super.build(inputShape);
    if (this.useScale) this.scale = this.addWeight('scale', [], { initializer: 'ones' });
    if (this.scoreMode === 'concat') {
      this.concatScoreWeight = this.addWeight('concat_score_weight', [], { initializer: 'ones' });
    }
  }

  protected override calculateScores(query: Tensor, key: Tensor): Tensor {
    if (this.scoreMode === 'dot') {
      const scores = matmul(query, key, false, true);
      return this.scale ? mul(scores, this.scale) : scores;
    }
    // [batch, Tq, 1, dim] + [batch, 1, Tv, dim] -> [batch, Tq, Tv, dim].
    const pairs = add(expandDims(query, -2), expandDims(key, -3));
    return mul(this.concatScoreWeight as Variable, sum(tanh(this.scale ? mul(this.scale, pairs) : pairs), -1));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), scoreMode: this.scoreMode };
  }
}
