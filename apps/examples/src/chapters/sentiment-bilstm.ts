/**
 * Chapter 7, a real text model: sentiment of the 3,000 UCI labelled sentences (IMDb, Amazon, Yelp)
 * with a masked Bidirectional LSTM. A seeded, stratified 2,400 / 600 split is fixed once; the
 * vocabulary is adapted on the training sentences only. Model (raw strings in, probability out):
 * Input(string) -> TextVectorization(2000 tokens, 20 steps) -> Embedding(2000, 16, maskZero) ->
 * Bidirectional(LSTM(16)) -> Dense(1, sigmoid), Adam(0.003), batches of 32. Run: `pnpm --filter @horn/examples sentiment`.
 */
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { heldOutSplit, type LabelledTexts } from '../data/text-sets.js';
import { scores } from '../keras-io/scores.js';
import { runIfMain } from '../run-if-main.js';
import { loadSentences } from './rnn.js';

/** Options of {@link sentimentBiLstm}. */
export interface TextModelOptions {
  /** Words kept (the most frequent `vocabulary - 1`; 0 is padding). */
  vocabulary?: number;
  /** Texts are cut or padded to this many words. */
  maxlen?: number;
  epochs?: number;
  seed?: number;
  verbose?: 0 | 1 | 2;
}

/** A trained text model, its per-epoch history and its accuracy on the held-out texts. */
export interface TextModelResult {
  model: keras.Model;
  loss: number[];
  testAccuracy: number;
  /** Raw strings in, probabilities of the positive class out. */
  predict(texts: string[]): number[];
}

/**
 * Fits a word tokenizer on the training texts and returns an encoder from raw strings to padded
 * word ids `[n, maxlen]` (int32; unknown words dropped, as Keras's Tokenizer).
 * @example textEncoder(['good movie'], 100, 5)(['good']).shape // [1, 5]
 */
export function textEncoder(trainTexts: string[], vocabulary: number, maxlen: number): (texts: string[]) => Tensor {
  const tokenizer = new keras.preprocessing.Tokenizer({ numWords: vocabulary });
  tokenizer.fitOnTexts(trainTexts);
  return (texts) => keras.preprocessing.padSequences(tokenizer.textsToSequences(texts), { maxlen });
}

/**
 * Trains a binary text classifier on a split and scores it on the held-out part.
 * @example await trainTextModel(split, encode, model, { epochs: 2 })
 */
export async function trainTextModel(
  split: { train: LabelledTexts; test: LabelledTexts },
  encode: (texts: string[]) => Tensor,
  model: keras.Model,
  { epochs = 3, learningRate = 0.003, verbose = 0 as 0 | 1 | 2 } = {},
): Promise<TextModelResult> {
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate }),
    loss: 'binary_crossentropy',
    metrics: ['accuracy'],
  });
  const history = await model.fit(encode(split.train.texts), keras.tensor(split.train.labels), {
    epochs,
    batchSize: 32,
    verbose,
  });
  const [, testAccuracy] = scores(
    await model.evaluate(encode(split.test.texts), keras.tensor(split.test.labels), { verbose: 0 }),
  );
  const predict = (texts: string[]) => Array.from((model.predict(encode(texts), { verbose: 0 }) as Tensor).dataSync());
  return { model, loss: history.history.loss as number[], testAccuracy, predict };
}

/**
 * Raw strings as the `[n, 1]` string tensor a model with `Input({ shape: [1], dtype: 'string' })` takes.
 * @example rawTexts(['good movie']).shape // [1, 1]
 */
export function rawTexts(texts: string[]): Tensor {
  return keras.tensor(texts.map((t) => [t]));
}

/**
 * The chapter's text classifier on any labelled texts: a seeded 80 / 20 split and a model that
 * takes raw strings: TextVectorization (adapted on the training texts; the padding 0 is masked by
 * `Embedding({ maskZero: true })`) -> Bidirectional(LSTM(16)) -> Dense(1, sigmoid).
 * @example (await biLstmTextModel(loadSmsSpam(), { vocabulary: 4000, maxlen: 40 })).testAccuracy
 */
export async function biLstmTextModel(data: LabelledTexts, options: TextModelOptions = {}): Promise<TextModelResult> {
  const { vocabulary = 2000, maxlen = 20, epochs = 2, seed = 42, verbose = 0 } = options;
  keras.setSeed(seed);
  const split = heldOutSplit(data, 0.2, seed);
  const vectorize = new keras.layers.TextVectorization({ maxTokens: vocabulary, outputSequenceLength: maxlen });
  vectorize.adapt(split.train.texts);
  const model = new keras.Sequential([
    keras.Input({ shape: [1], dtype: 'string' }),
    vectorize,
    new keras.layers.Embedding({ inputDim: vocabulary, outputDim: 16, maskZero: true }),
    new keras.layers.Bidirectional({ layer: new keras.layers.LSTM({ units: 16 }) }),
    new keras.layers.Dense({ units: 1, activation: 'sigmoid' }),
  ]);
  return trainTextModel(split, rawTexts, model, { epochs, verbose });
}

/**
 * Sentiment of the UCI sentences (2,400 train, 600 held out) with {@link biLstmTextModel}.
 * @example (await sentimentBiLstm()).testAccuracy // about 0.81 on the 600 held-out sentences
 */
export function sentimentBiLstm(options: TextModelOptions = {}): Promise<TextModelResult> {
  return biLstmTextModel(loadSentences(), options);
}

/**
 * Runs the program as `node dist/chapters/sentiment-bilstm.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).testAccuracy // 0.8067
 */
export async function run(_options = { short: false }): Promise<{ firstLoss: number; testAccuracy: number }> {
  const result = await sentimentBiLstm({ verbose: 2 });
  console.log(`held-out accuracy ${result.testAccuracy.toFixed(4)} on 600 sentences`);
  const examples = ['What a wonderful, moving film.', 'The food was cold and the service was awful.'];
  for (const [i, p] of result.predict(examples).entries()) console.log(`${p.toFixed(3)}  ${examples[i]}`);
  return { firstLoss: result.loss[0], testAccuracy: result.testAccuracy };
}

runIfMain(import.meta.url, () => run());
