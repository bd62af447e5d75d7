import { readFileSync } from 'node:fs';
import { type NestedArray, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GRU, GRUCell, type Layer, LSTM, LSTMCell, RNN, type RNNCell, SimpleRNN, SimpleRNNCell } from '../index.js';
import { expectClose } from './reference-math.test.helpers.js';

// Goldens from Keras 3 (JAX): packages/layers/fixtures/make-rnn.py.
interface LayerGolden {
  name: string;
  className: string;
  config: Record<string, unknown>;
  weights: { name: string; values: NestedArray }[];
  input: NestedArray;
  mask: NestedArray | null;
  outputs: NestedArray[];
}
interface CellGolden {
  className: string;
  config: Record<string, unknown>;
  weights: { name: string; values: NestedArray }[];
  input: NestedArray;
  states: NestedArray[];
  output: NestedArray;
  newStates: NestedArray[];
}
const goldens = JSON.parse(readFileSync(new URL('./fixtures/rnn-goldens.json', import.meta.url), 'utf8')) as {
  cases: LayerGolden[];
  cells: CellGolden[];
  configKeys: Record<string, string[]>;
};

const layers: Record<string, (config: Record<string, unknown>, name: string) => Layer> = {
  SimpleRNN: (c) => new SimpleRNN(c as never),
  LSTM: (c) => new LSTM(c as never),
  GRU: (c) => new GRU(c as never),
  RNN: (c, name) => {
    if (name === 'RNN_zero_output_for_mask') return new RNN({ cell: new LSTMCell({ units: 3 }), ...c });
    if (name === 'RNN_stacked_masked')
      return new RNN({ cell: [new LSTMCell({ units: 3 }), new GRUCell({ units: 2 })], ...c });
    return new RNN({ cell: [new SimpleRNNCell({ units: 4 }), new LSTMCell({ units: 2 })], ...c });
  },
};

describe('recurrent layers match Keras 3 (masks, goBackwards, returnState, stacked cells)', () => {
  test.each(goldens.cases.map((g) => [g.name, g] as const))('%s', (_, g) => {
    const layer = layers[g.className](g.config, g.name);
    const x = tensor(g.input);
    layer.apply(x);
    layer.setWeights(g.weights.map((w) => tensor(w.values)));
    const mask = g.mask === null ? undefined : tensor(g.mask).cast('bool');
    const out = layer.apply(x, { mask });
    const outs = Array.isArray(out) ? out : [out];
    expect(outs.length).toBe(g.outputs.length);
    outs.forEach((o, i) => {
      expectClose(o, g.outputs[i]);
    });
  });
});

const cells: Record<string, (config: Record<string, unknown>) => RNNCell> = {
  SimpleRNNCell: (c) => new SimpleRNNCell(c as never),
  LSTMCell: (c) => new LSTMCell(c as never),
  GRUCell: (c) => new GRUCell(c as never),
};

describe('cells match Keras 3 on one step', () => {
  test.each(goldens.cells.map((g) => [`${g.className} ${JSON.stringify(g.config)}`, g] as const))('%s', (_, g) => {
    const cell = cells[g.className](g.config);
    const x = tensor(g.input);
    const states = g.states.map((s) => tensor(s));
    cell.apply([x, ...states]);
    cell.setWeights(g.weights.map((w) => tensor(w.values)));
    const [output, next] = cell.step(x, states, {});
    expectClose(output, g.output);
    const list = Array.isArray(next) ? next : [next];
    list.forEach((s, i) => {
      expectClose(s, g.newStates[i]);
    });
    // The Layer form gives [output, ...states].
    const flat = cell.apply([x, ...states]) as unknown as Tensor[];
    expectClose(flat[0], g.output);
  });
});

describe('configs carry the Keras 3 keys', () => {
  const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const keysOf = (layer: Layer) => Object.keys(layer.getConfig());
  test.each([
    ['LSTM', () => new LSTM({ units: 3 })],
    ['RNN', () => new RNN({ cell: new GRUCell({ units: 2 }) })],
    ['LSTMCell', () => new LSTMCell({ units: 3 })],
  ] as const)('%s', (name, make) => {
    const keys = keysOf(make());
    // Horn's Layer writes activityRegularizer only when one is set.
    for (const key of goldens.configKeys[name].filter((k) => k !== 'activity_regularizer'))
      expect(keys, key).toContain(camel(key));
  });
});
