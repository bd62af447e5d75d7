import type { IndexConventions } from './word-index.js';

/** Sequences with their labels, kept together through filtering. */
export interface LabelledSequences {
  seqs: number[][];
  labels: number[];
}

/**
 * Keras's first step on word ranks: put `startChar` in front (unless `null`) and add `indexFrom`.
 * @example markAndShift([[1, 2]], { startChar: 1, indexFrom: 3 }) // [[1, 4, 5]]
 */
export function markAndShift(seqs: readonly (readonly number[])[], conventions: IndexConventions): number[][] {
  const { indexFrom = 3 } = conventions;
  const startChar = conventions.startChar === undefined ? 1 : conventions.startChar;
  return seqs.map((s) => (startChar !== null ? [startChar] : []).concat(s.map((w) => w + indexFrom)));
}

/**
 * Keras's `remove_long_seq`: keeps the sequences shorter than `maxlen` (with their labels).
 * @example keepShorter({ seqs: [[1, 2], [1]], labels: [0, 1] }, 2) // { seqs: [[1]], labels: [1] }
 */
export function keepShorter(data: LabelledSequences, maxlen: number): LabelledSequences {
  const idx = data.seqs.map((s, i) => (s.length < maxlen ? i : -1)).filter((i) => i >= 0);
  return { seqs: idx.map((i) => data.seqs[i]), labels: idx.map((i) => data.labels[i]) };
}

/**
 * Keras's vocabulary limit: indices outside `[skipTop, numWords)` become `oovChar`, or are dropped
 * when it is `null`. Without `numWords`, the largest index of `all` is the limit, so (Keras's quirk)
 * that one index is out of vocabulary too.
 * @example limitVocabulary([[1, 5, 9]], [[1, 5, 9]], { numWords: 6 }) // [[1, 5, 2]]
 */
export function limitVocabulary(
  seqs: readonly (readonly number[])[],
  all: readonly (readonly number[])[],
  options: { numWords?: number; skipTop?: number; oovChar?: number | null },
): number[][] {
  const { skipTop = 0 } = options;
  const oovChar = options.oovChar === undefined ? 2 : options.oovChar;
  let limit = options.numWords ?? 0;
  if (!limit) for (const s of all) for (const w of s) if (w > limit) limit = w;
  return seqs.map((s) =>
    oovChar !== null
      ? s.map((w) => (w >= skipTop && w < limit ? w : oovChar))
      : s.filter((w) => w >= skipTop && w < limit),
  );
}
