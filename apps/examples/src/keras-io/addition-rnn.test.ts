import * as keras from '@horn/keras';
import { describe, expect, test } from 'vitest';
import { additionModel, additionRnn, ctable, generateData, MAXLEN } from './addition-rnn.js';

describe('keras.io example: addition_rnn', () => {
  test('the character table and the reversed, padded questions', () => {
    expect(ctable.chars.join('')).toBe(' +0123456789');
    expect(ctable.decode(ctable.encode('12+345 ', MAXLEN))).toBe('12+345 ');
    const { questions, expected } = generateData(200);
    expect(new Set(questions).size).toBe(200);
    for (let i = 0; i < 200; i++) {
      const [a, b] = [...questions[i]].reverse().join('').trim().split('+').map(Number);
      expect(expected[i]).toBe(String(a + b).padEnd(4, ' '));
      expect(questions[i]).toHaveLength(7);
    }
  });

  test('the model: 205,324 parameters, output (None, 4, 12)', () => {
    // LSTM 4*(128*(12+128)+128) + LSTM 4*(128*256+128) + Dense 129*12 (Keras 3 summary: 205,324).
    const model = additionModel();
    expect(model.countParams()).toBe(205324);
    expect(model.outputs[0].shape).toEqual([null, 4, 12]);
  });

  test('short mode: 2,000 questions, the validation accuracy rises over 3 iterations', async () => {
    keras.setSeed(3);
    const { valAccuracy, checks } = await additionRnn(2000, 3);
    expect(valAccuracy).toHaveLength(3);
    expect(checks).toHaveLength(30);
    expect(valAccuracy[2]).toBeGreaterThan(valAccuracy[0]);
    expect(valAccuracy[2]).toBeGreaterThan(0.35);
  });
});
