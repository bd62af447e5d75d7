/**
 * Port of keras.io `examples/nlp/text_classification_from_scratch.py` ("Text classification from
 * scratch", Mark Omernick and François Chollet): texts standardized (lower case, punctuation
 * stripped), vectorized to `sequence_length` integer tokens over the `max_features` most frequent
 * words, then Embedding(20000, 128) → Dropout(0.5) → two Conv1D(128, 7, strides 3, relu) →
 * GlobalMaxPooling1D → Dense(128, relu) → Dropout(0.5) → Dense(1, sigmoid); binary
 * cross-entropy, Adam, batch size 32, 3 epochs, validation on 20% of the training set, evaluated
 * on the test set.
 * Substituted: the IMDB review folders (`aclImdb/`, a download) are not offline, so the port uses
 * the 3,000 labelled sentences of `../shared/data/sentiment-sentences` (UCI; IMDb, Amazon and Yelp
 * reviews, 0/1 labels), shuffled with seed 1337: the last 600 are the test set, the rest are split
 * 80/20 into training and validation. Horn has no `TextVectorization` layer yet, so vectorization
 * is `keras.preprocessing.Tokenizer` (lower case, punctuation filtered, `numWords`) +
 * `padSequences` (padded and truncated at the end, as TextVectorization does) outside the model;
 * the `<br />` stripping of the original is kept. The end-to-end model that takes raw strings is
 * left out (no string tensors in Horn). Short mode (tests): `sequenceLength` and `epochs`.
 * Run: `node dist/keras-io/text-classification.js`.
 */
import * as keras from '@horn/keras';
import { loadSentences } from '../chapters/rnn.js';
import { runIfMain } from '../run-if-main.js';
import { scores } from './scores.js';

const { layers } = keras;

/** Model constants. */
export const maxFeatures = 20000;
export const embeddingDim = 128;

/** The 3,000 sentences shuffled (seed 1337) into train, validation and test texts and labels. */
export function sentenceSplits(seed = 1337) {
  const { texts, labels } = loadSentences();
  const [trainRows, testRows] = keras.preprocessing.splitIndices(texts.length, { testSize: 600, seed });
  const pick = (rows: Int32Array) => ({
    texts: Array.from(rows, (r) => texts[r]),
    labels: Array.from(rows, (r) => labels[r]),
  });
  return { train: pick(trainRows), test: pick(testRows) };
}

/** The original's `custom_standardization`: strip the HTML line breaks (the Tokenizer lowers and strips punctuation). */
export function customStandardization(text: string): string {
  return text.replaceAll('<br />', ' ');
}

/** The classifier, on integer token sequences. */
export function textModel(): keras.Model {
  // An integer input for vocab indices.
  const inputs = keras.Input({ shape: [null], dtype: 'int64' });
  // Next, we add a layer to map those vocab indices into a space of dimensionality 'embedding_dim'.
  let x = new layers.Embedding({ inputDim: maxFeatures, outputDim: embeddingDim }).apply(inputs);
  x = new layers.Dropout({ rate: 0.5 }).apply(x);
  // Conv1D + global max pooling
  x = new layers.Conv1D({ filters: 128, kernelSize: 7, padding: 'valid', activation: 'relu', strides: 3 }).apply(x);
  x = new layers.Conv1D({ filters: 128, kernelSize: 7, padding: 'valid', activation: 'relu', strides: 3 }).apply(x);
  x = new layers.GlobalMaxPooling1D().apply(x);
  // We add a vanilla hidden layer:
  x = new layers.Dense({ units: 128, activation: 'relu' }).apply(x);
  x = new layers.Dropout({ rate: 0.5 }).apply(x);
  // We project onto a single unit output layer, and squash it with a sigmoid:
  const predictions = new layers.Dense({ units: 1, activation: 'sigmoid', name: 'predictions' }).apply(x);
  const model = new keras.Model(inputs, predictions);
  // Compile the model with binary crossentropy loss and an adam optimizer.
  model.compile({ loss: 'binary_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

/** Runs the example; returns the model, its history and the test [loss, accuracy]. */
export async function textClassification(sequenceLength = 500, epochs = 3, verbose: 0 | 2 = 0) {
  const batchSize = 32;
  const { train, test } = sentenceSplits();
  const vectorizeLayer = new keras.preprocessing.Tokenizer({ numWords: maxFeatures });
  // Let's call `adapt`: fit the vocabulary on the training texts only.
  vectorizeLayer.fitOnTexts(train.texts.map(customStandardization));
  const vectorizeText = (texts: string[]) =>
    keras.preprocessing.padSequences(vectorizeLayer.textsToSequences(texts.map(customStandardization)), {
      maxlen: sequenceLength,
      padding: 'post',
      truncating: 'post',
    });
  const xTrain = vectorizeText(train.texts);
  const yTrain = keras.tensor(train.labels, [train.labels.length, 1]);
  const xTest = vectorizeText(test.texts);
  const yTest = keras.tensor(test.labels, [test.labels.length, 1]);

  const model = textModel();
  // Fit the model using the train and validation data.
  const history = await model.fit(xTrain, yTrain, { batchSize, epochs, validationSplit: 0.2, verbose });
  const score = scores(await model.evaluate(xTest, yTest, { batchSize, verbose: 0 }));
  return { model, history, score };
}

async function main(): Promise<void> {
  const { score } = await textClassification(500, 3, 2);
  console.log(`test loss ${score[0]}, test accuracy ${score[1]}`);
}

runIfMain(import.meta.url, main);
