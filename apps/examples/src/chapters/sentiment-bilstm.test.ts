import { describe, expect, test } from 'vitest';
import { heldOutSplit, loadSmsSpam } from '../data/text-sets.js';
import { loadSentences } from './rnn.js';
import { sentimentBiLstm } from './sentiment-bilstm.js';
import { sentimentTransformer } from './sentiment-transformer.js';
import { smsSpam } from './sms-spam.js';

describe('chapter 7 text models on real data (seeded, fixed held-out splits)', () => {
  test('the splits are fixed and stratified', () => {
    const sentences = heldOutSplit(loadSentences(), 0.2, 42);
    expect(sentences.train.texts).toHaveLength(2400);
    expect(sentences.test.labels.filter((l) => l === 1)).toHaveLength(300);
    const sms = loadSmsSpam();
    expect(sms.texts).toHaveLength(5574);
    expect(sms.labels.filter((l) => l === 1)).toHaveLength(747);
    const split = heldOutSplit(sms, 0.2, 42);
    expect(split.test.texts).toHaveLength(1115);
    expect(heldOutSplit(sms, 0.2, 42).test.texts).toEqual(split.test.texts);
  });

  test('sentiment: a Bidirectional LSTM reaches >= 78% on the 600 held-out sentences', async () => {
    const { loss, testAccuracy, predict } = await sentimentBiLstm();
    expect(loss.at(-1)).toBeLessThan(loss[0]);
    expect(testAccuracy).toBeGreaterThanOrEqual(0.78);
    const [good, bad] = predict(['a wonderful and great movie', 'bad, awful, the worst food']);
    expect(good).toBeGreaterThan(0.5);
    expect(bad).toBeLessThan(0.5);
  }, 120_000);

  test('SMS spam: >= 97% on the 1,115 held-out messages (always "ham" scores 86.6%)', async () => {
    const { testAccuracy } = await smsSpam();
    expect(testAccuracy).toBeGreaterThanOrEqual(0.97);
  }, 120_000);

  test('a Transformer encoder on the sentences trains well above chance', async () => {
    const { loss, testAccuracy } = await sentimentTransformer();
    expect(loss.at(-1)).toBeLessThan(loss[0]);
    expect(testAccuracy).toBeGreaterThan(0.7);
  }, 120_000);
});
