import { DTypeError, type KerasOptions, ShapeError, Tensor, tensor, ValueError } from '@horn/tensor';
import { singleInput, singleShape } from '../../conv/single-input.js';
import { fmtShape, layerLabel } from '../../engine/input-checks.js';
import type { InputDTypes } from '../../engine/input-dtypes.js';
import { type CallOptions, Layer, type LayerShape } from '../../engine/layer.js';
import type { LookupOutputMode } from '../lookup/encode-indices.js';
import { lookupOutputMode } from '../lookup/index-lookup-options.js';
import { StringLookup } from '../lookup/string-lookup.js';
import { ngrams, type Split, type Standardize, splitText, standardizeText } from './text-preprocess.js';
import {
  ngramWidths,
  sequenceLength,
  serializeFunctionOption,
  splitOption,
  standardizeOption,
  type TextVectorizationConfig,
} from './text-vectorization-options.js';

export type { TextVectorizationConfig } from './text-vectorization-options.js';

/**
 * What TextVectorization's `adapt` takes: strings, a string tensor, or an iterable of batches of them.
 * @example
 * const vectorizer = new TextVectorization({ maxTokens: 5 });
 * vectorizer.adapt(['the cat', 'the dog']); // strings; a string tensor or an iterable of batches works too
 * vectorizer.getVocabulary(); // ['', '[UNK]', 'the', 'dog', 'cat']
 */
export type TextAdaptData =
  | Tensor
  | readonly string[]
  | readonly (readonly string[])[]
  | Iterable<Tensor | readonly string[] | readonly (readonly string[])[]>;

/**
 * Turns raw text into token indices or bag-of-words vectors (Keras' TextVectorization): each string
 * is standardized (default: ASCII lowercase, punctuation stripped), split (default: on whitespace),
 * optionally expanded with n-grams, then looked up in a vocabulary: index 0 is padding (`''`), 1
 * the OOV term `'[UNK]'`, then the terms, most frequent first when learned by `adapt`.
 *
 * Input: a `'string'` tensor `[batch]` or `[batch, 1]` (`tensor(['a text', ...])`); in a model,
 * `Input({ shape: [1], dtype: 'string' })`, and `predict` takes `string[]`. Output: int32
 * `[batch, outputSequenceLength]` (rows padded with 0 or cut; without a length, padded to the
 * longest row) or float32 `[batch, depth]` multi_hot / count / tf_idf vectors. The config holds the
 * vocabulary (and IDF weights), so a saved model takes raw text back exactly.
 * @example
 * const vectorize = new TextVectorization({ outputSequenceLength: 4 });
 * vectorize.adapt(['foo bar', 'bar baz', 'baz bada boom']);
 * vectorize.apply(tensor([['foo qux bar'], ['qux baz']])).arraySync(); // [[4, 1, 3, 0], [1, 2, 0, 0]]
 */
export class TextVectorization extends Layer<TextVectorizationConfig> {
  static override readonly configKeys: readonly string[] = [
    'maxTokens',
    'standardize',
    'split',
    'ngrams',
    'outputMode',
    'outputSequenceLength',
    'padToMaxTokens',
    'vocabulary',
    'idfWeights',
    'sparse',
    'ragged',
    'encoding',
    'vocabularySize',
  ];
  static override readonly className = 'TextVectorization';
  readonly inputDTypes: InputDTypes = ['string'];
  readonly standardize: Standardize;
  readonly split: Split;
  readonly ngrams: number[] | null;
  readonly outputMode: Exclude<LookupOutputMode, 'one_hot'>;
  readonly outputSequenceLength: number | null;
  private readonly lookup: StringLookup;

  constructor(config: KerasOptions<TextVectorizationConfig> = {}) {
    super(config);
    const label = layerLabel(this);
    const c = this.config;
    this.standardize = standardizeOption(c.standardize, label);
    this.split = splitOption(c.split, label);
    this.ngrams = ngramWidths(c.ngrams, label);
    this.outputMode = lookupOutputMode(c.outputMode, label, ['int', 'multi_hot', 'count', 'tf_idf']) as Exclude<
      LookupOutputMode,
      'one_hot'
    >;
    this.outputSequenceLength = sequenceLength(c.outputSequenceLength, this.outputMode, label);
    if (c.ragged !== undefined && c.ragged !== false) {
      throw new ValueError(
        `${label}: ragged must be false (Horn has no ragged tensors; rows are padded), got ${JSON.stringify(c.ragged)}`,
      );
    }
    if (c.encoding !== undefined && c.encoding !== 'utf-8' && c.encoding !== 'utf8') {
      throw new ValueError(`${label}: encoding must be 'utf-8', got ${JSON.stringify(c.encoding)}`);
    }
    this.lookup = new StringLookup({
      name: `${this.name}_lookup`,
      maxTokens: c.maxTokens,
      vocabulary: c.vocabulary,
      idfWeights: c.idfWeights,
      padToMaxTokens: c.padToMaxTokens,
      maskToken: '',
      outputMode: this.outputMode,
      sparse: c.sparse,
      vocabularySize: c.vocabularySize,
    });
  }

  /** int32 indices in `int` mode, float32 vectors in the others. */
  computeOutputDType(): 'int32' | 'float32' {
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  /** The token rows of a batch of strings: standardized, split, with n-grams. */
  private preprocess(texts: readonly string[], rowLength: number): string[][] {
    const label = layerLabel(this);
    const rows: string[][] = [];
    for (let r = 0; r * rowLength < texts.length; r++) {
      const row = texts.slice(r * rowLength, (r + 1) * rowLength).map((t) => standardizeText(t, this.standardize));
      const tokens = this.split === null ? row : splitText(row[0], this.split, label);
      rows.push(this.ngrams ? ngrams(tokens, this.ngrams) : tokens);
    }
    return rows;
  }

  /** The strings of an input tensor and how many make one row, checking dtype and rank. */
  private readTexts(x: Tensor): { texts: string[]; rowLength: number } {
    const label = layerLabel(this);
    if (x.dtype !== 'string') throw new DTypeError(`${label}: expected a 'string' tensor, got dtype '${x.dtype}'`);
    const ok = x.rank === 1 || (x.rank === 2 && (this.split === null || x.shape[1] === 1));
    if (!ok) {
      throw new ShapeError(
        `${label}: expected strings of shape [batch] or [batch, 1]${this.split === null ? ' (or [batch, tokens] with split null)' : ''}, got ${fmtShape(x.shape)}`,
      );
    }
    return { texts: x.dataSync<'string'>(), rowLength: x.rank === 2 ? x.shape[1] : 1 };
  }

  /**
   * Learns the vocabulary (and the IDF weights in `tf_idf` mode) from texts: a string array or
   * tensor (`[n]` or `[n, 1]`, one document per string) or an iterable of such batches. Terms are
   * ordered by frequency, ties by term (greater first), as Keras; at most `maxTokens` slots.
   * @example vectorize.adapt(['The cat sat.', 'The dog.']); vectorize.getVocabulary() // ['', '[UNK]', 'the', 'sat', 'dog', 'cat']
   */
  adapt(data: TextAdaptData): void {
    const label = layerLabel(this);
    const batches = data instanceof Tensor || Array.isArray(data) ? [data] : data;
    if (batches === null || typeof batches !== 'object' || !(Symbol.iterator in batches)) {
      throw new ValueError(
        `${label}: adapt() expected strings, a string tensor or an iterable of batches, got ${data === null ? 'null' : typeof data}`,
      );
    }
    if (this.lookup.fixedVocabulary) {
      throw new ValueError(`${label}: cannot adapt a layer given a fixed vocabulary (the vocabulary option)`);
    }
    this.lookup.resetState();
    for (const batch of batches as Iterable<Tensor | readonly string[] | readonly (readonly string[])[]>) {
      const { texts, rowLength } =
        batch instanceof Tensor ? this.readTexts(batch) : this.readTexts(tensor(batch as string[]));
      this.lookup.updateState(this.preprocess(texts, rowLength));
    }
    this.lookup.finalizeState();
  }

  /**
   * The vocabulary in index order, with the padding `''` and OOV `'[UNK]'` terms first (default) or without them.
   * @example new TextVectorization({ vocabulary: ['a'] }).getVocabulary() // ['', '[UNK]', 'a']
   */
  getVocabulary(includeSpecialTokens = true): string[] {
    return this.lookup.getVocabulary(includeSpecialTokens) as string[];
  }

  /**
   * The vocabulary size, padding and OOV slots included.
   * @example new TextVectorization({ vocabulary: ['a'] }).vocabularySize() // 3
   */
  vocabularySize(): number {
    return this.lookup.vocabularySize();
  }

  /**
   * Replaces the vocabulary (and IDF weights in `tf_idf` mode), as Keras' `set_vocabulary`.
   * @example vectorize.setVocabulary(['earth', 'wind']) // getVocabulary(): ['', '[UNK]', 'earth', 'wind']
   */
  setVocabulary(vocabulary: readonly string[], idfWeights: readonly number[] | null = null): void {
    this.lookup.setVocabulary(vocabulary, idfWeights);
  }

  override call(inputs: Tensor | Tensor[], _options?: CallOptions): Tensor {
    if (!this.lookup.hasVocabulary) {
      throw new ValueError(
        `${layerLabel(this)}: the layer has no vocabulary yet; pass the vocabulary option or call adapt() first`,
      );
    }
    const { texts, rowLength } = this.readTexts(singleInput(this, inputs));
    const rows = this.preprocess(texts, rowLength);
    const longest = rows.reduce((n, row) => Math.max(n, row.length), 0);
    const width = this.outputSequenceLength ?? longest;
    // Pads with the mask term: index 0 in int mode, dropped by the encodings.
    const padded = rows.flatMap((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
    const indices = this.lookup.lookupTokens(padded);
    return this.lookup.encode(indices, [rows.length, width]);
  }

  /** Builds the inner StringLookup as well: it is used directly (never called), so nothing else would. */
  override build(_inputShape: LayerShape | LayerShape[]): void {
    if (this.lookup.built) return;
    this.lookup.build([null, null]);
    this.lookup.built = true;
  }

  override computeOutputShape(inputShape: LayerShape | LayerShape[]): LayerShape {
    const shape = singleShape(this, inputShape);
    if (this.outputMode === 'int') return [shape[0], this.outputSequenceLength];
    return this.lookup.computeOutputShape([shape[0], null]);
  }

  override getConfig(): Record<string, unknown> {
    const inner = this.lookup.getConfig();
    return {
      ...super.getConfig(),
      maxTokens: inner.maxTokens,
      standardize: serializeFunctionOption(this.standardize),
      split: serializeFunctionOption(this.split),
      ngrams: this.ngrams === null ? null : this.config.ngrams,
      outputMode: this.outputMode,
      outputSequenceLength: this.outputSequenceLength,
      padToMaxTokens: inner.padToMaxTokens,
      sparse: false,
      ragged: false,
      vocabulary: inner.vocabulary,
      idfWeights: inner.idfWeights,
      encoding: 'utf-8',
      vocabularySize: inner.vocabularySize,
    };
  }
}
