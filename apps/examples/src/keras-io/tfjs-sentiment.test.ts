import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import { describe, expect, test } from 'vitest';
import { buildModel, tfjsSentiment } from './tfjs-sentiment.js';

describe('tfjs-examples: sentiment', () => {
  test('the model types and their parameter counts', () => {
    // As in TF.js, Embedding's inputLength declares the input, so each model is built at once.
    const built = (type: Parameters<typeof buildModel>[0]) => buildModel(type, 100, 10000, 128);
    // Embedding 10000*128 = 1,280,000 in every embedding model.
    expect(built('flatten').countParams()).toBe(1280000 + 12800 + 1);
    expect(built('cnn').countParams()).toBe(1280000 + (5 * 128 * 250 + 250) + (250 * 250 + 250) + 251);
    expect(built('lstm').countParams()).toBe(1280000 + 4 * (32 * (128 + 32) + 32) + 33);
    expect(built('bidirectionalLSTM').countParams()).toBe(1280000 + 2 * 4 * (32 * 160 + 32) + 65);
    expect(built('multihot').countParams()).toBe(10000 * 16 + 16 + 17 * 16 + 17);
  });

  test('short mode (maxLen 40): the cnn model learns the real sentences and is saved with its metadata', async () => {
    keras.setSeed(2019);
    const { history, testAcc, saveDir } = await tfjsSentiment('cnn', { epochs: 4, maxLen: 40 });
    expect(history.history.acc).toHaveLength(4);
    expect(history.history.loss[3]).toBeLessThan(history.history.loss[0]);
    expect(testAcc).toBeGreaterThan(0.65);
    expect(existsSync(join(saveDir as string, 'metadata.json'))).toBe(true);
    expect(existsSync(join(saveDir as string, 'model.json'))).toBe(true);
  });

  test('short mode: the multihot model trains too', async () => {
    keras.setSeed(2019);
    const { testAcc } = await tfjsSentiment('multihot', { epochs: 5 });
    expect(testAcc).toBeGreaterThan(0.65);
  });
});
