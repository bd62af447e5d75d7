/**
 * The course's recurrent chapter (7): the RNN cell `h_t = tanh(h_{t-1}·Wh + x_t·Wx + b)`, BPTT
 * (autograd through the unrolled loop gives the same gradients as the course's RNN.backward, step
 * by step), and a text model: sentiment of the real UCI sentences (IMDb, Amazon, Yelp; 3,000
 * labelled lines) with Tokenizer + padSequences, Embedding -> SimpleRNN -> Dense(1, sigmoid),
 * trained with the course's GradientTape loop and Adam. Run: `node dist/chapters/rnn.js`.
 */
import { readFileSync } from 'node:fs';
import { GradientTape } from '@horn/autograd';
import * as keras from '@horn/keras';
import { Constant, Dense, Embedding, SimpleRNN } from '@horn/layers';
import { Adam } from '@horn/optimizers';
import { padSequences, splitIndices, Tokenizer } from '@horn/preprocessing';
import { matmul, mul, ones, sub, sum, type Tensor, tensor, tidy, transpose, zeros } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import type { ProgressStream } from '../progress-bar.js';
import { runIfMain } from '../run-if-main.js';
import { type ClassifierHistory, trainClassifier } from './train-classifier.js';

/** The three files of the UCI "Sentiment Labelled Sentences" set, `sentence<TAB>label` per line. */
export const SENTIMENT_FILES = ['imdb_labelled.txt', 'amazon_cells_labelled.txt', 'yelp_labelled.txt'];

/** Labelled sentences: texts and their 0/1 labels. */
export interface Sentences {
  texts: string[];
  labels: number[];
}

/**
 * Reads the UCI sentiment sentences from the shared data folder (the label follows the last tab).
 * @example loadSentences().texts.length // 3000
 */
export function loadSentences(): Sentences {
  const texts: string[] = [];
  const labels: number[] = [];
  for (const file of SENTIMENT_FILES) {
    const text = readFileSync(sharedDataPath(`sentiment-sentences/${file}`), 'utf8');
    for (const line of text.split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab < 0) continue;
      texts.push(line.slice(0, tab).trim());
      labels.push(Number(line.slice(tab + 1).trim()));
    }
  }
  return { texts, labels };
}

/** What the BPTT demo prints: the gradients from autograd and from the course's backward pass. */
export interface BpttDemo {
  hs: Tensor[];
  autograd: { dWx: Tensor; dWh: Tensor; db: Tensor };
  course: { dWx: Tensor; dWh: Tensor; db: Tensor };
}

/**
 * BPTT on a 3-step sequence (batch 1, 2 features, 2 units), loss `L = Σ_t Σ h_t`: the gradients
 * of a SimpleRNN from GradientTape, and the course's RNN.backward run per step from the last:
 * `dt = dh·(1 − h²)`, `db = Σ dt`, `dWh = h_prevᵀ·dt`, `dWx = xᵀ·dt`, `dh_prev = dt·Whᵀ`.
 * @example bpttDemo().course.dWx.print()
 */
export function bpttDemo(): BpttDemo {
  const Wx = [
    [0.5, -0.3],
    [0.2, 0.4],
  ];
  const Wh = [
    [0.1, 0.6],
    [-0.5, 0.2],
  ];
  const b = [0.1, -0.2];
  const xs = [tensor([[1, 0]]), tensor([[0.5, -1]]), tensor([[-1, 2]])];
  const rnn = new SimpleRNN({
    units: 2,
    returnSequences: true,
    kernelInitializer: new Constant({ value: Wx }),
    recurrentInitializer: new Constant({ value: Wh }),
    biasInitializer: new Constant({ value: b }),
  });
  const sequence = tensor([xs.map((x) => (x.arraySync() as number[][])[0])]); // [1, 3, 2]
  const tape = new GradientTape();
  const loss = tape.run(() => sum(rnn.apply(sequence)));
  const [dWx, dWh, db] = tape.gradient(loss, [rnn.kernel!, rnn.recurrentKernel!, rnn.bias!]) as Tensor[];

  // The course's forward (RNN.forward) and backward (RNN.backward), step by step.
  const hs: Tensor[] = [];
  let hPrev = zeros([1, 2]);
  for (const x of xs) {
    hPrev = matmul(hPrev, Wh).add(matmul(x, Wx)).add(b).tanh();
    hs.push(hPrev);
  }
  let courseWx = zeros([2, 2]);
  let courseWh = zeros([2, 2]);
  let courseB = zeros([2]);
  let dhNext = zeros([1, 2]);
  for (let t = xs.length - 1; t >= 0; t--) {
    const h = hs[t];
    const prev = t > 0 ? hs[t - 1] : zeros([1, 2]);
    const dh = dhNext.add(ones([1, 2])); // dL/dh_t = 1 from the loss, plus what flows back from t + 1
    const dt = mul(dh, sub(1, h.square()));
    courseB = courseB.add(sum(dt, 0));
    courseWh = courseWh.add(matmul(transpose(prev), dt));
    courseWx = courseWx.add(matmul(transpose(xs[t]), dt));
    dhNext = matmul(dt, transpose(tensor(Wh)));
  }
  return { hs, autograd: { dWx, dWh, db }, course: { dWx: courseWx, dWh: courseWh, db: courseB } };
}

/** Options of {@link sentimentModel}. */
export interface SentimentOptions {
  /** Keep the most frequent `vocabulary - 1` words (index 0 is padding). Default 2000. */
  vocabulary?: number;
  /** Sentences are cut or padded (at the start) to this many words. Default 20. */
  maxlen?: number;
  epochs?: number;
  /** Default 0.2: 600 of the 3,000 sentences are held out. */
  validationFraction?: number;
  seed?: number;
  out?: ProgressStream;
}

/** The trained text model's history, and the data sizes it saw. */
export interface SentimentResult extends ClassifierHistory {
  trainSize: number;
  validationSize: number;
  vocabularySize: number;
}

/**
 * Sentiment of the UCI sentences: a tokenizer fitted on the training sentences, sequences padded
 * to `maxlen`, Embedding(vocabulary, 16) -> SimpleRNN(16) -> Dense(1, sigmoid), trained with
 * binary cross-entropy and Adam(0.002) in mini-batches of 32. It learns the training set within a
 * few epochs and then overfits (validation loss rises): 4 epochs reach about 0.77 on the held-out 600.
 * @example sentimentModel({ epochs: 4 }).valAccuracy.at(-1) // about 0.77
 */
export function sentimentModel(options: SentimentOptions = {}): SentimentResult {
  const { vocabulary = 2000, maxlen = 20, epochs = 4, validationFraction = 0.2, seed = 42 } = options;
  const out = options.out ?? process.stdout;
  const { texts, labels } = loadSentences();
  const [trainRows, valRows] = splitIndices(texts.length, { testSize: validationFraction, stratify: labels, seed });
  const pick = <T>(values: T[], rows: Int32Array) => Array.from(rows, (i) => values[i]);
  const tokenizer = new Tokenizer({ numWords: vocabulary });
  tokenizer.fitOnTexts(pick(texts, trainRows));
  const encode = (rows: Int32Array) => padSequences(tokenizer.textsToSequences(pick(texts, rows)), { maxlen });
  const train = { x: encode(trainRows), y: tensor(pick(labels, trainRows), [trainRows.length], 'int32') };
  const validation = { x: encode(valRows), y: tensor(pick(labels, valRows), [valRows.length], 'int32') };
  out.write(
    `${texts.length} sentences: train ${trainRows.length}, validation ${valRows.length}; ` +
      `${tokenizer.wordIndex.size} words, kept ${vocabulary - 1}, maxlen ${maxlen}\n`,
  );
  const layers = [
    new Embedding({
      inputDim: vocabulary,
      outputDim: 16,
      embeddingsInitializer: { className: 'RandomUniform', config: { seed } },
    }),
    new SimpleRNN({
      units: 16,
      kernelInitializer: { className: 'GlorotUniform', config: { seed: seed + 1 } },
      recurrentInitializer: { className: 'Orthogonal', config: { seed: seed + 2 } },
    }),
    new Dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: { className: 'GlorotUniform', config: { seed: seed + 3 } },
    }),
  ];
  const history = trainClassifier(layers, train, validation, {
    epochs,
    batchSize: 32,
    optimizer: new Adam({ learningRate: 0.002 }),
    seed,
    out,
  });
  return {
    ...history,
    trainSize: trainRows.length,
    validationSize: valRows.length,
    vocabularySize: tokenizer.wordIndex.size,
  };
}

// #region keras
/**
 * The same text model the Keras way: `Sequential`, `compile`, `fit` with validation data.
 * @example (await sentimentKeras({ epochs: 4 })).history.val_accuracy.at(-1) // about 0.77
 */
export async function sentimentKeras(options: SentimentOptions = {}): Promise<keras.callbacks.History> {
  const { vocabulary = 2000, maxlen = 20, epochs = 4, validationFraction = 0.2, seed = 42 } = options;
  keras.setSeed(seed);
  const { texts, labels } = loadSentences();
  const [trainRows, valRows] = splitIndices(texts.length, { testSize: validationFraction, stratify: labels, seed });
  const pick = <T>(values: T[], rows: Int32Array) => Array.from(rows, (i) => values[i]);
  const tokenizer = new keras.preprocessing.Tokenizer({ numWords: vocabulary });
  tokenizer.fitOnTexts(pick(texts, trainRows));
  const encode = (rows: Int32Array) =>
    keras.preprocessing.padSequences(tokenizer.textsToSequences(pick(texts, rows)), { maxlen });
  const model = new keras.Sequential([
    keras.Input({ shape: [maxlen] }),
    new keras.layers.Embedding({ inputDim: vocabulary, outputDim: 16 }),
    new keras.layers.SimpleRNN({ units: 16 }), // or LSTM, GRU, Bidirectional
    new keras.layers.Dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate: 0.002 }),
    loss: 'binary_crossentropy',
    metrics: ['accuracy'],
  });
  return model.fit(encode(trainRows), keras.tensor(pick(labels, trainRows)), {
    epochs,
    batchSize: 32,
    validationData: [encode(valRows), keras.tensor(pick(labels, valRows))],
    verbose: 0,
  });
}
// #endregion keras

/**
 * Runs the program as `node dist/chapters/rnn.js` does and returns its headline values
 * (the `run all` harness checks them).
 * @example (await run()).valAccuracy // 0.7733
 */
export async function run(
  _options = { short: false },
): Promise<{ dbTape: number[]; dbCourse: number[]; valAccuracy: number }> {
  const db = tidy(() => {
    const demo = bpttDemo();
    console.log('BPTT on a 3-step sequence, L = sum of every h_t');
    for (const [t, h] of demo.hs.entries()) console.log(`h_${t + 1} = ${h.toString()}`);
    for (const name of ['dWx', 'dWh', 'db'] as const) {
      console.log(`${name} (GradientTape)\n${demo.autograd[name].toString()}`);
      console.log(`${name} (course backward)\n${demo.course[name].toString()}\n`);
    }
    return { tape: Array.from(demo.autograd.db.dataSync()), course: Array.from(demo.course.db.dataSync()) };
  });
  const result = sentimentModel();
  const valAccuracy = result.valAccuracy.at(-1) ?? Number.NaN;
  console.log(`final validation accuracy: ${valAccuracy.toFixed(4)}`);
  return { dbTape: db.tape, dbCourse: db.course, valAccuracy };
}

runIfMain(import.meta.url, () => run());
