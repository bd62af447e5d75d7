import { LSTM } from '@horn/layers';
import { Random, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  bpttWindows,
  charCorpus,
  charLanguageModel,
  generateText,
  timeWindows,
  windowedFinalState,
} from './char-lm-bptt.js';

describe('chapter 7: truncated BPTT, a character language model over the sentiment text', () => {
  test('windows: row b of window k continues row b of window k - 1; y is x shifted by one', () => {
    const { x, y } = bpttWindows([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2, 2);
    // Two streams of floor(9 / 2) = 4 ids: [0, 1, 2, 3] and [4, 5, 6, 7]; two windows each.
    expect(x.map((w) => w.arraySync())).toEqual([
      [
        [0, 1],
        [4, 5],
      ],
      [
        [2, 3],
        [6, 7],
      ],
    ]);
    expect(y[1].arraySync()).toEqual([
      [3, 4],
      [7, 8],
    ]);
    const corpus = charCorpus(500);
    expect(corpus.ids).toHaveLength(500);
    expect(corpus.alphabet.join('')).toBe([...new Set(corpus.text)].sort().join(''));
  });

  test('carrying the state across windows gives the final state of the unbroken sequence', () => {
    const rng = new Random(3);
    const x = tensor(
      Array.from({ length: 2 * 12 * 3 }, () => rng.next() - 0.5),
      [2, 12, 3],
    );
    const lstm = new LSTM({ units: 4, returnState: true });
    const [, h, c] = lstm.apply(x) as unknown as Tensor[];
    const state = [tensor(new Array(8).fill(0), [2, 4]), tensor(new Array(8).fill(0), [2, 4])];
    const [hw, cw] = windowedFinalState(lstm, timeWindows(x, 5), state);
    const near = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      for (let i = 0; i < b.length; i++) expect(a[i]).toBeCloseTo(b[i], 5);
    };
    near(hw.dataSync(), h.dataSync());
    near(cw.dataSync(), c.dataSync());
  });

  test('training on windows lowers the loss, and the carried state helps', () => {
    const lm = charLanguageModel({ length: 12_000, epochs: 3 });
    const uniform = Math.log(lm.corpus.alphabet.length);
    expect(lm.loss[0]).toBeLessThan(uniform);
    for (let e = 1; e < lm.loss.length; e++) expect(lm.loss[e]).toBeLessThan(lm.loss[e - 1]);
    // Measured (seeded): 3.151, 2.859, 2.536 nats per character; uniform is ln(alphabet) = 3.95.
    expect(lm.loss.at(-1)).toBeLessThan(2.6);
    expect(lm.carried).toBeLessThan(lm.reset);
    const text = generateText(lm, 'the food ', 30, 1);
    expect(text.startsWith('the food ')).toBe(true);
    expect(text).toHaveLength(39);
    expect([...text].every((c) => lm.corpus.alphabet.includes(c))).toBe(true);
    expect(generateText(lm, 'the food ', 30, 1)).toBe(text);
  }, 120_000);
});
