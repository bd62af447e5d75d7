/**
 * Chapter 7 meets attention: the keras.io Transformer classifier (`transformerClassifier`, one
 * encoder block over token + position embeddings) on the UCI sentiment sentences, with the same
 * seeded 2,400 / 600 split and tokenizer as the Bidirectional LSTM.
 * Run: `pnpm --filter @horn/examples sentiment-transformer`.
 */
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { heldOutSplit } from '../data/text-sets.js';
import { scores } from '../keras-io/scores.js';
import { runIfMain } from '../run-if-main.js';
import { loadSentences } from './rnn.js';
import type { TextModelOptions } from './sentiment-bilstm.js';
import { textEncoder } from './sentiment-bilstm.js';
import { transformerClassifier } from './transformer-block.js';

/** What {@link sentimentTransformer} reports. */
export interface TransformerSentiment {
  loss: number[];
  testAccuracy: number;
}

/**
 * Trains the Transformer classifier (embedDim 16, 2 heads, ffDim 16, softmax over 2 classes) on
 * the sentences and scores the 600 held out.
 * @example (await sentimentTransformer()).testAccuracy // about 0.85 (chance 0.5)
 */
export async function sentimentTransformer(options: TextModelOptions = {}): Promise<TransformerSentiment> {
  const { vocabulary = 2000, maxlen = 20, epochs = 2, seed = 42, verbose = 0 } = options;
  keras.setSeed(seed);
  const split = heldOutSplit(loadSentences(), 0.2, seed);
  const encode = textEncoder(split.train.texts, vocabulary, maxlen);
  const labels = (l: number[]): Tensor => keras.tensor(l, [l.length], 'int32');
  const model = transformerClassifier({ maxlen, vocabSize: vocabulary, embedDim: 16, numHeads: 2, ffDim: 16 });
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate: 0.003 }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  const history = await model.fit(encode(split.train.texts), labels(split.train.labels), {
    epochs,
    batchSize: 32,
    verbose,
  });
  const [, testAccuracy] = scores(
    await model.evaluate(encode(split.test.texts), labels(split.test.labels), { verbose: 0 }),
  );
  return { loss: history.history.loss as number[], testAccuracy };
}

/**
 * Runs the program as `node dist/chapters/sentiment-transformer.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).testAccuracy // 0.82
 */
export async function run(_options = { short: false }): Promise<{ firstLoss: number; testAccuracy: number }> {
  const { loss, testAccuracy } = await sentimentTransformer({ verbose: 2 });
  console.log(`loss ${loss[0].toFixed(4)} -> ${loss.at(-1)?.toFixed(4)}, held-out accuracy ${testAccuracy.toFixed(4)}`);
  return { firstLoss: loss[0], testAccuracy };
}

runIfMain(import.meta.url, () => run());
