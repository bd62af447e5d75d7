import type { KerasOptions } from '@horn/tensor';
import { type DType, DTypeError, makeTensor, type Tensor, ValueError } from '@horn/tensor';
import { singleInput } from '../../conv/single-input.js';
import { enumOption } from '../../engine/identifiers.js';
import { layerLabel } from '../../engine/input-checks.js';
import type { InputDTypes } from '../../engine/input-dtypes.js';
import { type CallOptions, Layer, type LayerConfig, type LayerShape } from '../../engine/layer.js';
import {
  assertEncodableRank,
  type CategoricalOutputMode,
  encodeCategorical,
  encodedShape,
} from '../encoding/encode-categorical.js';
import { refuseSparse } from '../encoding/encoding-options.js';
import { farmhashFingerprint64 } from './farmhash64.js';
import { siphash24 } from './siphash24.js';

/**
 * Options of {@link Hashing}.
 * @example
 * const hashing = new Hashing({ numBins: 3, maskValue: '', salt: 133, outputMode: 'int' });
 * hashing.apply(tensor([[''], ['a'], ['b']])).arraySync(); // [[0], [2], [1]]: the mask value '' is bin 0, the others hash into 1..2
 */
export interface HashingConfig extends Omit<LayerConfig, 'dtype'> {
  /** How many bins, the mask bin included. Required. */
  numBins: number;
  /** An input value that goes to bin 0 (the others then hash into bins 1..numBins-1). Default null. */
  maskValue?: string | number | null;
  /** A key for SipHash-2-4 (one integer, used twice, or two); default null: FarmHash Fingerprint64. */
  salt?: number | readonly [number, number] | null;
  /** `'int'` (default: the bin, int32), `'one_hot'`, `'multi_hot'` or `'count'`. */
  outputMode?: 'int' | CategoricalOutputMode;
  /** Sparse outputs are not supported: only `false`. */
  sparse?: boolean;
  /** `'int64'` (default, held as int32) or `'int32'` in int mode; `'float32'` in the others. */
  dtype?: 'int32' | 'int64' | 'float32';
}

const encoder = new TextEncoder();

/**
 * Keras' Hashing: strings (or integers, hashed as their decimal text; floats truncated first) to
 * bins in `[0, numBins)`, as TensorFlow computes them: FarmHash Fingerprint64 modulo the bins
 * (`tf.strings.to_hash_bucket_fast`), or with `salt` SipHash-2-4 keyed by it
 * (`to_hash_bucket_strong`). `maskValue` goes to bin 0. Outputs int32 bins, or one_hot / multi_hot
 * / count vectors of `numBins`.
 * @example
 * new Hashing({ numBins: 3 }).apply(tensor([['A'], ['B'], ['C'], ['D'], ['E']])).arraySync();
 * // [[1], [0], [1], [1], [2]]
 */
export class Hashing extends Layer {
  static override readonly configKeys: readonly string[] = ['numBins', 'maskValue', 'salt', 'outputMode', 'sparse'];
  static override readonly className = 'Hashing';
  /** Strings, integers (int32) and floats (truncated to integers) are hashed. */
  readonly inputDTypes: InputDTypes = ['string', 'int32', 'float32'];
  readonly numBins: number;
  readonly maskValue: string | number | null;
  readonly salt: [number, number] | null;
  readonly outputMode: 'int' | CategoricalOutputMode;
  private readonly outputDType: 'int32' | 'int64' | 'float32';

  constructor(config: KerasOptions<HashingConfig>) {
    const { dtype, ...rest } = config as Record<string, unknown>;
    super(rest as never);
    const label = layerLabel(this);
    const options = this.config as unknown as HashingConfig;
    this.outputMode = enumOption(
      options.outputMode ?? 'int',
      ['int', 'one_hot', 'multi_hot', 'count'] as const,
      'outputMode',
      label,
    );
    if (!(Number.isInteger(options.numBins) && options.numBins > 0)) {
      throw new ValueError(`${label}: numBins must be a positive integer, got ${JSON.stringify(options.numBins)}`);
    }
    this.numBins = options.numBins;
    const mask = options.maskValue ?? null;
    if (mask !== null && typeof mask !== 'string' && !Number.isInteger(mask)) {
      throw new ValueError(`${label}: maskValue must be a string, an integer or null, got ${JSON.stringify(mask)}`);
    }
    this.maskValue = mask;
    this.salt = readSalt(options.salt ?? null, label);
    refuseSparse(options.sparse, label);
    const wanted = dtype ?? (this.outputMode === 'int' ? 'int64' : 'float32');
    const allowed = this.outputMode === 'int' ? ['int32', 'int64'] : ['float32'];
    if (typeof wanted !== 'string' || !allowed.includes(wanted)) {
      throw new ValueError(
        `${label}: dtype must be ${allowed.map((d) => `'${d}'`).join(' or ')} when outputMode is '${this.outputMode}', got ${JSON.stringify(wanted)}`,
      );
    }
    this.outputDType = wanted as 'int32' | 'int64' | 'float32';
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    const label = layerLabel(this);
    assertEncodableRank(x.shape, this.outputMode, label);
    const bins = this.hashToBins(x, label);
    if (this.outputMode === 'int') return makeTensor(bins, x.shape, 'int32');
    return encodeCategorical(bins, x.shape, this.outputMode, this.numBins, null, label);
  }

  /** The bin of every value of `x` (Keras' `_hash_values_to_bins`). */
  private hashToBins(x: Tensor, label: string): Int32Array {
    const masked = this.maskValue !== null && this.numBins > 1;
    const hashBins = BigInt(masked ? this.numBins - 1 : this.numBins);
    const isString = x.dtype === 'string';
    if (masked && isString !== (typeof this.maskValue === 'string')) {
      throw new DTypeError(
        `${label}: maskValue ${JSON.stringify(this.maskValue)} cannot be compared with ${x.dtype} inputs; give a ${isString ? 'string' : 'number'}`,
      );
    }
    const values: ArrayLike<string | number> = isString ? x.dataSync<'string'>() : x.dataSync();
    const key: [bigint, bigint] | null = this.salt ? [BigInt(this.salt[0]), BigInt(this.salt[1])] : null;
    const out = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (masked && v === this.maskValue) continue; // bin 0
      const text = typeof v === 'string' ? v : String(Math.trunc(v));
      const bytes = encoder.encode(text);
      const hash = key ? siphash24(bytes, key) : farmhashFingerprint64(bytes);
      out[i] = Number(hash % hashBins) + (masked ? 1 : 0);
    }
    return out;
  }

  /** int32 bins in `'int'` mode, float32 vectors otherwise. */
  computeOutputDType(): DType {
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  /** The input's shape in `'int'` mode; else the encoded shape (see CategoryEncoding). */
  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = inputShape as LayerShape;
    return this.outputMode === 'int' ? shape : encodedShape(shape, this.outputMode, this.numBins);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      dtype: this.outputDType,
      numBins: this.numBins,
      salt: this.salt,
      maskValue: this.maskValue,
      outputMode: this.outputMode,
      sparse: false,
    };
  }
}

function readSalt(salt: unknown, label: string): [number, number] | null {
  if (salt === null) return null;
  const ok = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (ok(salt)) return [salt as number, salt as number];
  if (Array.isArray(salt) && salt.length === 2 && salt.every(ok)) return [salt[0], salt[1]];
  throw new ValueError(
    `${label}: salt must be a non-negative integer or a list of 2 of them (the SipHash key), got ${JSON.stringify(salt)}`,
  );
}
