import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Bidirectional,
  Concatenate,
  Dense,
  Embedding,
  GRU,
  Input,
  LSTM,
  type MergeMode,
  SimpleRNN,
  TimeDistributed,
} from '@horn/layers';
import { randomUniform, setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, Model, Sequential, saveModel } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-recurrent-'));
  setSeed(21);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const outputs = (y: Tensor | Tensor[]) => (Array.isArray(y) ? y : [y]).map((t) => [...t.dataSync()]);

/** Saves, reloads and checks config, weight names and predictions are exactly the same; returns model.json. */
async function roundTrip(model: Model, inputs: Tensor | Tensor[], name: string): Promise<string> {
  // Seeded values away from the initializers, so a weight loaded into the wrong place shows.
  model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: -0.6, max: 0.6 })));
  const before = outputs(model.predict(inputs) as Tensor | Tensor[]);
  const dir = join(root, name);
  await saveModel(model, dir);
  const loaded = await loadModel(dir);
  expect(loaded.getConfig()).toEqual(model.getConfig());
  expect(loaded.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.name));
  expect(outputs(loaded.predict(inputs) as Tensor | Tensor[])).toEqual(before);
  return readFile(join(dir, 'model.json'), 'utf8');
}

describe('recurrent layers save and load (TF.js Layers format)', () => {
  test.each(['concat', 'sum', 'mul', 'ave'] as const)(
    'Bidirectional with mergeMode %s, stacked, in a Sequential',
    async (mergeMode: MergeMode) => {
      const model = new Sequential([
        Input({ shape: [5, 3] }),
        new Bidirectional({ layer: new LSTM({ units: 4, returnSequences: true }), mergeMode }),
        new Bidirectional({ layer: new GRU({ units: 3 }), mergeMode }),
        new Dense({ units: 2 }),
      ]);
      const json = await roundTrip(model, randomUniform([3, 5, 3], { seed: 1 }), mergeMode);
      expect(json).toContain(`"merge_mode":"${mergeMode}"`);
      expect(json).toContain('"backward_layer":{"class_name":"LSTM"');
      expect(json).toContain('"go_backwards":true');
    },
  );

  test('Bidirectional with mergeMode null and returnState in a functional model', async () => {
    const x = Input({ shape: [4, 3] });
    const [f, b, ...states] = new Bidirectional({
      layer: new LSTM({ units: 2, returnSequences: true, returnState: true }),
      mergeMode: null,
    }).apply(x) as unknown as ReturnType<typeof Input>[];
    expect(states).toHaveLength(4);
    const merged = new Concatenate().apply([f, b]);
    const model = new Model({ inputs: x, outputs: [merged, ...states] });
    const json = await roundTrip(model, randomUniform([2, 4, 3], { seed: 2 }), 'none');
    expect(json).toContain('"merge_mode":null');
  });

  test('a custom backward layer, initial states as inputs, SimpleRNN / GRU / LSTM options, TimeDistributed', async () => {
    const x = Input({ shape: [6, 3] });
    const h = Input({ shape: [2] });
    const forwardH = Input({ shape: [3] });
    const backwardH = Input({ shape: [2] });
    let y = new SimpleRNN({ units: 2, activation: 'relu', returnSequences: true, goBackwards: true }).apply([x, h]);
    y = new GRU({ units: 3, resetAfter: false, returnSequences: true, recurrentActivation: 'sigmoid' }).apply(y);
    y = new LSTM({ units: 3, unitForgetBias: false, returnSequences: true, recurrentDropout: 0.2 }).apply(y);
    y = new TimeDistributed({ layer: new Dense({ units: 3, activation: 'tanh' }) }).apply(y);
    y = new Bidirectional({
      layer: new GRU({ units: 3 }),
      backwardLayer: new GRU({ units: 2, goBackwards: true, activation: 'relu', name: 'back_gru' }),
    }).apply([y, forwardH, backwardH]);
    const model = new Model({ inputs: [x, h, forwardH, backwardH], outputs: new Dense({ units: 1 }).apply(y) });
    const inputs = [
      randomUniform([2, 6, 3], { seed: 3 }),
      randomUniform([2, 2], { seed: 4 }),
      randomUniform([2, 3], { seed: 5 }),
      randomUniform([2, 2], { seed: 6 }),
    ];
    const json = await roundTrip(model, inputs, 'mixed');
    expect(json).toContain('"name":"back_gru"');
    expect(json).toContain('"class_name":"TimeDistributed"');
  });

  test('Embedding -> Bidirectional(LSTM) -> Dense, a text model', async () => {
    const model = new Sequential([
      Input({ shape: [7] }),
      new Embedding({ inputDim: 20, outputDim: 4 }),
      new Bidirectional({ layer: new LSTM({ units: 3 }) }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ]);
    const ids = tensor([
      [1, 5, 7, 3, 0, 0, 0],
      [19, 2, 2, 4, 8, 11, 6],
    ]);
    await roundTrip(model, ids, 'text');
  });
});
