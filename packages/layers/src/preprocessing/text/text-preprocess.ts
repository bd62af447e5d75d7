import { ValueError } from '@horn/tensor';

/**
 * A built-in standardization of TextVectorization, or a function of one string.
 * @example
 * const standardize: Standardize = 'lower';
 * new TextVectorization({ standardize, vocabulary: ['hi!'] }).apply(tensor(['HI!'])).arraySync(); // [[2]]: punctuation kept
 */
export type Standardize =
  | 'lower_and_strip_punctuation'
  | 'lower'
  | 'strip_punctuation'
  | null
  | ((text: string) => string);

/**
 * A built-in split of TextVectorization, or a function from one string to its tokens.
 * @example
 * const split: Split = (text) => text.split(',');
 * const vectorizer = new TextVectorization({ split, standardize: null, vocabulary: ['a', 'b'] });
 * vectorizer.apply(tensor(['a,b,c'])).arraySync(); // [[2, 3, 1]]: 'c' is [UNK]
 */
export type Split = 'whitespace' | 'character' | null | ((text: string) => string[]);

/** The built-in standardizations, for validation messages. */
export const STANDARDIZE_MODES = ['lower_and_strip_punctuation', 'lower', 'strip_punctuation'] as const;

/** The built-in splits, for validation messages. */
export const SPLIT_MODES = ['whitespace', 'character'] as const;

// Keras' regex, r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']': Python's string.punctuation (`,-\.` is
// the range , - .).
const PUNCTUATION = /[!"#$%&()*+,\-./:;<=>?@[\\\]^_`{|}~']/g;
// TF's whitespace split breaks on ASCII whitespace only (absl::ascii_isspace).
const WHITESPACE = /[ \t\n\v\f\r]+/;

/**
 * Keras' `tf.strings.lower`: lowercases ASCII letters only (TF's default encoding), so 'ÀB' -> 'Àb'.
 * @example asciiLower('ÀB Cd') // 'Àb cd'
 */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * Standardizes one string as TextVectorization's `standardize` option says.
 * @example standardizeText('Hello, World!', 'lower_and_strip_punctuation') // 'hello world'
 */
export function standardizeText(text: string, standardize: Standardize): string {
  if (standardize === null) return text;
  if (typeof standardize === 'function') return standardize(text);
  let out = standardize === 'strip_punctuation' ? text : asciiLower(text);
  if (standardize !== 'lower') out = out.replace(PUNCTUATION, '');
  return out;
}

/**
 * Splits one string as TextVectorization's `split` option says: on runs of ASCII whitespace
 * (`tf.strings.split`), into Unicode code points (`tf.strings.unicode_split`), or not at all.
 * @example splitText(' a  b\tc ', 'whitespace') // ['a', 'b', 'c']
 */
export function splitText(text: string, split: Split, label: string): string[] {
  if (split === null) return [text];
  if (split === 'character') return Array.from(text);
  if (split === 'whitespace') return text.split(WHITESPACE).filter((t) => t !== '');
  const tokens = split(text);
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) {
    throw new ValueError(`${label}: the split function must return an array of strings, got ${JSON.stringify(tokens)}`);
  }
  return tokens;
}

/**
 * The n-grams of a token row as `tf.strings.ngrams(tokens, widths, separator=' ')`: for each width
 * in order, every window of that many tokens joined by a space (none when the row is shorter).
 * @example ngrams(['a', 'b', 'c'], [1, 2]) // ['a', 'b', 'c', 'a b', 'b c']
 */
export function ngrams(tokens: readonly string[], widths: readonly number[]): string[] {
  const out: string[] = [];
  for (const w of widths) {
    for (let i = 0; i + w <= tokens.length; i++) out.push(tokens.slice(i, i + w).join(' '));
  }
  return out;
}
