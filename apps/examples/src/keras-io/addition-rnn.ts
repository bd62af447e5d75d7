/**
 * Port of keras.io `examples/nlp/addition_rnn.py` ("Sequence to sequence learning for performing
 * number addition", Smerity and others): questions such as "535+61" (reversed) one-hot encoded
 * over the 12 characters "0123456789+ ", an LSTM(128) encoder, RepeatVector(DIGITS + 1), an
 * LSTM(128, return_sequences) decoder and a softmax Dense per step; categorical cross-entropy,
 * Adam, batch size 32, one `fit` epoch per iteration with validation on 10% of the data, and ten
 * random validation questions printed with ☑ / ☒ after each iteration. The model has 205,324
 * parameters.
 * Substituted: nothing (the data are generated, as in the original), except that Python's
 * unseeded `np.random` is Horn's seeded `Random`. Short mode (tests): `trainingSize` questions
 * and `epochs` iterations.
 * Run: `node dist/keras-io/addition-rnn.js` (50,000 questions, 30 iterations).
 */
import * as keras from '@horn/keras';
import { Random, type Tensor } from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';

// Parameters for the model and dataset.
export const DIGITS = 3;
export const REVERSE = true;
// Maximum length of input is 'int + int' (e.g., '345+678'). Maximum length of int is DIGITS.
export const MAXLEN = DIGITS + 1 + DIGITS;

/** One-hot encodes strings of the given characters, and decodes one-hot or probability rows. */
export class CharacterTable {
  readonly chars: string[];
  private readonly charIndices: Map<string, number>;

  constructor(chars: string) {
    this.chars = [...new Set(chars)].sort();
    this.charIndices = new Map(this.chars.map((c, i) => [c, i]));
  }

  /** One-hot rows (`numRows` x chars) of the string `c`. */
  encode(c: string, numRows: number): number[][] {
    const x = Array.from({ length: numRows }, () => new Array<number>(this.chars.length).fill(0));
    [...c].forEach((ch, i) => {
      x[i][this.charIndices.get(ch) as number] = 1;
    });
    return x;
  }

  /** The string of the arg-max (or given index) of each row. */
  decode(x: number[][] | number[], calcArgmax = true): string {
    const indices = calcArgmax ? (x as number[][]).map((row) => row.indexOf(Math.max(...row))) : (x as number[]);
    return indices.map((i) => this.chars[i]).join('');
  }
}

/** All the numbers, plus sign and space for padding. */
export const chars = '0123456789+ ';
export const ctable = new CharacterTable(chars);

/** Generates `trainingSize` distinct questions "a+b" (padded, reversed) and their answers. */
export function generateData(trainingSize: number, seed = 1337): { questions: string[]; expected: string[] } {
  const rng = new Random(seed);
  const questions: string[] = [];
  const expected: string[] = [];
  const seen = new Set<string>();
  const f = () => {
    const digits = 1 + rng.nextInt(DIGITS);
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789'[rng.nextInt(10)];
    return Number(s);
  };
  while (questions.length < trainingSize) {
    const a = f();
    const b = f();
    // Skip any addition questions we've already seen; also skip any such that x+Y == Y+x (hence the sorting).
    const key = [a, b].sort((p, q) => p - q).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    // Pad the data with spaces such that it is always MAXLEN.
    const q = `${a}+${b}`;
    let query = q + ' '.repeat(MAXLEN - q.length);
    // Answers can be of maximum size DIGITS + 1.
    const ans = String(a + b).padEnd(DIGITS + 1, ' ');
    // Reverse the query, e.g., '12+345  ' becomes '  543+21'.
    if (REVERSE) query = [...query].reverse().join('');
    questions.push(query);
    expected.push(ans);
  }
  return { questions, expected };
}

/** The model: 205,324 parameters. */
export function additionModel(numLayers = 1): keras.Sequential {
  const model = new keras.Sequential();
  // "Encode" the input sequence using an LSTM, producing an output of size 128.
  model.add(keras.Input({ shape: [MAXLEN, chars.length] }));
  model.add(new keras.layers.LSTM({ units: 128 }));
  // As the decoder RNN's input, repeatedly provide the last output for each time step.
  model.add(new keras.layers.RepeatVector({ n: DIGITS + 1 }));
  // The decoder RNN could be multiple layers stacked or a single layer.
  for (let i = 0; i < numLayers; i++) model.add(new keras.layers.LSTM({ units: 128, returnSequences: true }));
  // Apply a dense layer to every temporal slice of an input.
  model.add(new keras.layers.Dense({ units: chars.length, activation: 'softmax' }));
  model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

/** Runs the example; returns the model, each iteration's validation accuracy and the printed checks. */
export async function additionRnn(trainingSize = 50000, epochs = 30, log: (line: string) => void = () => {}) {
  log('Generating data...');
  const { questions, expected } = generateData(trainingSize);
  log(`Total questions: ${questions.length}`);

  log('Vectorization...');
  const x = keras.tensor(questions.map((s) => ctable.encode(s, MAXLEN)));
  const y = keras.tensor(expected.map((s) => ctable.encode(s, DIGITS + 1)));
  // Shuffle (x, y) in unison as the later parts of x will almost all be larger digits.
  const indices = keras.random.shuffle(keras.ops.range(0, y.shape[0], 1, 'int32'), { seed: 7 });
  const xs = keras.ops.gather(x, indices);
  const ys = keras.ops.gather(y, indices);
  // Explicitly set apart 10% for validation data that we never train over.
  const splitAt = xs.shape[0] - Math.trunc(xs.shape[0] / 10);
  const part = (t: Tensor, from: number, n: number) => keras.ops.slice(t, [from, 0, 0], [n, -1, -1]);
  const [xTrain, xVal] = [part(xs, 0, splitAt), part(xs, splitAt, xs.shape[0] - splitAt)];
  const [yTrain, yVal] = [part(ys, 0, splitAt), part(ys, splitAt, ys.shape[0] - splitAt)];
  log(`Training Data: ${xTrain.shape} ${yTrain.shape}`);
  log(`Validation Data: ${xVal.shape} ${yVal.shape}`);

  log('Build model...');
  const model = additionModel();
  model.summary(undefined, log);

  const batchSize = 32;
  const valAccuracy: number[] = [];
  const checks: boolean[] = [];
  const rng = new Random(42);
  // Train the model each generation and show predictions against the validation dataset.
  for (let epoch = 1; epoch < epochs + 1; epoch++) {
    log(`\nIteration ${epoch}`);
    const history = await model.fit(xTrain, yTrain, {
      batchSize,
      epochs: 1,
      validationData: [xVal, yVal],
      verbose: 0,
      seed: epoch,
    });
    valAccuracy.push(history.history.val_accuracy[0]);
    // Select 10 samples from the validation set at random so we can visualize errors.
    for (let i = 0; i < 10; i++) {
      const ind = rng.nextInt(xVal.shape[0]);
      const rowx = part(xVal, ind, 1);
      const rowy = part(yVal, ind, 1);
      const preds = keras.ops.argMax(model.predict(rowx, { verbose: 0 }) as Tensor, -1).arraySync() as number[][];
      const q = ctable.decode((rowx.arraySync() as number[][][])[0]);
      const correct = ctable.decode((rowy.arraySync() as number[][][])[0]);
      const guess = ctable.decode(preds[0], false);
      log(`Q ${REVERSE ? [...q].reverse().join('') : q} T ${correct} ${correct === guess ? '☑ ' : '☒ '}${guess}`);
      checks.push(correct === guess);
    }
  }
  return { model, valAccuracy, checks };
}

runIfMain(import.meta.url, () => additionRnn(50000, 30, console.log));
