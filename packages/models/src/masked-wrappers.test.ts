import { Bidirectional, Dense, Embedding, GRU, Input, LSTM, TimeDistributed } from '@horn/layers';
import { randomUniform, setSeed, type Tensor, tensor } from '@horn/tensor';
import { beforeEach, describe, expect, test } from 'vitest';
import { Model, Sequential } from './index.js';

// Masks from Embedding(maskZero) through Bidirectional and TimeDistributed in whole models:
// a padded row predicts what its unpadded row predicts.

beforeEach(() => {
  setSeed(8);
});

const padded = [
  [4, 9, 2, 0, 0, 0],
  [0, 0, 0, 7, 1, 3],
  [5, 0, 0, 0, 0, 0],
  [6, 6, 8, 1, 2, 9],
];
const unpadded = padded.map((row) => row.filter((t) => t !== 0));

function expectPaddedEqualsUnpadded(model: Model): void {
  model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: -0.6, max: 0.6 })));
  const got = [...(model.predict(tensor(padded)) as Tensor).dataSync()];
  const want = unpadded.flatMap((row) => [...(model.predict(tensor([row])) as Tensor).dataSync()]);
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => {
    expect(v).toBeCloseTo(want[i], 5);
  });
}

describe('masks through Bidirectional and TimeDistributed in a model', () => {
  test.each(['concat', 'sum', 'mul', 'ave'] as const)(
    'Sequential: Embedding(maskZero) -> Bidirectional(LSTM, sequences) -> Bidirectional(GRU), mergeMode %s',
    (mergeMode) => {
      const model = new Sequential([
        Input({ shape: [null] }),
        new Embedding({ inputDim: 10, outputDim: 3, maskZero: true }),
        new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }), mergeMode }),
        new Bidirectional({ layer: new GRU({ units: 2 }), mergeMode }),
        new Dense({ units: 1 }),
      ]);
      expectPaddedEqualsUnpadded(model);
    },
  );

  test('functional: Embedding(maskZero) -> TimeDistributed(Dense) -> LSTM: the mask passes through TimeDistributed', () => {
    const ids = Input({ shape: [null] });
    let x = new Embedding({ inputDim: 10, outputDim: 4, maskZero: true }).apply(ids);
    x = new TimeDistributed({ layer: new Dense({ units: 3, activation: 'tanh' }) }).apply(x);
    x = new LSTM({ units: 2 }).apply(x);
    expectPaddedEqualsUnpadded(new Model({ inputs: ids, outputs: new Dense({ units: 1 }).apply(x) }));
  });

  test('functional: Bidirectional with mergeMode null, both halves masked', () => {
    const ids = Input({ shape: [null] });
    const e = new Embedding({ inputDim: 10, outputDim: 3, maskZero: true }).apply(ids);
    const [f, b] = new Bidirectional({
      layer: new LSTM({ units: 2, returnSequences: true }),
      mergeMode: null,
    }).apply(e) as unknown as ReturnType<typeof Input>[];
    const lastF = new LSTM({ units: 2 }).apply(f);
    const lastB = new LSTM({ units: 2 }).apply(b);
    const out = new Dense({ units: 1 }).apply(new Bidirectional({ layer: new GRU({ units: 1 }) }).apply(e));
    const model = new Model({ inputs: ids, outputs: [out, lastF, lastB] });
    model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: -0.6, max: 0.6 })));
    const got = (model.predict(tensor(padded)) as Tensor[]).map((t) => [...t.dataSync()]);
    const each = unpadded.map((row) => (model.predict(tensor([row])) as Tensor[]).map((t) => [...t.dataSync()]));
    got.forEach((values, k) => {
      const want = each.flatMap((outs) => outs[k]);
      values.forEach((v, i) => {
        expect(v).toBeCloseTo(want[i], 5);
      });
    });
  });
});
