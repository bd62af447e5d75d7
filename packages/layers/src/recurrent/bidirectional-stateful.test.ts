import { readFileSync } from 'node:fs';
import { concat, type NestedArray, randomNormal, slice, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { deserializeLayer } from '../engine/serialize-layer.js';
import { Bidirectional, type MergeMode } from './bidirectional.js';
import { LSTM } from './lstm.js';
import { expectClose } from './reference-math.test.helpers.js';

/** A stateful case of fixtures/bidirectional-goldens.json (made by packages/layers/fixtures/make-wrappers.py). */
interface StatefulCase {
  name: string;
  className: string;
  config: Record<string, unknown>;
  mergeMode: MergeMode | null;
  weights: { shape: number[]; values: NestedArray }[];
  windows: NestedArray[];
  /** Per call: window 1, window 2, window 1 again after reset_states. */
  outputs: NestedArray[][];
  states: NestedArray[];
  statesAfterReset: NestedArray[];
}

const file = new URL('./fixtures/bidirectional-goldens.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { stateful: StatefulCase[] }).stateful;

function goldenStateful(c: StatefulCase): Bidirectional {
  const bi = new Bidirectional({
    layer: deserializeLayer({ className: c.className, config: c.config }),
    mergeMode: c.mergeMode,
  });
  bi.build(tensor(c.windows[0]).shape);
  bi.built = true;
  bi.setWeights(c.weights.map((w) => tensor(w.values, w.shape)));
  return bi;
}

describe('stateful Bidirectional matches Keras 3', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s: windows, states, reset_states', (_name, c) => {
    expect(c.windows).toHaveLength(2);
    const bi = goldenStateful(c);
    expect(bi.stateful).toBe(true);
    expect(bi.getStates()).toBeNull();
    const [w1, w2] = c.windows.map((w) => tensor(w));
    expectClose(bi.apply(w1) as Tensor, c.outputs[0][0]);
    expectClose(bi.apply(w2) as Tensor, c.outputs[1][0]);
    const states = bi.getStates()!;
    expect(states).toHaveLength(c.states.length);
    states.forEach((s, i) => {
      expectClose(s, c.states[i]);
    });
    bi.resetStates();
    bi.getStates()!.forEach((s, i) => {
      expectClose(s, c.statesAfterReset[i]);
    });
    expectClose(bi.apply(w1) as Tensor, c.outputs[2][0]);
  });

  test('the forward half over windows is the forward half over the unbroken sequence', () => {
    const c = cases.find((k) => k.name === 'stateful-lstm-concat')!;
    const bi = goldenStateful(c);
    const [w1, w2] = c.windows.map((w) => tensor(w));
    const units = c.config.units as number;
    const parts = [w1, w2].map((w) => slice(bi.apply(w) as Tensor, [0, 0, 0], [2, 3, units]));
    const whole = new LSTM({ units, returnSequences: true });
    whole.build([2, 6, 2]);
    whole.built = true;
    whole.setWeights(bi.forwardLayer.getWeights());
    expectClose(concat(parts, 1), whole.apply(concat([w1, w2], 1)) as Tensor);
  });

  test('resetStates(states): forward then backward states, the same as initial states on a plain Bidirectional', () => {
    const x = randomNormal([2, 3, 2], { seed: 8 });
    const given = [11, 12, 13, 14].map((seed) => randomNormal([2, 2], { seed }));
    const bi = new Bidirectional({
      layer: new LSTM({ units: 2, stateful: true, returnSequences: true, batchInputShape: [2, 3, 2] }),
    });
    bi.apply(x);
    bi.resetStates(given);
    bi.getStates()!.forEach((s, i) => {
      expectClose(s, given[i]);
    });
    const plain = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) });
    plain.apply(x);
    plain.setWeights(bi.getWeights());
    expectClose(bi.apply(x) as Tensor, plain.apply([x, ...given]) as Tensor);
  });

  test('resetStates refuses a wrapper that is not stateful and a wrong number of states', () => {
    const plain = new Bidirectional({ layer: new LSTM({ units: 2 }), name: 'bi_plain' });
    expect(() => plain.resetStates()).toThrow(
      "Bidirectional 'bi_plain': resetStates() needs a stateful layer (stateful: true on the wrapped layer)",
    );
    expect(plain.getStates()).toBeNull();
    const bi = new Bidirectional({
      layer: new LSTM({ units: 2, stateful: true, batchInputShape: [2, 3, 2] }),
      name: 'bi_kept',
    });
    bi.apply(randomNormal([2, 3, 2], { seed: 1 }));
    expect(() => bi.resetStates([randomNormal([2, 2], { seed: 2 })])).toThrow(
      "Bidirectional 'bi_kept': resetStates expected 4 state values (the forward layer's 2, then the backward layer's), got 1",
    );
  });
});
