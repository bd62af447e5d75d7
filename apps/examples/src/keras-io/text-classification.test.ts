import * as keras from '@horn/keras';
import { describe, expect, test } from 'vitest';
import { sentenceSplits, textClassification, textModel } from './text-classification.js';

describe('keras.io example: text_classification_from_scratch', () => {
  test('the model: Embedding(20000, 128), two strided Conv1D, 2,806,273 parameters', () => {
    const model = textModel();
    // 20000*128 + 2*(7*128*128 + 128) + (128*128 + 128) + 129.
    expect(model.countParams()).toBe(20000 * 128 + 2 * (7 * 128 * 128 + 128) + 128 * 128 + 128 + 129);
    expect(model.countParams()).toBe(2806273);
  });

  test('the real sentences: 2,400 training, 600 test', () => {
    const { train, test } = sentenceSplits();
    expect(train.texts).toHaveLength(2400);
    expect(test.texts).toHaveLength(600);
  });

  test('short mode: 64 tokens, 3 epochs, test accuracy above 0.65', async () => {
    keras.setSeed(1337);
    const { history, score } = await textClassification(64, 3);
    expect(history.history.loss).toHaveLength(3);
    expect(history.history.loss[2]).toBeLessThan(history.history.loss[0]);
    expect(score[1]).toBeGreaterThan(0.65);
  });
});
