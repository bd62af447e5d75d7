import { ValueError } from '@horn/tensor';

/**
 * Keras's default `filters`: punctuation, tab and newline are removed from texts.
 * @example
 * textToWordSequence('Hello, world!', DEFAULT_FILTERS); // ['hello', 'world']
 * new Tokenizer({ filters: DEFAULT_FILTERS.replace('-', '') }); // keep hyphenated words whole
 */
export const DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/**
 * Options of {@link Tokenizer}, Keras's `Tokenizer` arguments in camelCase.
 * @example
 * const tokenizer = new Tokenizer({ numWords: 3, oovToken: '<unk>', lower: true });
 * tokenizer.fitOnTexts(['the cat sat on the mat']);
 * tokenizer.textsToSequences(['the dog sat']); // [[2, 1, 1]]: only indices < 3 kept ('<unk>' 1, 'the' 2)
 * const chars = new Tokenizer({ charLevel: true, filters: '' });
 */
export interface TokenizerOptions {
  /** Keep only words with index < numWords (the `numWords - 1` most frequent) when converting. Default: all. */
  numWords?: number;
  /** Characters replaced by `split` before splitting. Default {@link DEFAULT_FILTERS}. */
  filters?: string;
  /** Lower-case texts first. Default true. */
  lower?: boolean;
  /** The word separator. Default `' '`. */
  split?: string;
  /** Treat every character as a token. Default false. */
  charLevel?: boolean;
  /** A token for out-of-vocabulary words; it gets index 1 and is used by `textsToSequences`. Default none. */
  oovToken?: string;
}

/**
 * Keras's `text_to_word_sequence`: lower-case, replace filter characters by the separator, split,
 * drop empty strings.
 * @example textToWordSequence('Hello, world!') // ['hello', 'world']
 */
export function textToWordSequence(text: string, filters = DEFAULT_FILTERS, lower = true, split = ' '): string[] {
  let t = lower ? text.toLowerCase() : text;
  if (filters.length > 0) {
    const set = new Set(filters);
    t = Array.from(t, (ch) => (set.has(ch) ? split : ch)).join('');
  }
  return t.split(split).filter((w) => w.length > 0);
}

/**
 * Keras's `Tokenizer`: builds a word index from texts (most frequent word = 1, ties in order of
 * first appearance; index 0 is never used, it is padding) and turns texts into sequences of
 * indices and back.
 * @example
 * const tokenizer = new Tokenizer();
 * tokenizer.fitOnTexts(['The cat sat on the mat.', 'The dog ate my homework.']);
 * tokenizer.wordIndex.get('the') // 1
 * tokenizer.textsToSequences(['the cat ate']) // [[1, 2, 7]]
 */
export class Tokenizer {
  /** Word -> count over all fitted texts, in order of first appearance (`word_counts`). */
  readonly wordCounts = new Map<string, number>();
  /** Word -> number of texts containing it (`word_docs`). */
  readonly wordDocs = new Map<string, number>();
  /** Word -> index, 1 for the most frequent (`word_index`); the OOV token, if any, is 1. */
  wordIndex = new Map<string, number>();
  /** Index -> word (`index_word`). */
  indexWord = new Map<number, string>();
  /** Number of texts fitted (`document_count`). */
  documentCount = 0;
  /** Words with index >= numWords are left out (or become the OOV token) when converting. */
  readonly numWords: number | undefined;
  /** Characters replaced by `split` before splitting. */
  readonly filters: string;
  /** Whether texts are lower-cased. */
  readonly lower: boolean;
  /** The word separator. */
  readonly split: string;
  /** Whether every character is a token. */
  readonly charLevel: boolean;
  /** The out-of-vocabulary token, if any. */
  readonly oovToken: string | undefined;

  constructor(options: TokenizerOptions = {}) {
    this.numWords = options.numWords;
    if (this.numWords !== undefined && (!Number.isInteger(this.numWords) || this.numWords < 1)) {
      throw new ValueError(`Tokenizer: numWords must be a positive integer, got ${this.numWords}`);
    }
    this.filters = options.filters ?? DEFAULT_FILTERS;
    this.lower = options.lower ?? true;
    this.split = options.split ?? ' ';
    this.charLevel = options.charLevel ?? false;
    this.oovToken = options.oovToken;
  }

  /**
   * Counts the words of texts and rebuilds the word index (fitting again adds to the counts).
   * @example tokenizer.fitOnTexts(['a b b'])
   */
  fitOnTexts(texts: readonly string[]): void {
    for (const text of texts) {
      if (typeof text !== 'string') throw new ValueError(`Tokenizer.fitOnTexts: expected strings, got ${typeof text}`);
      this.documentCount++;
      const words = this.words(text);
      for (const w of words) this.wordCounts.set(w, (this.wordCounts.get(w) ?? 0) + 1);
      for (const w of new Set(words)) this.wordDocs.set(w, (this.wordDocs.get(w) ?? 0) + 1);
    }
    // A stable sort by count keeps first-appearance order among equal counts, as Python's sort.
    const ranked = [...this.wordCounts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    const vocabulary = this.oovToken !== undefined ? [this.oovToken, ...ranked] : ranked;
    this.wordIndex = new Map(vocabulary.map((w, i) => [w, i + 1]));
    this.indexWord = new Map(vocabulary.map((w, i) => [i + 1, w]));
  }

  /**
   * Turns each text into word indices. Unknown words, and words with index >= numWords, become
   * the OOV token's index when there is one and are dropped otherwise.
   * @example tokenizer.textsToSequences(['the cat']) // [[1, 2]]
   */
  textsToSequences(texts: readonly string[]): number[][] {
    const oov = this.oovToken !== undefined ? this.wordIndex.get(this.oovToken) : undefined;
    return texts.map((text) => {
      const out: number[] = [];
      for (const w of this.words(text)) {
        const i = this.wordIndex.get(w);
        if (i !== undefined && (this.numWords === undefined || i < this.numWords)) out.push(i);
        else if (oov !== undefined) out.push(oov);
      }
      return out;
    });
  }

  /**
   * Turns index sequences back into texts (words joined by a space); unknown indices are dropped,
   * indices >= numWords become the OOV token when there is one.
   * @example tokenizer.sequencesToTexts([[1, 2]]) // ['the cat']
   */
  sequencesToTexts(sequences: readonly (readonly number[])[]): string[] {
    const oov = this.oovToken !== undefined ? this.wordIndex.get(this.oovToken) : undefined;
    return sequences.map((seq) => {
      const words: string[] = [];
      for (const i of seq) {
        const word = this.indexWord.get(i);
        if (word !== undefined && (this.numWords === undefined || i < this.numWords)) words.push(word);
        else if (oov !== undefined) words.push(this.indexWord.get(oov)!);
      }
      return words.join(' ');
    });
  }

  private words(text: string): string[] {
    if (!this.charLevel) return textToWordSequence(text, this.filters, this.lower, this.split);
    return Array.from(this.lower ? text.toLowerCase() : text);
  }
}
