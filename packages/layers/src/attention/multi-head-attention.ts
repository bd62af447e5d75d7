import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { fmt, matmul, mul, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { serializeWeightSpec, type WeightSpec, weightSpec } from '../conv/weight-spec.js';
import { dropoutMask, readSeed, seededStream } from '../core/random-layer.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerMask, type LayerShape } from '../engine/layer.js';
import { maskedSoftmax, maskList } from './attention-masks.js';
import {
  HEAD_WEIGHT_KEYS,
  type MultiHeadAttentionConfig,
  type MultiHeadAttentionShape,
  readMultiHeadShape,
} from './multi-head-attention-config.js';
import { contract, fromHeads, type HeadLayout, scoresLayout, toHeads } from './multi-head-layout.js';
import { multiHeadMask } from './multi-head-mask.js';
import './call-options.js';
import { attentionInputShapes } from './attention-shapes.js';

export type { MultiHeadAttentionConfig } from './multi-head-attention-config.js';

interface Projection {
  kernel: Variable;
  bias: Variable | null;
}

/**
 * Keras 3's multi-head attention ("Attention is all you need"): the query, key and value are
 * projected to `numHeads` heads (`keyDim`, `keyDim`, `valueDim` wide), each head attends with
 * `softmax(q·kᵀ / √keyDim)`, and the heads are projected back to `outputShape` (default: the query's
 * last dimension). Call it on `[query, value]` or `[query, value, key]` (`[batch, T, dim]`,
 * `[batch, S, dim]`); call options `attentionMask` (`[batch, T, S]`), `queryMask` / `valueMask` /
 * `keyMask` (or `mask: [q, v, k]`), `useCausalMask`, `returnAttentionScores` (or `applyWithScores`),
 * `training` (dropout). Weights as Keras' `layer.weights`: `query/kernel` `[dim, heads, keyDim]`,
 * `query/bias` `[heads, keyDim]`, then `key/...`, `value/...` and `attention_output/kernel`
 * `[heads, valueDim, ...outputShape]`, `attention_output/bias` `[...outputShape]`.
 * @example
 * const mha = new MultiHeadAttention({ numHeads: 2, keyDim: 8 });
 * mha.apply([ones([4, 10, 16]), ones([4, 12, 16])]).shape; // [4, 10, 16]
 */
export class MultiHeadAttention extends Layer<MultiHeadAttentionConfig> {
  static override readonly configKeys: readonly string[] = [
    'numHeads',
    'keyDim',
    'valueDim',
    'dropout',
    'useBias',
    'outputShape',
    'attentionAxes',
    'slidingWindow',
    'useGate',
    ...HEAD_WEIGHT_KEYS,
  ];
  static override readonly className: string = 'MultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly outputShape: number[] | null;
  readonly attentionAxes: number[] | null;
  readonly slidingWindow: number | null;
  readonly seed: number | undefined;
  private readonly kernelSpec: WeightSpec;
  private readonly biasSpec: WeightSpec;
  private readonly stream: ReturnType<typeof seededStream>;
  private projections: Record<'query' | 'key' | 'value' | 'output', Projection> | null = null;
  private layout: HeadLayout | null = null;

  constructor(config: KerasOptions<MultiHeadAttentionConfig>) {
    super(config);
    const c = this.config;
    const shape: MultiHeadAttentionShape = readMultiHeadShape(c);
    this.numHeads = shape.numHeads;
    this.keyDim = shape.keyDim;
    this.valueDim = shape.valueDim;
    this.dropout = shape.dropout;
    this.outputShape = shape.outputShape;
    this.attentionAxes = shape.attentionAxes;
    this.slidingWindow = shape.slidingWindow;
    if (c.useBias !== undefined && typeof c.useBias !== 'boolean') {
      throw new ValueError(`MultiHeadAttention: useBias must be a boolean, got ${JSON.stringify(c.useBias)}`);
    }
    this.useBias = c.useBias ?? true;
    this.kernelSpec = weightSpec(c.kernelInitializer, 'glorotUniform', c.kernelRegularizer, c.kernelConstraint);
    this.biasSpec = weightSpec(c.biasInitializer, 'zeros', c.biasRegularizer, c.biasConstraint);
    this.seed = readSeed(c.seed, 'MultiHeadAttention');
    this.stream = seededStream(this.seed);
    this.supportsMasking = true;
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const [q, v, k] = this.checkShapes(inputShape);
    const rank = q.length;
    const dims = [q, k, v].map((s) => s[rank - 1]);
    if (dims.some((d) => d === null)) {
      throw new ShapeError(
        `${layerLabel(this)}: the last dimension of query, value and key must be known, got query ${fmtShape(q)}, value ${fmtShape(v)}, key ${fmtShape(k)}`,
      );
    }
    const [qd, kd, vd] = dims as number[];
    const out = this.outputShape ?? [qd];
    const H = this.numHeads;
    this.projections = {
      query: this.projection('query', [qd, H, this.keyDim]),
      key: this.projection('key', [kd, H, this.keyDim]),
      value: this.projection('value', [vd, H, this.valueDim]),
      output: this.projection('attention_output', [H, this.valueDim, ...out]),
    };
    this.layout = this.headLayout(rank);
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const [q, v, k = v] = list;
    this.checkShapes(list.map((t) => t.shape));
    const p = this.projections as NonNullable<typeof this.projections>;
    const layout = this.layout as HeadLayout;
    if (layout.others.some((a) => q.shape[a] !== k.shape[a])) {
      throw new ShapeError(
        `${layerLabel(this)}: expected query and key to agree on the axes attention does not run over (${layout.others.join(', ')}), got query ${fmt(q.shape)} and key ${fmt(k.shape)}`,
      );
    }
    const mask = multiHeadMask(layerLabel(this), q, k, options, this.slidingWindow);
    const qp = contract(q, p.query.kernel, p.query.bias, 1);
    const kp = contract(k, p.key.kernel, p.key.bias, 1);
    const vp = contract(v, p.value.kernel, p.value.bias, 1);
    // As Keras: the query is scaled before the dot product.
    const qh = toHeads(mul(qp, 1 / Math.sqrt(this.keyDim)), layout);
    const scores = matmul(qh, toHeads(kp, layout), false, true);
    const weights = maskedSoftmax(scores, mask);
    const dropped =
      options.training && this.dropout > 0
        ? mul(weights, dropoutMask(weights.shape, this.dropout, this.stream()))
        : weights;
    const heads = fromHeads(matmul(dropped, toHeads(vp, layout)), layout, qp.shape, this.valueDim);
    const output = contract(heads, p.output.kernel, p.output.bias, 2);
    if (!options.returnAttentionScores) return output;
    return [output, scoresLayout(weights, layout, qp.shape, kp.shape)];
  }

  /**
   * The output and the attention scores `[batch, heads, T, S]` (after masking and softmax, before
   * dropout): `apply` with `returnAttentionScores: true`, typed as a pair.
   * @example const [out, scores] = mha.applyWithScores([query, value]);
   */
  applyWithScores(inputs: Tensor[], options: CallOptions = {}): [Tensor, Tensor] {
    return this.apply(inputs, { ...options, returnAttentionScores: true }) as unknown as [Tensor, Tensor];
  }

  /** As Keras: the output carries the query's mask (mask[0]). */
  override computeMask(_inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    return maskList(layerLabel(this), mask, 3)[0];
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const [q] = this.checkShapes(inputShape);
    return [...q.slice(0, -1), ...(this.outputShape ?? [q[q.length - 1]])];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      useGate: false,
      outputShape: this.outputShape,
      attentionAxes: this.attentionAxes,
      slidingWindow: this.slidingWindow,
      ...serializeWeightSpec('kernel', this.kernelSpec),
      ...serializeWeightSpec('bias', this.biasSpec),
      seed: this.seed ?? null,
    };
  }

  private projection(name: string, kernelShape: number[]): Projection {
    const bound = name === 'attention_output' ? 2 : 1;
    const kernel = this.addWeight(`${name}/kernel`, kernelShape, this.kernelSpec);
    const bias = this.useBias ? this.addWeight(`${name}/bias`, kernelShape.slice(bound), this.biasSpec) : null;
    return { kernel, bias };
  }

  /** The attention axes of a rank-`rank` input (negative ones count from its end), checked. */
  private headLayout(rank: number): HeadLayout {
    const middle = Array.from({ length: rank - 2 }, (_, i) => i + 1);
    const axes = (this.attentionAxes ?? middle).map((a) => (a < 0 ? rank + a : a));
    if (axes.some((a) => a < 1 || a > rank - 2) || new Set(axes).size !== axes.length) {
      throw new ValueError(
        `${layerLabel(this)}: attentionAxes must be distinct axes between the batch and feature axes of a rank-${rank} input (1..${rank - 2}), got ${JSON.stringify(this.attentionAxes)}`,
      );
    }
    return { axes, others: middle.filter((a) => !axes.includes(a)) };
  }

  /** Validates `[query, value(, key)]` shapes against each other and the built weights. */
  private checkShapes(inputShape: LayerShape | LayerShape[]): [LayerShape, LayerShape, LayerShape] {
    const label = layerLabel(this);
    const [q, v, k] = attentionInputShapes(label, inputShape);
    const all = `query ${fmtShape(q)}, value ${fmtShape(v)}, key ${fmtShape(k)}`;
    if (q.length < 3 || v.length !== q.length || k.length !== q.length) {
      throw new ShapeError(
        `${label}: expected query, value and key of one rank >= 3 ([batch, steps..., dim]), got ${all}`,
      );
    }
    const same = (a: number | null, b: number | null) => a === null || b === null || a === b;
    if (!v.slice(0, -1).every((d, i) => same(d, k[i]))) {
      throw new ShapeError(`${label}: expected value and key to agree on every dimension but the last, got ${all}`);
    }
    if (!same(q[0], v[0])) throw new ShapeError(`${label}: expected one batch size, got ${all}`);
    const p = this.projections;
    if (p) {
      const built = [p.query, p.value, p.key].map((w) => w.kernel.shape[0]);
      const given = [q, v, k].map((s) => s[s.length - 1]);
      if (!given.every((d, i) => same(d, built[i]))) {
        throw new ShapeError(
          `${label}: expected the feature sizes it was built for (query ${built[0]}, value ${built[1]}, key ${built[2]}), got ${all}`,
        );
      }
    }
    return [q, v, k];
  }
}
