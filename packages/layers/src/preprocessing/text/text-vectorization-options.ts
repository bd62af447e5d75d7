import { ValueError } from '@horn/tensor';
import type { LayerConfig } from '../../engine/layer.js';
import type { LookupOutputMode } from '../lookup/encode-indices.js';
import { SPLIT_MODES, type Split, STANDARDIZE_MODES, type Standardize } from './text-preprocess.js';

/**
 * Options of {@link TextVectorization}.
 * @example
 * const vectorizer = new TextVectorization({ vocabulary: ['the', 'cat'], outputMode: 'int', outputSequenceLength: 4, ngrams: null });
 * vectorizer.apply(tensor(['The cat sat.'])).arraySync(); // [[2, 3, 1, 0]]: lowercased, punctuation stripped, padded to 4
 */
export interface TextVectorizationConfig extends LayerConfig {
  /** The most vocabulary slots (the mask '' and OOV '[UNK]' included); null (default): no cap. */
  maxTokens?: number | null;
  /** Default `'lower_and_strip_punctuation'`; `'lower'`, `'strip_punctuation'`, null, or a function of one string. */
  standardize?: Standardize;
  /** Default `'whitespace'`; `'character'`, null (each input is one token), or a function from one string to tokens. */
  split?: Split;
  /** Also emit n-grams: n gives widths 1..n, an array the widths listed. Default null. */
  ngrams?: number | readonly number[] | null;
  /** `int` (default), `multi_hot` (alias `binary`), `count` or `tf_idf` (alias `tf-idf`). */
  outputMode?: Exclude<LookupOutputMode, 'one_hot'> | 'binary' | 'tf-idf' | 'multiHot' | 'tfIdf';
  /** In `int` mode, pad (with 0) or cut every row to this length; null: the longest row of the batch. */
  outputSequenceLength?: number | null;
  /** Pad the encoded axis to `maxTokens` (multi_hot / count / tf_idf). Default false. */
  padToMaxTokens?: boolean;
  /** The vocabulary (an array of terms); without it, call `adapt`. */
  vocabulary?: readonly string[] | null;
  /** The IDF weights of `tf_idf` mode, one per vocabulary term. */
  idfWeights?: readonly number[] | null;
  /** Only false: Horn has no sparse tensors. */
  sparse?: boolean;
  /** Only false: Horn has no ragged tensors (rows are padded). */
  ragged?: boolean;
  /** Only `'utf-8'`. */
  encoding?: 'utf-8';
  /** The vocabulary size the output shape uses before a vocabulary is set (what Keras' config records). */
  vocabularySize?: number | null;
}

function functionOrMode<T>(value: unknown, option: string, modes: readonly string[], fallback: T, label: string): T {
  if (value === undefined) return fallback;
  if (value === null || typeof value === 'function' || modes.includes(value as string)) return value as T;
  if (typeof value === 'object' && (value as { className?: unknown }).className === '__lambda__') {
    throw new ValueError(
      `${label}: ${option} was a function, which a config cannot carry back (Horn never evaluates code from a config); pass it again: TextVectorization.fromConfig({ ...config, ${option}: fn })`,
    );
  }
  throw new ValueError(
    `${label}: ${option} must be one of ${modes.map((m) => `'${m}'`).join(', ')}, null or a function, got ${JSON.stringify(value)}`,
  );
}

/**
 * Reads `standardize` (Keras' three names, null or a function).
 * @example standardizeOption(undefined, 'TextVectorization') // 'lower_and_strip_punctuation'
 */
export function standardizeOption(value: unknown, label: string): Standardize {
  return functionOrMode<Standardize>(value, 'standardize', STANDARDIZE_MODES, 'lower_and_strip_punctuation', label);
}

/**
 * Reads `split` (Keras' two names, null or a function).
 * @example splitOption('character', 'TextVectorization') // 'character'
 */
export function splitOption(value: unknown, label: string): Split {
  return functionOrMode<Split>(value, 'split', SPLIT_MODES, 'whitespace', label);
}

/**
 * Reads `ngrams`: null, n (widths 1..n) or an array of widths, each a positive integer.
 * @example ngramWidths(2, 'TextVectorization') // [1, 2]
 */
export function ngramWidths(value: unknown, label: string): number[] | null {
  const positive = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if (value === undefined || value === null) return null;
  if (positive(value)) return Array.from({ length: value as number }, (_, i) => i + 1);
  if (Array.isArray(value) && value.length > 0 && value.every(positive)) return [...value];
  throw new ValueError(
    `${label}: ngrams must be null, a positive integer or an array of them, got ${JSON.stringify(value)}`,
  );
}

/**
 * Reads `outputSequenceLength`: a positive integer or null, and only in `int` mode.
 * @example sequenceLength(4, 'int', 'TextVectorization') // 4
 */
export function sequenceLength(value: unknown, mode: LookupOutputMode, label: string): number | null {
  if (value === undefined || value === null) return null;
  if (mode !== 'int') {
    throw new ValueError(`${label}: outputSequenceLength is only used with outputMode 'int', got outputMode '${mode}'`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValueError(
      `${label}: outputSequenceLength must be null or a positive integer, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The source text of a function option, as Lambda records one (fromConfig refuses to evaluate it). */
export function serializeFunctionOption(value: Standardize | Split): unknown {
  return typeof value === 'function' ? { className: '__lambda__', config: { code: value.toString() } } : value;
}
