import { describe, expect, test } from 'vitest';
import { bpttDemo, loadSentences, sentimentKeras, sentimentModel } from './rnn.js';

const close = (got: ArrayLike<number>, want: ArrayLike<number>, digits = 5) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], digits);
};

describe('chapter 7: recurrent networks', () => {
  test('BPTT: GradientTape through the unrolled SimpleRNN equals the course backward pass', () => {
    const { hs, autograd, course } = bpttDemo();
    // h_1 = tanh(x_1·Wx + b) = tanh([0.5 + 0.1, -0.3 - 0.2]) for x_1 = [1, 0].
    close(hs[0].dataSync(), [Math.tanh(0.6), Math.tanh(-0.5)]);
    for (const name of ['dWx', 'dWh', 'db'] as const) {
      expect(autograd[name].shape).toEqual(course[name].shape);
      close(autograd[name].dataSync(), course[name].dataSync());
    }
    // Not a vacuous agreement: the gradients are not zero.
    expect(Math.abs(course.db.dataSync()[0])).toBeGreaterThan(0.5);
  });

  test('reads the 3,000 labelled UCI sentences, half positive', () => {
    const { texts, labels } = loadSentences();
    expect(texts).toHaveLength(3000);
    expect(labels.filter((l) => l === 1)).toHaveLength(1500);
    expect(labels.every((l) => l === 0 || l === 1)).toBe(true);
    expect(texts[0]).toBe('A very, very, very slow-moving, aimless movie about a distressed, drifting young man.');
  });

  test('Embedding -> SimpleRNN -> Dense learns sentiment well above chance on held-out sentences', () => {
    const lines: string[] = [];
    const result = sentimentModel({ epochs: 4, out: { write: (s: string) => lines.push(s) } });
    const text = lines.join('');
    expect(text).toContain('3000 sentences: train 2400, validation 600');
    expect(text).toContain('Epoch 4/4');
    expect(result.trainSize).toBe(2400);
    expect(result.validationSize).toBe(600);
    // Training loss falls every epoch.
    for (let e = 1; e < result.loss.length; e++) expect(result.loss[e]).toBeLessThan(result.loss[e - 1]);
    // Measured 0.773 after 4 epochs (seeded); chance is 0.5.
    expect(result.valAccuracy.at(-1)).toBeGreaterThanOrEqual(0.72);
  });
});

test('chapter 7 the Keras way: Sequential(Embedding, SimpleRNN, Dense) with fit learns the sentences', async () => {
  const history = await sentimentKeras({ epochs: 4 });
  expect(history.history.loss[3]).toBeLessThan(history.history.loss[0]);
  expect(history.history.val_accuracy.at(-1)).toBeGreaterThanOrEqual(0.7);
}, 120_000);
