import { ValueError } from '@horn/tensor';
import type { LayerConfig } from '../../engine/layer.js';
import { LOOKUP_OUTPUT_MODES, type LookupOutputMode } from './encode-indices.js';
import type { LookupToken } from './token-counts.js';

/**
 * Options every IndexLookup layer (StringLookup, IntegerLookup) takes, as Keras' IndexLookup.
 * @example
 * const lookup = new StringLookup({ vocabulary: ['cat', 'dog'], numOovIndices: 1, oovToken: '[UNK]', maskToken: null });
 * lookup.apply(tensor([['dog', 'cat', 'emu']])).arraySync(); // [[2, 1, 0]]: OOV is index 0
 * new StringLookup({ vocabulary: ['cat', 'dog'], invert: true }).apply(tensor([[2, 0]], undefined, 'int32')).arraySync(); // [['dog', '[UNK]']]
 */
export interface IndexLookupConfig<T extends LookupToken = LookupToken> extends LayerConfig {
  /** The most terms the vocabulary holds, mask and OOV slots included; null (default): no cap. Must be > 1. */
  maxTokens?: number | null;
  /** How many indices out-of-vocabulary terms share (default 1); 0: an OOV input is an error. */
  numOovIndices?: number;
  /** The padding term, mapped to index 0 in `int` mode and dropped in the others; null: none. */
  maskToken?: T | null;
  /** What `invert` returns for OOV indices. */
  oovToken?: T | null;
  /** The terms (an array; Keras' file path is not supported). Without it, call `adapt`. */
  vocabulary?: readonly T[] | null;
  /** The IDF weights of `tf_idf` mode, one per vocabulary term; required with `vocabulary` there. */
  idfWeights?: readonly number[] | null;
  /** Map indices back to terms (only in `int` mode). Default false. */
  invert?: boolean;
  /** `int` (default), `one_hot`, `multi_hot` (alias `binary`), `count` or `tf_idf` (alias `tf-idf`). */
  outputMode?: LookupOutputMode | 'binary' | 'tf-idf' | 'oneHot' | 'multiHot' | 'tfIdf';
  /** Pad the encoded axis to `maxTokens` in multi_hot / count / tf_idf modes. Default false. */
  padToMaxTokens?: boolean;
  /** Only false: Horn has no sparse tensors. */
  sparse?: boolean;
  /** The vocabulary size the output shape uses before a vocabulary is set (what Keras' config records). */
  vocabularySize?: number | null;
  /**
   * How IntegerLookup picks one of several OOV slots: `'floormod'` (default, `x mod numOovIndices`)
   * or `'farmhash'` (the FarmHash of its decimal string). Strings always hash.
   */
  oovMethod?: 'floormod' | 'farmhash';
  /** Hash OOV terms with SipHash-2-4 keyed by these two integers (one: used twice) instead of FarmHash. */
  salt?: number | readonly [number, number] | null;
}

/** The options of an IndexLookup layer, checked and defaulted. */
export interface LookupSettings {
  maxTokens: number | null;
  numOovIndices: number;
  maskToken: LookupToken | null;
  oovToken: LookupToken | null;
  invert: boolean;
  outputMode: LookupOutputMode;
  padToMaxTokens: boolean;
  vocabularySize: number | null;
  oovMethod: 'floormod' | 'farmhash';
  salt: [number, number] | null;
}

/** Reads one token option (mask / OOV token, a vocabulary term) or throws naming it. */
export type TokenReader = (value: unknown, what: string) => LookupToken;

const MODE_ALIASES: Record<string, LookupOutputMode> = {
  binary: 'multi_hot',
  'tf-idf': 'tf_idf',
  oneHot: 'one_hot',
  multiHot: 'multi_hot',
  tfIdf: 'tf_idf',
};

/**
 * Reads an `outputMode` option: Keras' names, the aliases `binary` / `tf-idf`, or camelCase.
 * @example lookupOutputMode('binary', 'StringLookup') // 'multi_hot'
 */
export function lookupOutputMode(value: unknown, label: string, allowed = LOOKUP_OUTPUT_MODES): LookupOutputMode {
  const mode = value === undefined ? 'int' : typeof value === 'string' ? (MODE_ALIASES[value] ?? value) : value;
  if (!allowed.includes(mode as LookupOutputMode)) {
    throw new ValueError(
      `${label}: outputMode must be one of ${allowed.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return mode as LookupOutputMode;
}

function nullableInteger(value: unknown, option: string, label: string, min: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ValueError(`${label}: ${option} must be null or an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function flag(value: unknown, option: string, label: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    throw new ValueError(`${label}: ${option} must be a boolean, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Checks an IndexLookup config as Keras' IndexLookup constructor does, and refuses by name what
 * Horn does not implement (`sparse: true`, a vocabulary file).
 * @example readLookupSettings({ maxTokens: 1 }, 'StringLookup', readString, '[UNK]') // throws: maxTokens must be > 1
 */
export function readLookupSettings(
  c: IndexLookupConfig,
  label: string,
  readToken: TokenReader,
  defaultOov: LookupToken,
): LookupSettings {
  const maxTokens = nullableInteger(c.maxTokens, 'maxTokens', label, 0);
  if (maxTokens !== null && maxTokens <= 1) {
    throw new ValueError(`${label}: maxTokens must be greater than 1 when set, got ${maxTokens}`);
  }
  const padToMaxTokens = flag(c.padToMaxTokens, 'padToMaxTokens', label);
  if (padToMaxTokens && maxTokens === null) {
    throw new ValueError(`${label}: padToMaxTokens: true needs maxTokens, got maxTokens null`);
  }
  const numOovIndices = c.numOovIndices === undefined ? 1 : nullableInteger(c.numOovIndices, 'numOovIndices', label, 0);
  if (numOovIndices === null) throw new ValueError(`${label}: numOovIndices must be an integer >= 0, got null`);
  const oovMethod = c.oovMethod ?? 'floormod';
  if (oovMethod !== 'floormod' && oovMethod !== 'farmhash') {
    throw new ValueError(`${label}: oovMethod must be 'floormod' or 'farmhash', got ${JSON.stringify(c.oovMethod)}`);
  }
  const salt = saltOption(c.salt, label);
  if (flag(c.sparse, 'sparse', label)) {
    throw new ValueError(`${label}: sparse: true is not supported (Horn has no sparse tensors); use sparse: false`);
  }
  const outputMode = lookupOutputMode(c.outputMode, label);
  const invert = flag(c.invert, 'invert', label);
  if (invert && outputMode !== 'int') {
    throw new ValueError(`${label}: invert: true needs outputMode 'int', got '${outputMode}'`);
  }
  if (c.idfWeights !== undefined && c.idfWeights !== null && outputMode !== 'tf_idf') {
    throw new ValueError(`${label}: idfWeights are only used with outputMode 'tf_idf', got outputMode '${outputMode}'`);
  }
  if (outputMode === 'tf_idf' && c.vocabulary != null && c.idfWeights == null) {
    throw new ValueError(`${label}: outputMode 'tf_idf' with a vocabulary needs idfWeights too, got none`);
  }
  if (typeof c.vocabulary === 'string') {
    throw new ValueError(
      `${label}: vocabulary must be an array of terms (Horn reads no vocabulary files), got the string ${JSON.stringify(c.vocabulary)}`,
    );
  }
  const token = (value: unknown, what: string) => (value === null ? null : readToken(value, what));
  return {
    maxTokens,
    numOovIndices,
    maskToken: c.maskToken === undefined ? null : token(c.maskToken, 'maskToken'),
    oovToken: c.oovToken === undefined ? defaultOov : token(c.oovToken, 'oovToken'),
    invert,
    outputMode,
    padToMaxTokens,
    vocabularySize: nullableInteger(c.vocabularySize, 'vocabularySize', label, 0),
    oovMethod,
    salt,
  };
}

function saltOption(value: unknown, label: string): [number, number] | null {
  if (value === undefined || value === null) return null;
  const int = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v);
  if (int(value)) return [value as number, value as number];
  if (Array.isArray(value) && value.length === 2 && value.every(int)) return [value[0], value[1]];
  throw new ValueError(
    `${label}: salt must be null, an integer or an array of 2 integers, got ${JSON.stringify(value)}`,
  );
}

/**
 * Reads a list option of numbers (`idfWeights`) or throws naming it.
 * @example numberList([0.5, 1], 'idfWeights', 'StringLookup') // [0.5, 1]
 */
export function numberList(value: unknown, option: string, label: string): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new ValueError(`${label}: ${option} must be an array of finite numbers, got ${JSON.stringify(value)}`);
  }
  return [...value];
}
