/**
 * Chapter 7, truncated backpropagation through time: a character language model over one long
 * real sequence (the UCI sentiment sentences joined into one text). The text is cut into `batch`
 * contiguous streams and each stream into windows of `steps` characters; window k+1 of a stream
 * starts from the LSTM state window k ended with (the state is carried forward, the gradient is
 * not: that is the truncation), and the state is reset to zeros at the start of every epoch.
 * Model: Embedding(chars, 16) -> LSTM(64, returnSequences) -> Dense(chars) logits, Adam(0.01).
 * Run: `pnpm --filter @horn/examples char-lm`.
 */
import { GradientTape, stopGradient } from '@horn/autograd';
import { Dense, Embedding, LSTM } from '@horn/layers';
import { SparseCategoricalCrossentropy } from '@horn/losses';
import { Adam } from '@horn/optimizers';
import { Random, slice, softmax, type Tensor, tensor, tidy, ValueError, zeros } from '@horn/tensor';
import { runIfMain } from '../run-if-main.js';
import { loadSentences } from './rnn.js';

/** A text as character ids, with the alphabet that maps ids back to characters. */
export interface CharCorpus {
  text: string;
  alphabet: string[];
  ids: number[];
}

/**
 * The first `length` characters of the UCI sentences (lower-cased, one sentence a line) as ids
 * into their sorted alphabet.
 * @example charCorpus(1000).alphabet.length // the distinct characters of the first 1,000
 */
export function charCorpus(length: number): CharCorpus {
  const text = loadSentences().texts.join('\n').toLowerCase().slice(0, length);
  const alphabet = [...new Set(text)].sort();
  const index = new Map(alphabet.map((c, i) => [c, i]));
  return { text, alphabet, ids: Array.from(text, (c) => index.get(c)!) };
}

/** Consecutive windows of `batch` parallel streams: `x[k]`, `y[k]` are `[batch, steps]` int32. */
export interface Windows {
  x: Tensor[];
  y: Tensor[];
}

/**
 * Cuts `ids` into `batch` contiguous streams of equal length and each stream into windows of
 * `steps` ids: row b of window k continues row b of window k − 1 (the layout a stateful RNN
 * needs); `y` is `x` shifted by one character.
 * @example bpttWindows([0, 1, 2, 3, 4, 5, 6, 7, 8], 2, 2).x[0].arraySync() // [[0, 1], [4, 5]]
 */
export function bpttWindows(ids: readonly number[], batch: number, steps: number): Windows {
  const streamLength = Math.floor((ids.length - 1) / batch);
  const count = Math.floor(streamLength / steps);
  const x: Tensor[] = [];
  const y: Tensor[] = [];
  for (let k = 0; k < count; k++) {
    const rows = (shift: number) =>
      Array.from({ length: batch }, (_, b) =>
        ids.slice(b * streamLength + k * steps + shift, b * streamLength + (k + 1) * steps + shift),
      ).flat();
    x.push(tensor(rows(0), [batch, steps], 'int32'));
    y.push(tensor(rows(1), [batch, steps], 'int32'));
  }
  return { x, y };
}

/** Options of {@link charLanguageModel}. */
export interface CharLmOptions {
  /** How many characters of the text to train on. Default 24,000. */
  length?: number;
  batch?: number;
  steps?: number;
  units?: number;
  epochs?: number;
  learningRate?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** The trained model's layers and what training measured. */
export interface CharLm {
  corpus: CharCorpus;
  embedding: Embedding;
  lstm: LSTM;
  dense: Dense;
  /** Mean training cross-entropy (nats per character) of each epoch. */
  loss: number[];
  /** Mean cross-entropy after training, state carried across windows vs reset at every window. */
  carried: number;
  reset: number;
}

/**
 * Trains the character model with truncated BPTT (state carried across windows, reset each epoch).
 * @example charLanguageModel({ epochs: 3 }).loss // falling, from about ln(alphabet) ≈ 3.9
 */
export function charLanguageModel(options: CharLmOptions = {}): CharLm {
  const { length = 24_000, batch = 16, steps = 25, units = 64, epochs = 3, learningRate = 0.01, seed = 7 } = options;
  const corpus = charCorpus(length);
  const vocab = corpus.alphabet.length;
  const windows = bpttWindows(corpus.ids, batch, steps);
  const init = (offset: number) => ({ className: 'GlorotUniform', config: { seed: seed + offset } });
  const embedding = new Embedding({
    inputDim: vocab,
    outputDim: 16,
    embeddingsInitializer: { className: 'RandomUniform', config: { seed } },
  });
  const lstm = new LSTM({
    units,
    returnSequences: true,
    returnState: true,
    kernelInitializer: init(1),
    recurrentInitializer: { className: 'Orthogonal', config: { seed: seed + 2 } },
  });
  const dense = new Dense({ units: vocab, kernelInitializer: init(3) });
  const lossFn = new SparseCategoricalCrossentropy({ fromLogits: true });
  const optimizer = new Adam({ learningRate });
  const run = (x: Tensor, y: Tensor, state: Tensor[]): [Tensor, Tensor[]] => {
    const [sequence, h, c] = lstm.apply([embedding.apply(x), ...state]) as unknown as Tensor[];
    return [lossFn.apply(y, dense.apply(sequence)), [h, c]];
  };
  const zeroState = () => [zeros([batch, units]), zeros([batch, units])];
  const loss: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let state = zeroState(); // resetStates() at the start of every epoch
    let total = 0;
    for (let k = 0; k < windows.x.length; k++) {
      const [value, next] = tidy(() => {
        const tape = new GradientTape();
        const [l, s] = tape.run(() => run(windows.x[k], windows.y[k], state));
        const weights = [...embedding.trainableWeights, ...lstm.trainableWeights, ...dense.trainableWeights];
        const grads = tape.gradient(l, weights);
        optimizer.applyGradients(weights.map((w, i) => [grads[i], w]));
        // Carry the state forward but cut the gradient: truncated BPTT.
        return [l.dataSync()[0], s.map((t) => stopGradient(t))] as [number, Tensor[]];
      });
      for (const t of state) t.dispose();
      state = next;
      total += value;
    }
    loss.push(total / windows.x.length);
    options.log?.(`epoch ${epoch + 1}/${epochs}: loss ${loss[epoch].toFixed(4)} over ${windows.x.length} windows`);
  }
  const meanLoss = (carry: boolean) =>
    tidy(() => {
      let state = zeroState();
      let total = 0;
      for (let k = 0; k < windows.x.length; k++) {
        const [l, s] = run(windows.x[k], windows.y[k], carry ? state : zeroState());
        total += l.dataSync()[0];
        state = s;
      }
      return total / windows.x.length;
    });
  return { corpus, embedding, lstm, dense, loss, carried: meanLoss(true), reset: meanLoss(false) };
}

/**
 * Runs an LSTM (with `returnState`) over windows of a sequence, carrying the state, and returns
 * the final `[h, c]`: equal to one pass over the unbroken sequence.
 * @example windowedFinalState(lstm, [x.slice(0, 5), x.slice(5)])
 */
export function windowedFinalState(lstm: LSTM, pieces: Tensor[], state: Tensor[]): Tensor[] {
  let current = state;
  for (const piece of pieces) current = (lstm.apply([piece, ...current]) as unknown as Tensor[]).slice(1);
  return current;
}

/**
 * Cuts `[batch, time, features]` into consecutive windows of `steps` time steps.
 * @example timeWindows(ones([1, 10, 3]), 5).length // 2
 */
export function timeWindows(x: Tensor, steps: number): Tensor[] {
  const [batch, time, features] = x.shape;
  return Array.from({ length: Math.ceil(time / steps) }, (_, k) =>
    slice(x, [0, k * steps, 0], [batch, Math.min(steps, time - k * steps), features]),
  );
}

/**
 * Writes `length` characters after `prompt` with the trained model, one step at a time, the LSTM
 * state carried from step to step (batch 1) and each character drawn from the softmax (seeded).
 * @example generateText(charLanguageModel(), 'the food ', 40, 1) // 'the food ' and 40 more characters
 */
export function generateText(lm: CharLm, prompt: string, length: number, seed: number): string {
  const rng = new Random(seed);
  const index = new Map(lm.corpus.alphabet.map((c, i) => [c, i]));
  const units = lm.lstm.units;
  return tidy(() => {
    let state = [zeros([1, units]), zeros([1, units])];
    let out = prompt;
    let next = -1;
    const feed = (id: number) => {
      const [sequence, h, c] = lm.lstm.apply([
        lm.embedding.apply(tensor([[id]], [1, 1], 'int32')),
        ...state,
      ]) as unknown as Tensor[];
      state = [h, c];
      return softmax(lm.dense.apply(sequence)).dataSync();
    };
    let probs: ArrayLike<number> = [];
    for (const c of prompt) {
      const id = index.get(c);
      if (id === undefined) throw new ValueError(`generateText: the prompt's '${c}' is not in the model's alphabet`);
      probs = feed(id);
    }
    for (let i = 0; i < length; i++) {
      let u = rng.next();
      next = probs.length - 1;
      for (let j = 0; j < probs.length; j++)
        if ((u -= probs[j]) < 0) {
          next = j;
          break;
        }
      out += lm.corpus.alphabet[next];
      probs = feed(next);
    }
    return out;
  });
}

/**
 * Runs the program as `node dist/chapters/char-lm-bptt.js` does and returns its headline values
 * (the `run all` harness checks them); the short mode trains 2 epochs instead of 5.
 * @example (await run({ short: true })).firstLoss // 2.978
 */
export async function run(
  { short } = { short: false },
): Promise<{ firstLoss: number; carried: number; reset: number }> {
  const lm = charLanguageModel({ epochs: short ? 2 : 5, log: console.log });
  console.log(`${lm.corpus.ids.length} characters, alphabet ${lm.corpus.alphabet.length}`);
  console.log(
    `loss with the state carried across windows ${lm.carried.toFixed(4)}, reset every window ${lm.reset.toFixed(4)}`,
  );
  console.log(generateText(lm, 'the food was ', 120, 1));
  return { firstLoss: lm.loss[0], carried: lm.carried, reset: lm.reset };
}

runIfMain(import.meta.url, () => run());
