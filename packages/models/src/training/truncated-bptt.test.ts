import { Bidirectional, Dense, Embedding, GRU, Input, LSTM, SimpleRNN } from '@horn/layers';
import { Adam } from '@horn/optimizers';
import { setSeed, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from '../index.js';

// The course's chapter-7 language model data: "you say goodbye and i say hello ." as word ids,
// read as one long sequence; the next word is the target. Truncated BPTT cuts it into windows
// of `time` steps; the batch's rows start `jump` words apart and walk forward window by window,
// so batch k + 1 continues batch k (Keras' stateful RNN with shuffle off).
const sentence = [0, 1, 2, 3, 4, 1, 5, 6];
const corpus = Array.from({ length: 10 }, () => sentence).flat();
const [batch, time, vocab] = [2, 5, 7];

function windows(): { x: Tensor; y: Tensor; count: number } {
  const xs = corpus.slice(0, -1);
  const ts = corpus.slice(1);
  const jump = Math.floor(xs.length / batch);
  const count = Math.floor(jump / time);
  const x: number[][] = [];
  const y: number[][] = [];
  for (let k = 0; k < count; k++) {
    for (let b = 0; b < batch; b++) {
      const start = b * jump + k * time;
      x.push(xs.slice(start, start + time));
      y.push(ts.slice(start, start + time));
    }
  }
  return { x: tensor(x, undefined, 'int32'), y: tensor(y, undefined, 'int32'), count };
}

describe('truncated BPTT with a stateful RNN (the course chapter-7 language model)', () => {
  test('fit over consecutive windows (shuffle: false), resetStates each epoch, lowers the loss', async () => {
    setSeed(7);
    const model = new Sequential({
      layers: [
        new Embedding({ inputDim: vocab, outputDim: 8, batchInputShape: [batch, time] }),
        new SimpleRNN({ units: 16, returnSequences: true, stateful: true }),
        new Dense({ units: vocab, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: new Adam({ learningRate: 0.05 }), loss: 'sparseCategoricalCrossentropy' });
    const { x, y } = windows();
    const losses: number[] = [];
    for (let epoch = 0; epoch < 10; epoch++) {
      model.resetStates();
      const history = await model.fit(x, y, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
      losses.push(history.history.loss[0]);
    }
    // ln 7 ≈ 1.95 at chance; the sentence repeats, so the carried state makes the next word
    // predictable (epoch losses here: 1.09, 0.21, 0.02, ...).
    expect(losses[0]).toBeGreaterThan(1);
    expect(losses[losses.length - 1]).toBeLessThan(0.05);
  });

  test('model.resetStates() resets every stateful layer of Sequential and functional models', () => {
    const x = tensor([[[1], [2], [3]]]);
    const lstm = new LSTM({ units: 2, stateful: true });
    const seq = new Sequential({ layers: [Input({ shape: [3, 1], batchSize: 1 }), lstm] } as never);
    const first = (seq.predictOnBatch(x) as Tensor).arraySync();
    expect((seq.predictOnBatch(x) as Tensor).arraySync()).not.toEqual(first);
    seq.resetStates();
    expect((seq.predictOnBatch(x) as Tensor).arraySync()).toEqual(first);

    const input = Input({ shape: [3, 1], batchSize: 1 });
    const rnn = new SimpleRNN({ units: 2, stateful: true, returnSequences: true });
    const functional = new Model({ inputs: input, outputs: new Dense({ units: 1 }).apply(rnn.apply(input)) });
    const a = (functional.predictOnBatch(x) as Tensor).arraySync();
    functional.predictOnBatch(x);
    functional.resetStates();
    expect((functional.predictOnBatch(x) as Tensor).arraySync()).toEqual(a);
  });

  test('model.resetStates() reaches the two directions of a stateful Bidirectional (LSTM and GRU)', () => {
    const x = tensor([[[1], [2], [3]]]);
    for (const layer of [new LSTM({ units: 2, stateful: true }), new GRU({ units: 2, stateful: true })]) {
      const bi = new Bidirectional({ layer });
      const model = new Sequential({ layers: [Input({ shape: [3, 1], batchSize: 1 }), bi] } as never);
      const first = (model.predictOnBatch(x) as Tensor).arraySync();
      expect((model.predictOnBatch(x) as Tensor).arraySync()).not.toEqual(first);
      expect(bi.getStates()!.some((s) => s.abs().max().dataSync()[0] > 0)).toBe(true);
      model.resetStates();
      for (const s of bi.getStates()!) expect(s.abs().max().dataSync()[0]).toBe(0);
      expect((model.predictOnBatch(x) as Tensor).arraySync()).toEqual(first);
    }
  });
});
