import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { decodeSequence, imdb, parseWordIndex, REUTERS_LABELS, reuters } from '../index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
// Made by fixtures/make-reuters.py: Keras 3.15's own reuters.load_data run on fixtures/reuters.npz.
const GOLDENS = JSON.parse(readFileSync(join(FIXTURES, 'reuters-goldens.json'), 'utf8'));
const OPTIONS: Record<string, object> = {
  defaults: {},
  numWords8: { numWords: 8 },
  skipTop3NoOov: { numWords: 8, skipTop: 3, oovChar: null },
  maxlen4: { maxlen: 4 },
  split05seed7: { testSplit: 0.5, seed: 7 },
  noStartIndexFrom0: { startChar: null, indexFrom: 0 },
  noStart: { startChar: null },
};

describe('reuters.loadData equals Keras 3 load_data on a tiny reuters.npz in the real format', () => {
  for (const [name, options] of Object.entries(OPTIONS)) {
    test(`${name}: ${JSON.stringify(GOLDENS[name].kwargs)}`, async () => {
      const [[xTrain, yTrain], [xTest, yTest]] = await reuters.loadData({ path: FIXTURES, ...options });
      const want = GOLDENS[name];
      expect(xTrain).toEqual(want.xTrain);
      expect(Array.from(yTrain.dataSync())).toEqual(want.yTrain);
      expect(yTrain.dtype).toBe('int32');
      expect(xTest).toEqual(want.xTest);
      expect(Array.from(yTest.dataSync())).toEqual(want.yTest);
    });
  }

  test('the 46 label names are Keras get_label_names; bad options are refused', async () => {
    expect(reuters.getLabelNames()).toEqual(GOLDENS.labelNames);
    expect(REUTERS_LABELS).toHaveLength(46);
    expect(REUTERS_LABELS[3]).toBe('earn');
    await expect(reuters.loadData({ path: FIXTURES, testSplit: 1.5 })).rejects.toThrow(/testSplit must be a fraction/);
    await expect(reuters.loadData({ path: FIXTURES, maxlen: 1 })).rejects.toThrow(/maxlen=1 removes every newswire/);
  });
});

describe('word indices (Keras imdb/reuters get_word_index) and the index conventions', () => {
  test('getWordIndex reads word -> rank from a path folder into a Map', async () => {
    const words = await imdb.getWordIndex({ path: FIXTURES });
    expect(words.get('the')).toBe(1);
    expect(words.get('i')).toBe(10);
    expect(words.has('constructor')).toBe(false);
    const news = await reuters.getWordIndex({ path: FIXTURES });
    expect(news.size).toBe(11);
    expect(news.get('dlrs')).toBe(11);
  });

  test('conventions: 0 padding, 1 start, 2 oov, a word of rank r is r + 3 (decoded as Keras docs show)', async () => {
    const words = await imdb.getWordIndex({ path: FIXTURES });
    // Fixture ranks: the 1, and 2, a 3, of 4, to 5, is 6, br 7, in 8, it 9, i 10.
    expect(decodeSequence([1, 4, 12, 2, 9, 0, 0], words)).toBe('[START] the it [OOV] is [PAD] [PAD]');
    // The real imdb.npz fixture: loadData's first training review decodes through the same index.
    const [[xTrain]] = await imdb.loadData({ path: FIXTURES });
    expect(xTrain[0]).toEqual([1, 7, 8]);
    expect(decodeSequence(xTrain[0], words)).toBe('[START] of to');
    expect(decodeSequence([5, 6], words, { startChar: null, oovChar: null, indexFrom: 0 })).toBe('to is');
    expect(() => decodeSequence([99], words)).toThrow(/index 99 is no word/);
  });

  test('a word index without a pinned sha256 is never downloaded: a clear error says to pass a path', async () => {
    const old = process.env.HORN_DATA_PATH;
    delete process.env.HORN_DATA_PATH;
    try {
      await expect(imdb.getWordIndex({ cacheDir: join(FIXTURES, 'no-such-cache') })).rejects.toThrow(
        /imdb_word_index.json is not downloaded: no sha256 is pinned.*pass \{ path \}/,
      );
    } finally {
      if (old !== undefined) process.env.HORN_DATA_PATH = old;
    }
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(() => parseWordIndex(bytes('[1]'), 'x.json')).toThrow(ValueError);
    expect(() => parseWordIndex(bytes('{"a": 0}'), 'x.json')).toThrow(/rank of 'a' must be an integer >= 1/);
    expect(() => parseWordIndex(bytes('{'), 'x.json')).toThrow(/x.json: not JSON/);
  });
});
