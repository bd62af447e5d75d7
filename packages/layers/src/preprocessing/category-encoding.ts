import type { KerasOptions } from '@horn/tensor';
import { type Tensor, ValueError } from '@horn/tensor';
import { singleInput } from '../conv/single-input.js';
import { enumOption } from '../engine/identifiers.js';
import { layerLabel } from '../engine/input-checks.js';
import type { InputDTypes } from '../engine/input-dtypes.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import {
  assertEncodableRank,
  type CategoricalOutputMode,
  encodeCategorical,
  encodedShape,
} from './encoding/encode-categorical.js';
import { countWeightsOf, refuseSparse } from './encoding/encoding-options.js';

/**
 * Options of {@link CategoryEncoding}.
 * @example
 * new CategoryEncoding({ numTokens: 4, outputMode: 'one_hot' }).apply(tensor([3, 1], undefined, 'int32')).arraySync();
 * // [[0, 0, 0, 1], [0, 1, 0, 0]]
 * new CategoryEncoding({ numTokens: 4, outputMode: 'multi_hot' }).apply(tensor([[0, 3]], undefined, 'int32')).arraySync(); // [[1, 0, 0, 1]]
 */
export interface CategoryEncodingConfig extends LayerConfig {
  /** How many categories: inputs are integers in `[0, numTokens)`. Required. */
  numTokens: number;
  /** `'multi_hot'` (default; Keras' old `'binary'` too), `'one_hot'` or `'count'`. */
  outputMode?: CategoricalOutputMode | 'binary';
  /** Sparse outputs are not supported: only `false`. */
  sparse?: boolean;
}

/**
 * Options of a {@link CategoryEncoding} call: `countWeights` weighs each input value in `'count'` mode.
 * @example
 * const encode = new CategoryEncoding({ numTokens: 4, outputMode: 'count' });
 * const options: CategoryEncodingCallOptions = { countWeights: tensor([[0.5, 1, 2]]) };
 * encode.apply(tensor([[0, 1, 1]], undefined, 'int32'), options).arraySync(); // [[0.5, 3, 0, 0]]
 */
export interface CategoryEncodingCallOptions extends CallOptions {
  /** One weight per input value (the input's shape), summed instead of 1s; `'count'` mode only. */
  countWeights?: Tensor;
}

/**
 * Keras' CategoryEncoding: integer categories in `[0, numTokens)` to float32 vectors of
 * `numTokens`: `one_hot` (one vector per value; a trailing axis of 1 is replaced), `multi_hot`
 * (one vector per sample, 1 where a category occurs) or `count` (how often, or the sum of
 * `countWeights`). Inputs of rank 1 or 2 (any rank for `one_hot`); a value out of range throws.
 * @example
 * new CategoryEncoding({ numTokens: 4, outputMode: 'one_hot' }).apply(tensor([3, 2, 0, 1], [4], 'int32'));
 * // [[0, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]
 */
export class CategoryEncoding extends Layer<CategoryEncodingConfig> {
  static override readonly configKeys: readonly string[] = ['numTokens', 'outputMode', 'sparse'];
  static override readonly className = 'CategoryEncoding';
  /** Integer inputs stay int32; float32 inputs must hold integers. */
  readonly inputDTypes: InputDTypes = ['int32', 'float32'];
  readonly numTokens: number;
  readonly outputMode: CategoricalOutputMode;

  constructor(config: KerasOptions<CategoryEncodingConfig>) {
    super(config);
    const label = layerLabel(this);
    const { numTokens, outputMode, sparse } = this.config;
    if (!(Number.isInteger(numTokens) && numTokens >= 1)) {
      throw new ValueError(
        `${label}: numTokens must be an integer >= 1 (use IntegerLookup when the number of categories is unknown), got ${JSON.stringify(numTokens)}`,
      );
    }
    this.numTokens = numTokens;
    const mode = outputMode === 'binary' ? 'multi_hot' : (outputMode ?? 'multi_hot');
    this.outputMode = enumOption(mode, ['one_hot', 'multi_hot', 'count'] as const, 'outputMode', label);
    refuseSparse(sparse, label);
  }

  override call(inputs: Tensor | Tensor[], options: CategoryEncodingCallOptions = {}): Tensor {
    const x = singleInput(this, inputs);
    const label = layerLabel(this);
    assertEncodableRank(x.shape, this.outputMode, label);
    const weights = countWeightsOf(options.countWeights, x, this.outputMode, label);
    return encodeCategorical(x.dataSync(), x.shape, this.outputMode, this.numTokens, weights, label);
  }

  /** Keras' CategoryEncoding output shape (see {@link encodedShape}). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    return encodedShape(inputShape as LayerShape, this.outputMode, this.numTokens);
  }

  /** `numTokens` and `outputMode` (Keras writes no `sparse`). */
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), numTokens: this.numTokens, outputMode: this.outputMode };
  }
}
