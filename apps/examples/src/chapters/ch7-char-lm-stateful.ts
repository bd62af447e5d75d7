/**
 * Course 7.2 (RNN 구현), the character language model again, the Keras way: a stateful LSTM
 * (`stateful: true`, a fixed batch of 16) keeps its state from one batch to the next, so
 * `fit({ shuffle: false })` over the windows in order is truncated BPTT, and `model.resetStates()`
 * at the start of each epoch starts the sequences over. Same data, weights (seeded) and optimizer
 * as `char-lm-bptt`'s hand-written window loop, so the epoch losses are the same numbers.
 * Run: `node dist/chapters/ch7-char-lm-stateful.js`.
 */
import * as keras from '@horn/keras';
import { concat } from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';
import { bpttWindows, charCorpus, charLanguageModel } from './char-lm-bptt.js';

/** The stateful model's per-epoch losses, and the window loop's on the same data. */
export interface StatefulCharLm {
  stateful: number[];
  windowLoop: number[];
}

/** Trains both ways for `epochs` epochs (24,000 characters, batch 16, 25 steps, 64 units, Adam 0.01). */
export async function statefulCharLm(epochs: number, log: (line: string) => void = () => {}): Promise<StatefulCharLm> {
  const [batch, steps, units, seed] = [16, 25, 64, 7];
  const corpus = charCorpus(24_000);
  const vocab = corpus.alphabet.length;
  const windows = bpttWindows(corpus.ids, batch, steps);
  // Window k's 16 rows follow window k - 1's: in order, with batches of 16, each batch continues the last.
  const x = concat(windows.x, 0);
  const y = concat(windows.y, 0);
  const init = (offset: number) => ({ className: 'GlorotUniform', config: { seed: seed + offset } });
  const model = new keras.Sequential([
    new keras.layers.Embedding({
      inputDim: vocab,
      outputDim: 16,
      batchInputShape: [batch, steps],
      embeddingsInitializer: { className: 'RandomUniform', config: { seed } },
    }),
    new keras.layers.LSTM({
      units,
      returnSequences: true,
      stateful: true,
      kernelInitializer: init(1),
      recurrentInitializer: { className: 'Orthogonal', config: { seed: seed + 2 } },
    }),
    new keras.layers.Dense({ units: vocab, kernelInitializer: init(3) }),
  ]);
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate: 0.01 }),
    loss: new keras.losses.SparseCategoricalCrossentropy({ fromLogits: true }),
  });
  const stateful: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    model.resetStates();
    const history = await model.fit(x, y, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
    stateful.push((history.history.loss as number[])[0]);
    log(`stateful LSTM, epoch ${epoch + 1}/${epochs}: loss ${stateful[epoch].toFixed(4)}`);
  }
  const windowLoop = charLanguageModel({ epochs }).loss;
  for (const [i, l] of windowLoop.entries()) log(`window loop,   epoch ${i + 1}/${epochs}: loss ${l.toFixed(4)}`);
  return { stateful, windowLoop };
}

/**
 * Prints both runs' losses and returns them for `run all`; the short mode trains 2 epochs instead of 5.
 * @example (await run({ short: true })).gap // about 1e-7: the stateful model is the window loop
 */
export async function run({ short } = { short: false }): Promise<{
  stateful: number[];
  windowLoop: number[];
  firstLoss: number;
  gap: number;
}> {
  const r = await statefulCharLm(short ? 2 : 5, console.log);
  const gap = Math.max(...r.stateful.map((l, i) => Math.abs(l - r.windowLoop[i])));
  console.log(`largest difference between the two: ${gap.toExponential(1)}`);
  return { ...r, firstLoss: r.stateful[0], gap };
}

runIfMain(import.meta.url, () => run());
