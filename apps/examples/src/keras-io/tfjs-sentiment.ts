/**
 * Port of tfjs-examples `sentiment/train.js` (and its `data.js`): IMDB sentiment with a model type
 * chosen on the command line — `multihot` (two Dense(16, relu) on a multi-hot vector), `flatten`,
 * `cnn` (Dropout 0.5, Conv1D(250, 5, relu), GlobalMaxPool1D, Dense(250, relu)), `simpleRNN`, `lstm`
 * or `bidirectionalLSTM` (32 units) after Embedding(numWords, 128, inputLength maxLen) — then
 * Dense(1, sigmoid); binaryCrossentropy, Adam, metrics ['acc'], 10 epochs, batch size 128,
 * validation split 0.2; evaluation loss and accuracy printed; model and metadata.json saved.
 * Substituted: the example downloads IMDB as index sequences; this port uses the 3,000 labelled
 * sentences of `../shared/data/sentiment-sentences` (the same split as `text-classification.ts`),
 * indexed by a Tokenizer fitted on the training texts and offset as `data.js` does (OOV index 2,
 * words from index 3), padded and truncated at the start. The embedding-projector export is left out.
 * Short mode (tests): `epochs`. Run: `node dist/keras-io/tfjs-sentiment.js [modelType]`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';
import { scores } from './scores.js';
import { sentenceSplits } from './text-classification.js';

/** The model types of the example. */
export type SentimentModelType = 'multihot' | 'flatten' | 'cnn' | 'simpleRNN' | 'lstm' | 'bidirectionalLSTM';

const OOV_INDEX = 2;
const INDEX_FROM = 3;

/** `buildModel` of train.js: an uncompiled Sequential for the model type. */
export function buildModel(
  modelType: SentimentModelType,
  maxLen: number,
  vocabularySize: number,
  embeddingSize: number,
) {
  const { layers } = keras;
  const model = new keras.Sequential();
  if (modelType === 'multihot') {
    // A multi-hot encoding of all words of the sentence through dense layers.
    model.add(new layers.Dense({ units: 16, activation: 'relu', inputShape: [vocabularySize] }));
    model.add(new layers.Dense({ units: 16, activation: 'relu' }));
  } else {
    // All other model types use word embedding.
    model.add(new layers.Embedding({ inputDim: vocabularySize, outputDim: embeddingSize, inputLength: maxLen }));
    if (modelType === 'flatten') {
      model.add(new layers.Flatten());
    } else if (modelType === 'cnn') {
      model.add(new layers.Dropout({ rate: 0.5 }));
      model.add(new layers.Conv1D({ filters: 250, kernelSize: 5, strides: 1, padding: 'valid', activation: 'relu' }));
      model.add(new layers.GlobalMaxPooling1D());
      model.add(new layers.Dense({ units: 250, activation: 'relu' }));
    } else if (modelType === 'simpleRNN') {
      model.add(new layers.SimpleRNN({ units: 32 }));
    } else if (modelType === 'lstm') {
      model.add(new layers.LSTM({ units: 32 }));
    } else if (modelType === 'bidirectionalLSTM') {
      model.add(new layers.Bidirectional({ layer: new layers.LSTM({ units: 32 }), mergeMode: 'concat' }));
    } else {
      throw new keras.ops.ValueError(`buildModel: unsupported model type: ${String(modelType)}`);
    }
  }
  model.add(new layers.Dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

/** `loadData` of data.js: index sequences (OOV 2, words from 3) padded to maxLen, or multi-hot rows. */
export function loadData(numWords: number, maxLen: number, multihot = false) {
  const { train, test } = sentenceSplits();
  const tokenizer = new keras.preprocessing.Tokenizer();
  tokenizer.fitOnTexts(train.texts);
  const toSequences = (texts: string[]) =>
    tokenizer
      .textsToSequences(texts)
      .map((seq) => seq.map((i) => (i + INDEX_FROM - 1 >= numWords ? OOV_INDEX : i + INDEX_FROM - 1)));
  const toX = (texts: string[]): Tensor => {
    const sequences = toSequences(texts);
    if (!multihot)
      return keras.preprocessing.padSequences(sequences, { maxlen: maxLen, padding: 'pre', truncating: 'pre' });
    const rows = new Float32Array(sequences.length * numWords);
    sequences.forEach((seq, r) => {
      for (const i of seq) rows[r * numWords + i] = 1;
    });
    return keras.tensor(rows, [sequences.length, numWords]);
  };
  return {
    xTrain: toX(train.texts),
    yTrain: keras.tensor(train.labels, [train.labels.length, 1]),
    xTest: toX(test.texts),
    yTest: keras.tensor(test.labels, [test.labels.length, 1]),
  };
}

/** train.js's main with its defaults; returns the model, the history and [loss, accuracy]. */
export async function tfjsSentiment(
  modelType: SentimentModelType = 'cnn',
  args: {
    numWords?: number;
    maxLen?: number;
    embeddingSize?: number;
    epochs?: number;
    batchSize?: number;
    log?: (l: string) => void;
  } = {},
) {
  const { numWords = 10000, maxLen = 100, embeddingSize = 128, epochs = 10, batchSize = 128, log = () => {} } = args;
  log('Loading data...');
  const multihot = modelType === 'multihot';
  const { xTrain, yTrain, xTest, yTest } = loadData(numWords, maxLen, multihot);
  log('Building model...');
  const model = buildModel(modelType, maxLen, numWords, embeddingSize);
  model.compile({ loss: 'binaryCrossentropy', optimizer: 'adam', metrics: ['acc'] });
  model.summary(undefined, log);
  log('Training model...');
  const history = await model.fit(xTrain, yTrain, { epochs, batchSize, validationSplit: 0.2, verbose: 0 });
  log('Evaluating model...');
  const [testLoss, testAcc] = scores(await model.evaluate(xTest, yTest, { batchSize, verbose: 0 }));
  log(`Evaluation loss: ${testLoss.toFixed(4)}`);
  log(`Evaluation accuracy: ${testAcc.toFixed(4)}`);
  // Save the model and its metadata (not for multihot, as the example).
  let saveDir: string | null = null;
  if (!multihot) {
    saveDir = mkdtempSync(join(tmpdir(), 'horn-sentiment-'));
    const metadata = {
      epochs,
      embedding_size: embeddingSize,
      max_len: maxLen,
      model_type: modelType,
      batch_size: batchSize,
      vocabulary_size: numWords,
      index_from: INDEX_FROM,
    };
    writeFileSync(join(saveDir, 'metadata.json'), JSON.stringify(metadata));
    await model.save(saveDir);
  }
  return { model, history, testLoss, testAcc, saveDir };
}

runIfMain(import.meta.url, () =>
  tfjsSentiment((process.argv[2] as SentimentModelType | undefined) ?? 'cnn', { log: console.log }),
);
