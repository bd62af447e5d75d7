import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, GRUCell, Input, LSTM, LSTMCell, RNN, SimpleRNNCell } from '@horn/layers';
import { randomUniform, setSeed, type Tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, Model } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-rnn-cells-'));
  setSeed(5);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('RNN with cells and stateful layers save and load (TF.js Layers format)', () => {
  test('stacked cells, a backwards SimpleRNNCell and a stateful LSTM: config, weights and predictions round-trip', async () => {
    const x = Input({ shape: [4, 3], batchSize: 2 });
    const stacked = new RNN({ cell: [new LSTMCell({ units: 4 }), new GRUCell({ units: 3 })], returnSequences: true });
    const backwards = new RNN({ cell: new SimpleRNNCell({ units: 2 }), goBackwards: true, returnSequences: true });
    const kept = new LSTM({ units: 2, stateful: true });
    const y = new Dense({ units: 1 }).apply(kept.apply(backwards.apply(stacked.apply(x))));
    const model = new Model({ inputs: x, outputs: y });
    model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: -0.5, max: 0.5 })));
    const input = randomUniform([2, 4, 3]);
    const before = model.predict(input) as Tensor;
    model.resetStates();
    await model.save(join(root, 'rnn'));
    const text = await readFile(join(root, 'rnn', 'model.json'), 'utf8');
    expect(text).toContain('"class_name":"StackedRNNCells"');
    expect(text).toContain('"class_name":"LSTMCell"');
    expect(text).toContain('"stateful":true');
    const loaded = await loadModel(join(root, 'rnn'));
    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect(loaded.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.name));
    expect([...(loaded.predict(input) as Tensor).dataSync()]).toEqual([...before.dataSync()]);
  });
});
