import type { Variable } from '@horn/autograd';
import type { KerasOptions } from '@horn/tensor';
import { broadcastTo, expandDims, matmul, mul, reshape, ShapeError, type Tensor, ValueError } from '@horn/tensor';
import { serializeWeightSpec, type WeightSpec, weightSpec } from '../conv/weight-spec.js';
import { dropoutMask, readSeed, seededStream } from '../core/random-layer.js';
import { fmtShape, layerLabel } from '../engine/input-checks.js';
import { type CallOptions, Layer, type LayerMask, type LayerShape } from '../engine/layer.js';
import { maskedSoftmax, maskList } from './attention-masks.js';
import { HEAD_WEIGHT_KEYS, type HeadProjectionConfig, readMultiHeadShape } from './multi-head-attention-config.js';
import { contract, fromHeads, type HeadLayout, toHeads } from './multi-head-layout.js';
import { multiHeadMask } from './multi-head-mask.js';
import './call-options.js';
import { attentionInputShapes } from './attention-shapes.js';

/**
 * Options of {@link GroupedQueryAttention}.
 * @example
 * const gqa = new GroupedQueryAttention({ headDim: 8, numQueryHeads: 4, numKeyValueHeads: 2, useBias: false, slidingWindow: 3 });
 * gqa.apply([ones([2, 10, 16]), ones([2, 10, 16])]).shape; // [2, 10, 16]
 */
export interface GroupedQueryAttentionConfig extends HeadProjectionConfig {
  /** The size of each head (query, key and value), a positive integer. */
  headDim: number;
  /** The number of query heads, a multiple of `numKeyValueHeads`. */
  numQueryHeads: number;
  /** The number of key and value heads; each serves `numQueryHeads / numKeyValueHeads` query heads. */
  numKeyValueHeads: number;
}

/**
 * Keras 3's grouped-query attention (GQA, Ainslie et al. 2023): MultiHeadAttention where
 * `numKeyValueHeads` key/value heads are shared by groups of `numQueryHeads / numKeyValueHeads`
 * query heads (query head `u` reads key/value head `⌊u / groups⌋`, as Keras' `ops.repeat`). Inputs
 * `[query, value]` or `[query, value, key]`, rank 3, query and value of one feature size (the output
 * size); the call options of MultiHeadAttention. Weights as Keras: `query/kernel`
 * `[dim, numQueryHeads, headDim]`, `key/kernel` and `value/kernel` `[dim, numKeyValueHeads, headDim]`,
 * `attention_output/kernel` `[numQueryHeads, headDim, dim]`, each followed by its bias.
 * @example
 * const gqa = new GroupedQueryAttention({ headDim: 8, numQueryHeads: 4, numKeyValueHeads: 2 });
 * gqa.apply([ones([2, 10, 16]), ones([2, 12, 16])]).shape; // [2, 10, 16]
 */
export class GroupedQueryAttention extends Layer<GroupedQueryAttentionConfig> {
  static override readonly configKeys: readonly string[] = [
    'headDim',
    'numQueryHeads',
    'numKeyValueHeads',
    'dropout',
    'useBias',
    'slidingWindow',
    'useGate',
    ...HEAD_WEIGHT_KEYS,
  ];
  static override readonly className: string = 'GroupedQueryAttention';
  readonly headDim: number;
  readonly numQueryHeads: number;
  readonly numKeyValueHeads: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly slidingWindow: number | null;
  readonly seed: number | undefined;
  private readonly kernelSpec: WeightSpec;
  private readonly biasSpec: WeightSpec;
  private readonly stream: ReturnType<typeof seededStream>;
  private weightsByName: Record<string, { kernel: Variable; bias: Variable | null }> = {};

  constructor(config: KerasOptions<GroupedQueryAttentionConfig>) {
    super(config);
    const c = this.config;
    const label = 'GroupedQueryAttention';
    for (const key of ['headDim', 'numQueryHeads', 'numKeyValueHeads'] as const) {
      const v = c[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
        throw new ValueError(`${label}: ${key} must be a positive integer, got ${JSON.stringify(v)}`);
      }
    }
    if (c.numQueryHeads % c.numKeyValueHeads !== 0) {
      throw new ValueError(
        `${label}: numQueryHeads must be a multiple of numKeyValueHeads, got numQueryHeads ${c.numQueryHeads} and numKeyValueHeads ${c.numKeyValueHeads}`,
      );
    }
    // The checks GroupedQueryAttention shares with MultiHeadAttention (dropout, slidingWindow, useGate).
    const shared = readMultiHeadShape({ ...c, numHeads: c.numQueryHeads, keyDim: c.headDim }, label);
    this.headDim = c.headDim;
    this.numQueryHeads = c.numQueryHeads;
    this.numKeyValueHeads = c.numKeyValueHeads;
    this.dropout = shared.dropout;
    this.slidingWindow = shared.slidingWindow;
    if (c.useBias !== undefined && typeof c.useBias !== 'boolean') {
      throw new ValueError(`${label}: useBias must be a boolean, got ${JSON.stringify(c.useBias)}`);
    }
    this.useBias = c.useBias ?? true;
    this.kernelSpec = weightSpec(c.kernelInitializer, 'glorotUniform', c.kernelRegularizer, c.kernelConstraint);
    this.biasSpec = weightSpec(c.biasInitializer, 'zeros', c.biasRegularizer, c.biasConstraint);
    this.seed = readSeed(c.seed, label);
    this.stream = seededStream(this.seed);
    this.supportsMasking = true;
  }

  override build(inputShape: LayerShape | LayerShape[]): void {
    const [q, v, k] = this.checkShapes(inputShape);
    const [qd, vd, kd] = [q, v, k].map((s) => s[2]);
    if (qd === null || vd === null || kd === null) {
      throw new ShapeError(
        `${layerLabel(this)}: the last dimension of query, value and key must be known, got query ${fmtShape(q)}, value ${fmtShape(v)}, key ${fmtShape(k)}`,
      );
    }
    const [H, G, h] = [this.numQueryHeads, this.numKeyValueHeads, this.headDim];
    for (const [name, shape, bound] of [
      ['query', [qd, H, h], 1],
      ['key', [kd, G, h], 1],
      ['value', [vd, G, h], 1],
      ['attention_output', [H, h, qd], 2],
    ] as const) {
      const kernel = this.addWeight(`${name}/kernel`, [...shape], this.kernelSpec);
      const bias = this.useBias ? this.addWeight(`${name}/bias`, shape.slice(bound), this.biasSpec) : null;
      this.weightsByName[name] = { kernel, bias };
    }
  }

  override call(inputs: Tensor | Tensor[], options: CallOptions): Tensor | Tensor[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const [q, v, k = v] = list;
    this.checkShapes(list.map((t) => t.shape));
    const w = this.weightsByName;
    const layout: HeadLayout = { axes: [1], others: [] };
    const mask = multiHeadMask(layerLabel(this), q, k, options, this.slidingWindow);
    const qp = contract(q, w.query.kernel, w.query.bias, 1);
    const qh = toHeads(mul(qp, 1 / Math.sqrt(this.headDim)), layout);
    const kh = this.repeatHeads(toHeads(contract(k, w.key.kernel, w.key.bias, 1), layout));
    const vh = this.repeatHeads(toHeads(contract(v, w.value.kernel, w.value.bias, 1), layout));
    const weights = maskedSoftmax(matmul(qh, kh, false, true), mask);
    const dropped =
      options.training && this.dropout > 0
        ? mul(weights, dropoutMask(weights.shape, this.dropout, this.stream()))
        : weights;
    const heads = fromHeads(matmul(dropped, vh), layout, qp.shape, this.headDim);
    const output = contract(heads, w.attention_output.kernel, w.attention_output.bias, 2);
    return options.returnAttentionScores ? [output, weights] : output;
  }

  /**
   * The output and the attention scores `[batch, numQueryHeads, T, S]`: `apply` with
   * `returnAttentionScores: true`, typed as a pair.
   * @example const [out, scores] = gqa.applyWithScores([query, value]);
   */
  applyWithScores(inputs: Tensor[], options: CallOptions = {}): [Tensor, Tensor] {
    return this.apply(inputs, { ...options, returnAttentionScores: true }) as unknown as [Tensor, Tensor];
  }

  /** As Keras: the output carries the query's mask (mask[0]). */
  override computeMask(_inputs: Tensor | Tensor[], mask?: LayerMask): LayerMask {
    return maskList(layerLabel(this), mask, 3)[0];
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    return [...this.checkShapes(inputShape)[0]];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      headDim: this.headDim,
      numQueryHeads: this.numQueryHeads,
      numKeyValueHeads: this.numKeyValueHeads,
      useBias: this.useBias,
      useGate: false,
      slidingWindow: this.slidingWindow,
      dropout: this.dropout,
      ...serializeWeightSpec('kernel', this.kernelSpec),
      ...serializeWeightSpec('bias', this.biasSpec),
      seed: this.seed ?? null,
    };
  }

  /** `[batch, G, S, h]` -> `[batch, G·groups, S, h]`, each key/value head repeated `groups` times in a row. */
  private repeatHeads(x: Tensor): Tensor {
    const groups = this.numQueryHeads / this.numKeyValueHeads;
    if (groups === 1) return x;
    const [B, G, S, h] = x.shape;
    return reshape(broadcastTo(expandDims(x, 2), [B, G, groups, S, h]), [B, G * groups, S, h]);
  }

  private checkShapes(inputShape: LayerShape | LayerShape[]): [LayerShape, LayerShape, LayerShape] {
    const label = layerLabel(this);
    const [q, v, k] = attentionInputShapes(label, inputShape);
    const all = `query ${fmtShape(q)}, value ${fmtShape(v)}, key ${fmtShape(k)}`;
    const same = (a: number | null, b: number | null) => a === null || b === null || a === b;
    if (q.length !== 3 || v.length !== 3 || k.length !== 3) {
      throw new ShapeError(`${label}: expected query, value and key of rank 3 [batch, steps, dim], got ${all}`);
    }
    if (!same(q[2], v[2])) {
      throw new ShapeError(`${label}: expected query and value with the same last dimension (Keras), got ${all}`);
    }
    if (!same(v[1], k[1]) || !same(q[0], v[0]) || !same(v[0], k[0])) {
      throw new ShapeError(`${label}: expected value and key of the same steps and one batch size, got ${all}`);
    }
    const built = this.weightsByName.query;
    if (built) {
      const want = [this.weightsByName.query, this.weightsByName.value, this.weightsByName.key].map(
        (p) => p.kernel.shape[0],
      );
      if (![q[2], v[2], k[2]].every((d, i) => same(d, want[i]))) {
        throw new ShapeError(
          `${label}: expected the feature sizes it was built for (query ${want[0]}, value ${want[1]}, key ${want[2]}), got ${all}`,
        );
      }
    }
    return [q, v, k];
  }
}

/**
 * Keras' export name of {@link GroupedQueryAttention} (`keras.layers.GroupQueryAttention`).
 * @example
 * const gqa = new GroupQueryAttention({ headDim: 8, numQueryHeads: 4, numKeyValueHeads: 2 });
 * gqa instanceof GroupedQueryAttention; // true: the same class
 */
export const GroupQueryAttention = GroupedQueryAttention;
