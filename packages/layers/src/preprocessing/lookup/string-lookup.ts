import { DTypeError, type KerasOptions, type Tensor, tensor, ValueError } from '@horn/tensor';
import { layerLabel } from '../../engine/input-checks.js';
import type { InputDTypes } from '../../engine/input-dtypes.js';
import { IndexLookup } from './index-lookup.js';
import type { IndexLookupConfig } from './index-lookup-options.js';
import { hashBucket } from './oov-hash.js';
import type { LookupToken } from './token-counts.js';

/**
 * Options of {@link StringLookup}.
 * @example
 * const lookup = new StringLookup({ maxTokens: 4, encoding: 'utf-8' });
 * lookup.adapt(tensor(['a', 'b', 'b', 'c', 'c', 'c']));
 * lookup.getVocabulary(); // ['[UNK]', 'c', 'b', 'a']: most frequent first
 */
export interface StringLookupConfig extends IndexLookupConfig<string> {
  /** Only `'utf-8'` (JS strings are Unicode already). */
  encoding?: 'utf-8';
}

/**
 * Maps strings to integer indices through a vocabulary (Keras' StringLookup): index 0 is the OOV
 * slot `'[UNK]'` (after the mask slot when `maskToken` is set), then the terms. The vocabulary is
 * given or learned by `adapt` (most frequent first). Takes a `'string'` tensor; gives int32
 * indices, or float32 one_hot / multi_hot / count / tf_idf vectors; `invert` maps indices back.
 * With several OOV slots (`numOovIndices > 1`) an unknown term goes to slot FarmHash64(term) mod
 * `numOovIndices` (SipHash-2-4 with a `salt`), as TF's `to_hash_bucket_fast` / `_strong`.
 * @example
 * const lookup = new StringLookup({ vocabulary: ['a', 'b', 'c', 'd'] });
 * lookup.apply(tensor([['a', 'c', 'd'], ['d', 'z', 'b']])).arraySync(); // [[1, 3, 4], [4, 0, 2]]
 */
export class StringLookup extends IndexLookup<StringLookupConfig> {
  static override readonly configKeys: readonly string[] = ['encoding'];
  static override readonly className = 'StringLookup';

  constructor(config: KerasOptions<StringLookupConfig> = {}) {
    super(config, '[UNK]');
    const encoding = this.config.encoding;
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      throw new ValueError(`${layerLabel(this)}: encoding must be 'utf-8', got ${JSON.stringify(encoding)}`);
    }
  }

  /** Strings in; `invert` takes the int indices. */
  get inputDTypes(): InputDTypes {
    return this.settings.invert ? ['int32'] : ['string'];
  }

  /** int32 indices, float32 encodings, or strings (`invert`). */
  computeOutputDType(): 'int32' | 'float32' | 'string' {
    if (this.settings.invert) return 'string';
    return this.settings.outputMode === 'int' ? 'int32' : 'float32';
  }

  protected readToken(value: unknown, what: string): LookupToken {
    if (typeof value !== 'string') {
      throw new ValueError(`${layerLabel(this)}: ${what} must be a string, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  protected readInputTokens(x: Tensor): LookupToken[] {
    if (x.dtype !== 'string') {
      throw new DTypeError(`${layerLabel(this)}: expected a 'string' tensor, got dtype '${x.dtype}'`);
    }
    return x.dataSync<'string'>();
  }

  protected invertedTensor(tokens: LookupToken[], shape: number[]): Tensor {
    return tensor(tokens as string[], shape);
  }

  protected oovBucket(token: LookupToken, buckets: number): number {
    return hashBucket(token as string, buckets, this.settings.salt);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), encoding: 'utf-8' };
  }
}
