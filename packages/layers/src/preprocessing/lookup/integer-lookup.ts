import { type KerasOptions, type Tensor, tensor, ValueError } from '@horn/tensor';
import { layerLabel } from '../../engine/input-checks.js';
import type { InputDTypes } from '../../engine/input-dtypes.js';
import { IndexLookup } from './index-lookup.js';
import type { IndexLookupConfig } from './index-lookup-options.js';
import { hashBucket } from './oov-hash.js';
import type { LookupToken } from './token-counts.js';

/**
 * Options of {@link IntegerLookup}.
 * @example
 * const lookup = new IntegerLookup({ vocabulary: [12, 36], vocabularyDtype: 'int64' });
 * lookup.apply(tensor([[36, 12, 7]], undefined, 'int32')).arraySync(); // [[2, 1, 0]]: 7 is out of vocabulary
 */
export interface IntegerLookupConfig extends IndexLookupConfig<number> {
  /** Only `'int64'` (Keras' only choice; Horn holds the integers as JS numbers). */
  vocabularyDtype?: 'int64';
}

/**
 * Maps integers to indices through a vocabulary (Keras' IntegerLookup): index 0 is the OOV slot
 * (OOV token -1; after the mask slot when `maskToken` is set), then the terms; with several OOV
 * slots an unknown integer goes to slot `x mod numOovIndices` (Keras' 'floormod'; with
 * `oovMethod: 'farmhash'`, FarmHash64 of its decimal string, SipHash-2-4 with a `salt`). The vocabulary
 * is given or learned by `adapt` (most frequent first, ties: greater first). Takes int32 or float
 * tensors of integers; gives int32 indices or float32 one_hot / multi_hot / count / tf_idf vectors.
 * @example
 * const lookup = new IntegerLookup({ vocabulary: [12, 36, 1138, 42] });
 * lookup.apply(tensor([[12, 1138, 42], [42, 1000, 36]], [2, 3], 'int32')).arraySync(); // [[1, 3, 4], [4, 0, 2]]
 */
export class IntegerLookup extends IndexLookup<IntegerLookupConfig> {
  static override readonly configKeys: readonly string[] = ['vocabularyDtype'];
  static override readonly className = 'IntegerLookup';
  readonly inputDTypes: InputDTypes = ['int32', 'float32'];

  constructor(config: KerasOptions<IntegerLookupConfig> = {}) {
    super(config, -1);
    const dtype = this.config.vocabularyDtype;
    if (this.settings.salt !== null && this.settings.oovMethod !== 'farmhash') {
      throw new ValueError(
        `${layerLabel(this)}: salt needs oovMethod 'farmhash', got oovMethod '${this.settings.oovMethod}'`,
      );
    }
    if (dtype !== undefined && dtype !== 'int64') {
      throw new ValueError(`${layerLabel(this)}: vocabularyDtype must be 'int64', got ${JSON.stringify(dtype)}`);
    }
  }

  /** int32 indices (or terms, `invert`), float32 encodings. */
  computeOutputDType(): 'int32' | 'float32' {
    return this.settings.outputMode === 'int' ? 'int32' : 'float32';
  }

  protected readToken(value: unknown, what: string): LookupToken {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new ValueError(`${layerLabel(this)}: ${what} must be an integer, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  protected readInputTokens(x: Tensor): LookupToken[] {
    const values = Array.from(x.dataSync());
    const bad = values.find((v) => !Number.isInteger(v));
    if (bad !== undefined) {
      throw new ValueError(`${layerLabel(this)}: expected integer inputs, got ${bad} (dtype '${x.dtype}')`);
    }
    return values;
  }

  protected invertedTensor(tokens: LookupToken[], shape: number[]): Tensor {
    return tensor(Int32Array.from(tokens as number[]), shape, 'int32');
  }

  protected oovBucket(token: LookupToken, buckets: number): number {
    const t = token as number;
    if (this.settings.oovMethod === 'farmhash') return hashBucket(String(t), buckets, this.settings.salt);
    return ((t % buckets) + buckets) % buckets;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), vocabularyDtype: 'int64' };
  }
}
