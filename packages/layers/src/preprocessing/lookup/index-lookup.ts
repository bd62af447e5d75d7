import { type KerasOptions, ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { singleInput, singleShape } from '../../conv/single-input.js';
import { layerLabel } from '../../engine/input-checks.js';
import { type CallOptions, Layer, type LayerShape } from '../../engine/layer.js';
import { type AdaptData, adaptBatches } from './adapt-batches.js';
import { encodedShape, encodeIndices } from './encode-indices.js';
import { type IndexLookupConfig, type LookupSettings, numberList, readLookupSettings } from './index-lookup-options.js';
import { type LookupToken, repeatedTokens, TokenCounts } from './token-counts.js';

const mean = (xs: readonly number[]) => Math.fround(xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * The base of StringLookup and IntegerLookup (Keras' IndexLookup): maps terms to indices through a
 * vocabulary (given, or learned by `adapt` in frequency order), with `maskToken` at index 0 (in
 * `int` mode), then `numOovIndices` out-of-vocabulary slots, then the terms; writes indices or
 * one_hot / multi_hot / count / tf_idf vectors, or maps indices back to terms (`invert`).
 * @example
 * const lookup = new StringLookup({ vocabulary: ['a', 'b'] });
 * lookup.getVocabulary(); // ['[UNK]', 'a', 'b']
 */
export abstract class IndexLookup<C extends IndexLookupConfig = IndexLookupConfig> extends Layer<C> {
  static override readonly configKeys: readonly string[] = [
    'maxTokens',
    'numOovIndices',
    'maskToken',
    'oovToken',
    'vocabulary',
    'idfWeights',
    'invert',
    'outputMode',
    'padToMaxTokens',
    'sparse',
    'vocabularySize',
    'oovMethod',
    'salt',
  ];
  protected readonly settings: LookupSettings;
  private tokens: LookupToken[] | null = null;
  private readonly table = new Map<LookupToken, number>();
  private idf: Float32Array | null = null;
  private frozenSize: number | null;
  private readonly inputVocabulary: LookupToken[] | null;
  private readonly inputIdfWeights: number[] | null;
  private counts: TokenCounts | null;

  constructor(config: KerasOptions<C>, defaultOov: LookupToken) {
    super(config);
    const label = layerLabel(this);
    this.settings = readLookupSettings(this.config, label, (v, what) => this.readToken(v, what), defaultOov);
    this.frozenSize = this.settings.vocabularySize;
    const { vocabulary, idfWeights } = this.config;
    this.inputIdfWeights = idfWeights == null ? null : numberList(idfWeights, 'idfWeights', label);
    if (vocabulary == null) {
      this.inputVocabulary = null;
      if (this.inputIdfWeights) {
        throw new ValueError(`${label}: idfWeights were given without a vocabulary; give both, or neither and adapt`);
      }
      this.counts = new TokenCounts(this.settings.outputMode === 'tf_idf');
    } else {
      if (!Array.isArray(vocabulary)) {
        throw new ValueError(`${label}: vocabulary must be an array of terms, got ${JSON.stringify(vocabulary)}`);
      }
      this.inputVocabulary = vocabulary.map((v, i) => this.readToken(v, `vocabulary[${i}]`));
      this.counts = null;
      this.setVocabulary(this.inputVocabulary, this.inputIdfWeights);
    }
  }

  /** Reads one term of this layer's kind (a string, an integer) or throws naming `what`. */
  protected abstract readToken(value: unknown, what: string): LookupToken;

  /** The terms of an input tensor, flat, in row-major order. */
  protected abstract readInputTokens(x: Tensor): LookupToken[];

  /** The tensor of terms `invert` returns. */
  protected abstract invertedTensor(tokens: LookupToken[], shape: number[]): Tensor;

  private oovStartIndex(): number {
    return this.settings.maskToken !== null && this.settings.outputMode === 'int' ? 1 : 0;
  }

  private tokenStartIndex(): number {
    return this.oovStartIndex() + this.settings.numOovIndices;
  }

  /**
   * Whether a vocabulary is set (given, or learned by `adapt`).
   * @example new StringLookup().hasVocabulary // false
   */
  get hasVocabulary(): boolean {
    return this.tokens !== null;
  }

  /**
   * Whether the vocabulary was given (the `vocabulary` option), so that `adapt` is refused.
   * @example new StringLookup({ vocabulary: ['a'] }).fixedVocabulary // true
   */
  get fixedVocabulary(): boolean {
    return this.counts === null;
  }

  /**
   * The vocabulary size: the terms plus the mask and OOV slots.
   * @example new StringLookup({ vocabulary: ['a', 'b'] }).vocabularySize() // 3
   */
  vocabularySize(): number {
    return this.tokenStartIndex() + (this.tokens?.length ?? 0);
  }

  /**
   * The vocabulary in index order: with the mask and OOV terms first (`includeSpecialTokens`,
   * default true, so that a term's position is its index) or without them.
   * @example new IntegerLookup({ vocabulary: [12, 36] }).getVocabulary() // [-1, 12, 36]
   */
  getVocabulary(includeSpecialTokens = true): LookupToken[] {
    const { maskToken, oovToken, numOovIndices } = this.settings;
    const special: LookupToken[] = [];
    if (this.oovStartIndex() === 1) special.push(maskToken as LookupToken);
    for (let i = 0; i < numOovIndices; i++) special.push(oovToken as LookupToken);
    const tokens = this.tokens ?? [];
    return includeSpecialTokens ? [...special, ...tokens] : [...tokens];
  }

  /**
   * Replaces the vocabulary (and in `tf_idf` mode the IDF weights, one per term) as Keras'
   * `set_vocabulary`: the terms may start with the mask and OOV terms in their slots' order; a
   * repeated term, a misplaced mask / OOV term or more than `maxTokens` terms is an error.
   * @example lookup.setVocabulary(['x', 'y']); lookup.getVocabulary() // ['[UNK]', 'x', 'y']
   */
  setVocabulary(vocabulary: readonly LookupToken[], idfWeights: readonly number[] | null = null): void {
    const label = layerLabel(this);
    const { outputMode, maskToken, oovToken, invert, maxTokens, padToMaxTokens } = this.settings;
    if (outputMode === 'tf_idf' && idfWeights === null) {
      throw new ValueError(`${label}: setVocabulary in outputMode 'tf_idf' needs idfWeights, got none`);
    }
    if (outputMode !== 'tf_idf' && idfWeights !== null) {
      throw new ValueError(
        `${label}: idfWeights are only used with outputMode 'tf_idf', got outputMode '${outputMode}'`,
      );
    }
    if (vocabulary.length === 0) throw new ValueError(`${label}: cannot set an empty vocabulary`);
    const vocab = vocabulary.map((v, i) => this.readToken(v, `vocabulary[${i}]`));
    const start = this.tokenStartIndex();
    const special = this.getVocabulary(true).slice(0, start);
    const foundSpecial = vocab.length >= start && special.every((t, i) => vocab[i] === t);
    const tokens = foundSpecial ? vocab.slice(start) : vocab;
    const repeated = repeatedTokens(tokens);
    if (repeated.length > 0) {
      throw new ValueError(
        `${label}: the vocabulary repeats ${repeated.map((t) => JSON.stringify(t)).join(', ')}; every term must be unique`,
      );
    }
    const misplaced = (token: LookupToken | null, what: string) => {
      if (token === null || !tokens.includes(token)) return;
      throw new ValueError(
        `${label}: the vocabulary holds the ${what} ${JSON.stringify(token)} at index ${vocab.lastIndexOf(token)}; leave the mask and OOV terms out, or put them first in this order: ${JSON.stringify(special)}`,
      );
    };
    misplaced(maskToken, 'mask token');
    if (invert) misplaced(oovToken, 'OOV token');
    if (maxTokens !== null && start + tokens.length > maxTokens) {
      throw new ValueError(
        `${label}: a vocabulary of ${start + tokens.length} terms (with the mask and OOV slots) exceeds maxTokens ${maxTokens}`,
      );
    }
    if (idfWeights !== null) {
      if (idfWeights.length !== vocab.length) {
        throw new ValueError(
          `${label}: idfWeights must have one weight per vocabulary term (${vocab.length}), got ${idfWeights.length}`,
        );
      }
      // Keras pads the special slots with the mean weight (unless given), and pads to maxTokens with 0.
      const front = foundSpecial ? [] : new Array<number>(start).fill(mean(idfWeights));
      const weights = [...front, ...idfWeights];
      const depth = padToMaxTokens ? (maxTokens as number) : weights.length;
      this.idf = new Float32Array(Math.max(depth, weights.length));
      this.idf.set(weights);
    }
    this.installTokens(tokens);
  }

  /** Makes `tokens` the vocabulary after the special slots and records its size. */
  private installTokens(tokens: LookupToken[]): void {
    const start = this.tokenStartIndex();
    this.tokens = tokens;
    this.table.clear();
    tokens.forEach((t, i) => {
      this.table.set(t, start + i);
    });
    this.recordVocabularySize();
  }

  private recordVocabularySize(): void {
    const size = this.vocabularySize();
    const { outputMode, padToMaxTokens } = this.settings;
    if (outputMode !== 'int' && !padToMaxTokens && this.frozenSize !== null && this.frozenSize !== size) {
      throw new ValueError(
        `${layerLabel(this)}: in outputMode '${outputMode}' without padToMaxTokens the vocabulary size cannot change once set: it was ${this.frozenSize}, the new vocabulary has ${size}`,
      );
    }
    this.frozenSize = size;
  }

  /**
   * Learns the vocabulary (and the IDF weights in `tf_idf` mode) from `data`: a tensor, an array
   * of terms (one document each) or of rows (a row is a document), or an iterable of such batches.
   * Terms are ordered by frequency, ties by term, greater first (as Keras); at most `maxTokens`
   * slots in all. Replaces what an earlier `adapt` learned.
   * @example
   * const lookup = new StringLookup();
   * lookup.adapt([['a', 'b', 'b'], ['c', 'b', 'a']]);
   * lookup.getVocabulary(); // ['[UNK]', 'b', 'a', 'c']
   */
  adapt(data: AdaptData<LookupToken>): void {
    this.resetState();
    for (const batch of adaptBatches(data, (x) => this.readInputTokens(x), layerLabel(this))) this.updateState(batch);
    this.finalizeState();
  }

  /** Forgets the counts of an unfinished adapt (Keras' `reset_state`). */
  resetState(): void {
    if (this.counts) this.counts = new TokenCounts(this.counts.trackDocuments);
  }

  /** Counts the terms of one batch of rows (each row one document), as Keras' `update_state`. */
  updateState(rows: readonly (readonly LookupToken[])[]): void {
    if (this.counts === null) {
      throw new ValueError(
        `${layerLabel(this)}: cannot adapt a layer given a fixed vocabulary (the vocabulary option)`,
      );
    }
    this.counts.update(rows.map((row, r) => row.map((t, i) => this.readToken(t, `data[${r}][${i}]`))));
  }

  /** Turns the counts into the vocabulary (and IDF weights), as Keras' `finalize_state`. */
  finalizeState(): void {
    const counts = this.counts;
    if (counts === null || counts.empty) return;
    const { maskToken, oovToken, maxTokens, padToMaxTokens } = this.settings;
    const start = this.tokenStartIndex();
    const tokens = counts.mostFrequent([maskToken, oovToken], maxTokens === null ? null : maxTokens - start);
    if (counts.trackDocuments) {
      const weights = counts.inverseDocumentFrequency(tokens);
      const front = new Array<number>(start).fill(mean(weights));
      this.idf = new Float32Array(padToMaxTokens ? (maxTokens as number) : start + weights.length);
      this.idf.set([...front, ...weights]);
    }
    this.resetState();
    this.installTokens(tokens);
  }

  /**
   * The index of each term: the mask term to 0 in `int` mode (dropped, -1, in the others), an
   * unknown term to an OOV slot (`token mod numOovIndices` for several), an error if there is none.
   * @example new StringLookup({ vocabulary: ['a', 'b'] }).lookupTokens(['b', 'z']) // Int32Array [2, 0]
   */
  lookupTokens(tokens: readonly LookupToken[]): Int32Array {
    const label = layerLabel(this);
    if (this.tokens === null) throw this.noVocabulary();
    const { maskToken, numOovIndices, outputMode } = this.settings;
    const oovStart = this.oovStartIndex();
    const out = new Int32Array(tokens.length);
    const unknown: LookupToken[] = [];
    tokens.forEach((t, i) => {
      if (maskToken !== null && t === maskToken) {
        out[i] = outputMode === 'int' ? 0 : -1;
        return;
      }
      const found = this.table.get(t);
      if (found !== undefined) out[i] = found;
      else if (numOovIndices === 1) out[i] = oovStart;
      else if (numOovIndices > 1) out[i] = oovStart + this.oovBucket(t, numOovIndices);
      else unknown.push(t);
    });
    if (unknown.length > 0) {
      throw new ValueError(
        `${label}: with numOovIndices 0 every input must be in the vocabulary; got the unknown terms ${JSON.stringify(unknown.slice(0, 10))}; consider numOovIndices: 1`,
      );
    }
    return out;
  }

  /** The OOV slot (of `buckets`) of an unknown term when there are several. */
  protected abstract oovBucket(token: LookupToken, buckets: number): number;

  /**
   * Encodes indices of `shape` in the layer's output mode (not `int`) into a float32 tensor.
   * @example lookup.encode(Int32Array.of(1, 2), [2]) // multi_hot: Tensor [0, 1, 1]
   */
  encode(indices: Int32Array, shape: readonly number[]): Tensor {
    const { outputMode, padToMaxTokens, maxTokens } = this.settings;
    if (outputMode === 'int') return tensor(indices, [...shape], 'int32');
    if ((outputMode === 'count' || outputMode === 'tf_idf') && shape.length > 2) {
      throw new ShapeError(
        `${layerLabel(this)}: outputMode '${outputMode}' takes inputs of rank 0 to 2, got shape [${shape.join(', ')}]`,
      );
    }
    const depth = padToMaxTokens ? (maxTokens as number) : this.vocabularySize();
    const encoded = encodeIndices(indices, shape, outputMode, depth, this.idf);
    return tensor(encoded.values, encoded.shape, 'float32');
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    const x = singleInput(this, inputs);
    const shape = [...x.shape];
    if (!this.settings.invert) return this.encode(this.lookupTokens(this.readInputTokens(x)), shape);
    if (this.tokens === null) throw this.noVocabulary();
    return this.invertedTensor(this.invertIndices(Array.from(x.dataSync() as ArrayLike<number>)), shape);
  }

  private noVocabulary(): ValueError {
    return new ValueError(
      `${layerLabel(this)}: the layer has no vocabulary yet; pass the vocabulary option or call adapt() first`,
    );
  }

  private invertIndices(indices: readonly number[]): LookupToken[] {
    const { maskToken, oovToken } = this.settings;
    const start = this.tokenStartIndex();
    const tokens = this.tokens as LookupToken[];
    return indices.map((k) => {
      if (maskToken !== null && k === 0) return maskToken;
      const t = Number.isInteger(k) && k >= start ? tokens[k - start] : undefined;
      return t ?? (oovToken as LookupToken);
    });
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    const { outputMode, padToMaxTokens, maxTokens } = this.settings;
    if (outputMode === 'int') return [...shape];
    return encodedShape(shape, outputMode, padToMaxTokens ? maxTokens : this.frozenSize);
  }

  /**
   * The config; after `adapt` it holds the learned vocabulary (with the special terms first) and
   * IDF weights, so that `fromConfig` rebuilds the same lookup (Keras keeps them in assets instead).
   */
  override getConfig(): Record<string, unknown> {
    const s = this.settings;
    const learned = this.inputVocabulary === null && this.tokens !== null;
    const idf = this.idf ? Array.from(this.idf.subarray(0, this.vocabularySize())) : null;
    return {
      ...super.getConfig(),
      invert: s.invert,
      maxTokens: s.maxTokens,
      numOovIndices: s.numOovIndices,
      oovToken: s.oovToken,
      maskToken: s.maskToken,
      outputMode: s.outputMode,
      sparse: false,
      padToMaxTokens: s.padToMaxTokens,
      idfWeights: learned ? idf : this.inputIdfWeights,
      vocabulary: learned ? this.getVocabulary(true) : this.inputVocabulary,
      vocabularySize: this.frozenSize,
      oovMethod: s.oovMethod,
      salt: s.salt,
    };
  }
}
