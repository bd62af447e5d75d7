/**
 * A vocabulary term: a string (StringLookup, TextVectorization) or an integer (IntegerLookup).
 * @example
 * const token: LookupToken = 'cat'; // StringLookup terms are strings, IntegerLookup terms numbers
 * new StringLookup({ vocabulary: [token] }).apply(tensor([['cat']])).arraySync(); // [[1]]
 */
export type LookupToken = string | number;

// UTF-16 code units sort surrogates (code points >= 0x10000) below U+E000..U+FFFF; shifting both
// ranges gives code-point order, which is the UTF-8 byte order TF and NumPy sort strings in.
const codePointRank = (c: number) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);

/**
 * Orders two tokens ascending: numbers by value, strings by code point (their UTF-8 bytes, as
 * NumPy's sort of TF's byte strings).
 * @example ['b', 'É', 'a'].sort(compareTokens) // ['a', 'b', 'É']
 */
export function compareTokens(a: LookupToken, b: LookupToken): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(i);
    if (cx !== cy) return codePointRank(cx) - codePointRank(cy);
  }
  return x.length - y.length;
}

/**
 * The tokens that occur more than once in `tokens`, each once, in first-seen order.
 * @example repeatedTokens(['a', 'b', 'a']) // ['a']
 */
export function repeatedTokens(tokens: readonly LookupToken[]): LookupToken[] {
  const seen = new Set<LookupToken>();
  const repeated = new Set<LookupToken>();
  for (const t of tokens) {
    if (seen.has(t)) repeated.add(t);
    seen.add(t);
  }
  return [...repeated];
}

/**
 * What `adapt` learns (Keras' IndexLookup state): how often each token occurs, and for TF-IDF in
 * how many documents (rows) it occurs and how many documents there were.
 * @example
 * const counts = new TokenCounts(false);
 * counts.update([['a', 'b', 'b']]);
 * counts.mostFrequent([], null); // ['b', 'a']
 */
export class TokenCounts {
  private readonly counts = new Map<LookupToken, number>();
  private readonly documentCounts = new Map<LookupToken, number>();
  private documents = 0;

  constructor(readonly trackDocuments: boolean) {}

  /** Counts the tokens of each row (a row is one document). */
  update(rows: readonly (readonly LookupToken[])[]): void {
    for (const row of rows) {
      for (const t of row) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
      if (!this.trackDocuments) continue;
      for (const t of new Set(row)) this.documentCounts.set(t, (this.documentCounts.get(t) ?? 0) + 1);
      this.documents++;
    }
  }

  /** Whether nothing was counted. */
  get empty(): boolean {
    return this.counts.size === 0;
  }

  /**
   * The counted tokens but `exclude`, most frequent first; ties as Keras (NumPy's lexsort of
   * (token, count) reversed: the greater token first), at most `limit` of them.
   */
  mostFrequent(exclude: readonly (LookupToken | null)[], limit: number | null): LookupToken[] {
    const skip = new Set(exclude);
    const tokens = [...this.counts.keys()].filter((t) => !skip.has(t));
    tokens.sort((a, b) => (this.counts.get(b) as number) - (this.counts.get(a) as number) || compareTokens(b, a));
    return limit === null ? tokens : tokens.slice(0, Math.max(limit, 0));
  }

  /**
   * Keras' inverse document frequency of each token, `log(1 + documents / (1 + documentCount))`
   * (computed in float64 as TF's int64 division, then rounded to float32).
   */
  inverseDocumentFrequency(tokens: readonly LookupToken[]): number[] {
    return tokens.map((t) => Math.fround(Math.log(1 + this.documents / (1 + (this.documentCounts.get(t) ?? 0)))));
  }
}
