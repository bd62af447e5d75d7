import { readFileSync } from 'node:fs';
import { type NestedArray, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Bidirectional, GRU, Input, type Layer, LSTM, SimpleRNN } from '../index.js';
import { expectClose } from './reference-math.test.helpers.js';

// Goldens from Keras 3 (JAX): packages/layers/fixtures/make-unroll.py.
interface UnrollCase {
  name: string;
  className: 'SimpleRNN' | 'LSTM' | 'GRU';
  config: Record<string, unknown>;
  weights: NestedArray[];
  input: NestedArray;
  initialStates: NestedArray[];
  mask: number[][];
  scan: NestedArray[];
  unrolled: NestedArray[];
}
const goldens = JSON.parse(readFileSync(new URL('./fixtures/unroll-goldens.json', import.meta.url), 'utf8')) as {
  cases: UnrollCase[];
};

const make: Record<UnrollCase['className'], (config: Record<string, unknown>) => Layer> = {
  SimpleRNN: (c) => new SimpleRNN(c as never),
  LSTM: (c) => new LSTM(c as never),
  GRU: (c) => new GRU(c as never),
};

function run(c: UnrollCase, unroll: boolean): Tensor[] {
  const layer = make[c.className]({ ...c.config, unroll });
  const x = tensor(c.input);
  layer.build(x.shape);
  layer.built = true;
  layer.setWeights(c.weights.map((w) => tensor(w)));
  const out = layer.apply([x, ...c.initialStates.map((s) => tensor(s))], { mask: tensor(c.mask).cast('bool') });
  return out as unknown as Tensor[];
}

describe('unroll matches Keras 3 (masked steps output the previous output, zeros at the first step)', () => {
  test.each(goldens.cases.map((c) => [c.name, c] as const))('%s: unroll false and true', (_name, c) => {
    // The goldens differ where the first walked step is masked (scan: the initial state; unrolled: zeros).
    const gap = Math.max(...(tensor(c.scan[0]).sub(tensor(c.unrolled[0])).abs().dataSync() as Float32Array));
    expect(gap).toBeGreaterThan(0.1);
    for (const [unroll, want] of [
      [false, c.scan],
      [true, c.unrolled],
    ] as const) {
      const got = run(c, unroll);
      expect(got).toHaveLength(want.length);
      got.forEach((o, i) => {
        expectClose(o, want[i]);
      });
    }
  });

  test('unroll round-trips through the config', () => {
    expect(new LSTM({ units: 2, unroll: true }).getConfig().unroll).toBe(true);
    const bi = new Bidirectional({ layer: new GRU({ units: 2, unroll: true }) });
    expect(bi.forwardLayer.unroll).toBe(true);
    expect(bi.backwardLayer.unroll).toBe(true);
  });

  test('an undefined time dimension is the Keras error; a known one is fine', () => {
    const lstm = new LSTM({ units: 2, unroll: true, name: 'unrolled' });
    expect(() => lstm.apply(Input({ shape: [null, 3] }))).toThrow(ValueError);
    expect(() => new LSTM({ units: 2, unroll: true, name: 'unrolled' }).apply(Input({ shape: [null, 3] }))).toThrow(
      "LSTM 'unrolled': cannot unroll a RNN if the time dimension is undefined (unroll: true), got input shape [null, null, 3]",
    );
    expect(new GRU({ units: 2, unroll: true }).apply(Input({ shape: [4, 3] })).shape).toEqual([null, 2]);
    expect(new GRU({ units: 2 }).apply(Input({ shape: [null, 3] })).shape).toEqual([null, 2]);
  });
});
