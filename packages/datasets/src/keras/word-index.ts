import { ValueError } from '@horn/tensor';
import { datasetFiles } from '../source/dataset-files.js';
import type { DatasetSource, SourceOptions } from '../source/types.js';

/**
 * Reads a Keras word-index file (`{"word": rank, ...}`, rank 1 the most frequent word) into a
 * `Map` (a plain object would answer `index['constructor']` for a word it does not hold).
 * @example parseWordIndex(new TextEncoder().encode('{"the": 1}'), 'x.json').get('the') // 1
 */
export function parseWordIndex(bytes: Uint8Array, what: string): Map<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new ValueError(`${what}: not JSON (${(e as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ValueError(
      `${what}: expected a JSON object {"word": rank}, got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`,
    );
  }
  const index = new Map<string, number>();
  for (const [word, rank] of Object.entries(parsed)) {
    if (!Number.isInteger(rank) || (rank as number) < 1) {
      throw new ValueError(`${what}: the rank of '${word}' must be an integer >= 1, got ${JSON.stringify(rank)}`);
    }
    index.set(word, rank as number);
  }
  return index;
}

/**
 * Loads the word-index file of a source (its one remote file) through the usual file lookup.
 * @example await loadWordIndex(IMDB_WORD_INDEX_SOURCE, { path: 'data/imdb' })
 */
export async function loadWordIndex(source: DatasetSource, options: SourceOptions): Promise<Map<string, number>> {
  const name = source.remote[0].name;
  const files = await datasetFiles(source, options);
  return parseWordIndex(files.get(name)!, name);
}

/**
 * The index conventions of Keras's word-index data sets; the defaults are Keras's.
 * @example
 * const words = new Map([['the', 1], ['film', 2]]);
 * decodeSequence([1, 4, 5, 2], words); // '[START] the film [OOV]' (Keras's defaults: 1, 2, 3)
 * decodeSequence([1, 2], words, { startChar: null, oovChar: null, indexFrom: 0 }); // 'the film'
 */
export interface IndexConventions {
  /** The mark at the start of every sequence; `null` when sequences have none. Default 1. */
  startChar?: number | null;
  /** The index of out-of-vocabulary words; `null` when they were dropped. Default 2. */
  oovChar?: number | null;
  /** The offset added to every word rank (ranks 0..indexFrom-1 are reserved). Default 3. */
  indexFrom?: number;
}

/**
 * Turns a sequence of `imdb.loadData` / `reuters.loadData` back into words, following Keras's
 * conventions: index 0 is padding (`[PAD]`), `startChar` (1) is `[START]`, `oovChar` (2) is
 * `[OOV]`, and word `w` of the word index (rank r) appears as `r + indexFrom` (3): the most
 * frequent word, rank 1, is index 4. An index that is none of these throws.
 * @example
 * const words = await imdb.getWordIndex({ path: 'data/imdb' });
 * decodeSequence([1, 14, 22, 2], words) // '[START] this film [OOV]'
 */
export function decodeSequence(
  sequence: ArrayLike<number>,
  wordIndex: ReadonlyMap<string, number>,
  conventions: IndexConventions = {},
): string {
  const { indexFrom = 3 } = conventions;
  const startChar = conventions.startChar === undefined ? 1 : conventions.startChar;
  const oovChar = conventions.oovChar === undefined ? 2 : conventions.oovChar;
  const words = new Map<number, string>();
  for (const [word, rank] of wordIndex) words.set(rank + indexFrom, word);
  words.set(0, '[PAD]');
  if (startChar !== null) words.set(startChar, '[START]');
  if (oovChar !== null) words.set(oovChar, '[OOV]');
  return Array.from(sequence, (i) => {
    const word = words.get(i);
    if (word === undefined) {
      throw new ValueError(
        `decodeSequence: index ${i} is no word of the index (indexFrom ${indexFrom}), nor padding, start or oov`,
      );
    }
    return word;
  }).join(' ');
}
