import type { KerasOptions } from '@horn/tensor';
import { expandDims, matmul, mul, ShapeError, softmax, sub, type Tensor, ValueError, where } from '@horn/tensor';
import { dropoutMask, readSeed, seededStream } from '../core/random-layer.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerConfig, type LayerMask, type LayerShape } from '../engine/layer.js';
import { andMasks, causalMask, maskList, stepMask } from './attention-masks.js';
import './call-options.js';
import { attentionInputShapes } from './attention-shapes.js';

/**
 * Options shared by {@link Attention} and {@link AdditiveAttention}.
 * @example
 * new Attention({ useScale: false, dropout: 0.2, seed: 42 }); // dropout applies to the attention weights in training
 */
export interface BaseAttentionConfig extends LayerConfig {
  /** Learn a scale of the scores. Default false for Attention, true for AdditiveAttention. */
  useScale?: boolean;
  /** The fraction of the attention weights dropped in training, in [0, 1). Default 0. */
  dropout?: number;
  /** Seeds the dropout. */
  seed?: number | null;
}

/**
 * Keras' dense attention pipeline (Attention, AdditiveAttention): scores of the query against the
 * key, the value mask and the causal mask (masked scores get -1e9 subtracted), a softmax over the
 * key steps, dropout in training, the weighted sum of the value, and the query mask zeroing the
 * outputs of padded query steps. Inputs are `[query, value]` or `[query, value, key]`, each
 * `[batch, steps, dim]`; `options.mask` is `[queryMask, valueMask]` (the value mask masks the key).
 * Subclasses compute the scores.
 * @example new Attention().apply([query, value], { mask: [queryMask, valueMask] })
 */
export abstract class BaseAttention<C extends BaseAttentionConfig = BaseAttentionConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = ['useScale', 'dropout', 'seed'];
  readonly useScale: boolean;
  readonly dropout: number;
  readonly seed: number | undefined;
  private readonly stream: ReturnType<typeof seededStream>;

  constructor(config: KerasOptions<C> | undefined, defaultUseScale: boolean) {
    super(config);
    const owner = this.className;
    const { useScale, dropout } = this.config;
    if (useScale !== undefined && typeof useScale !== 'boolean') {
      throw new ValueError(`${owner}: useScale must be a boolean, got ${JSON.stringify(useScale)}`);
    }
    if (dropout !== undefined && (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1))) {
      throw new ValueError(`${owner}: dropout must be a number in [0, 1), got ${JSON.stringify(dropout)}`);
    }
    this.useScale = useScale ?? defaultUseScale;
    this.dropout = dropout ?? 0;
    this.seed = readSeed(this.config.seed, owner);
    this.stream = seededStream(this.seed);
    this.supportsMasking = true;
  }

  /** The scores `[batch, Tq, Tv]` of `query` `[batch, Tq, dim]` against `key` `[batch, Tv, dim]`. */
  protected abstract calculateScores(query: Tensor, key: Tensor): Tensor;

  override build(inputShape: LayerShape | LayerShape[]): void {
    this.checkShapes(inputShape);
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const [q, v, k] = this.checkInputs(inputs);
    const label = layerLabel(this);
    const [qMaskIn, vMaskIn] = maskList(label, options.mask, 3);
    const qMask = stepMask(label, 'the query mask (mask[0])', qMaskIn, q.shape[0], q.shape[1]);
    const vMask = stepMask(label, 'the value mask (mask[1])', vMaskIn, v.shape[0], v.shape[1]);
    let scores = this.calculateScores(q, k);
    const scoresMask = andMasks(
      vMask ? expandDims(vMask, 1) : null,
      options.useCausalMask ? causalMask(q.shape[1], k.shape[1]) : null,
    );
    // As Keras: padded keys get 1e9 subtracted (not replaced), then the softmax.
    if (scoresMask) scores = where(scoresMask, scores, sub(scores, 1e9));
    const weights = softmax(scores, -1);
    const dropped =
      options.training && this.dropout > 0
        ? mul(weights, dropoutMask(weights.shape, this.dropout, this.stream()))
        : weights;
    let output = matmul(dropped, v);
    if (qMask) output = where(expandDims(qMask, -1), output, 0);
    return options.returnAttentionScores ? [output, weights] : output;
  }

  /**
   * The output and the attention scores (after masking and softmax): `apply` with
   * `returnAttentionScores: true`, typed as a pair.
   * @example const [out, scores] = new Attention().applyWithScores([query, value]);
   */
  applyWithScores(inputs: Tensor[], options: CallOptions = {}): [Tensor, Tensor] {
    return this.apply(inputs, { ...options, returnAttentionScores: true }) as unknown as [Tensor, Tensor];
  }

  /** Keras: the query's mask (mask[0]), or null. */
  override computeMask(_inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    return maskList(layerLabel(this), mask, 3)[0];
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const [q, v] = this.checkShapes(inputShape);
    return [...q.slice(0, -1), v[v.length - 1]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), useScale: this.useScale, dropout: this.dropout, seed: this.seed ?? null };
  }

  private checkInputs(inputs: Tensor | Tensor[]): [Tensor, Tensor, Tensor] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.checkShapes(list.map((t) => t.shape));
    return [list[0], list[1], list[2] ?? list[1]];
  }

  /** Validates `[query, value(, key)]` shapes; returns `[query, value, key]` shapes. */
  private checkShapes(inputShape: LayerShape | LayerShape[]): LayerShape[] {
    const label = layerLabel(this);
    const [q, v, k] = attentionInputShapes(label, inputShape);
    for (const [name, s] of [
      ['query', q],
      ['value', v],
      ['key', k],
    ] as const) {
      if (s.length !== 3)
        throw new ShapeError(`${label}: expected ${name} of rank 3 [batch, steps, dim], got ${fmtShape(s)}`);
    }
    const known = (a: number | null, b: number | null) => a === null || b === null || a === b;
    if (!known(q[2], k[2])) {
      throw new ShapeError(
        `${label}: expected query and key with the same last dimension, got query ${fmtShape(q)} and key ${fmtShape(k)}`,
      );
    }
    if (!known(v[1], k[1]) || !known(q[0], v[0]) || !known(q[0], k[0])) {
      throw new ShapeError(
        `${label}: expected value and key with the same steps and one batch size for all inputs, got query ${fmtShape(q)}, value ${fmtShape(v)}, key ${fmtShape(k)}`,
      );
    }
    return [q, v, k];
  }
}
