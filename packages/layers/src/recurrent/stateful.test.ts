import { GradientTape } from '@horn/autograd';
import { concat, memory, mul, randomNormal, slice, sum, type Tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GRU, Input, LSTM, SimpleRNN } from '../index.js';
import { expectClose } from './reference-math.test.helpers.js';

const windows = (x: Tensor, size: number): Tensor[] =>
  Array.from({ length: x.shape[1] / size }, (_, k) => slice(x, [0, k * size, 0], [x.shape[0], size, x.shape[2]]));

describe('stateful recurrent layers (Keras semantics)', () => {
  test.each([
    [
      'LSTM',
      () =>
        new LSTM({
          units: 3,
          returnSequences: true,
          returnState: true,
          stateful: true,
          batchInputShape: [2, 4, 3],
          seed: 1,
        }),
    ],
    [
      'GRU',
      () =>
        new GRU({
          units: 3,
          returnSequences: true,
          returnState: true,
          stateful: true,
          batchSize: 2,
          inputShape: [4, 3],
        }),
    ],
    ['SimpleRNN', () => new SimpleRNN({ units: 3, returnSequences: true, returnState: true, stateful: true })],
  ] as const)('%s: a long sequence cut into windows gives the unbroken outputs and final states', (name, make) => {
    const x = randomNormal([2, 12, 3], { seed: 3 });
    const stateful = make();
    const parts = windows(x, 4).map((w) => stateful.apply(w) as unknown as Tensor[]);
    const options = { units: 3, returnSequences: true, returnState: true };
    const whole = name === 'LSTM' ? new LSTM(options) : name === 'GRU' ? new GRU(options) : new SimpleRNN(options);
    whole.apply(windows(x, 4)[0]);
    whole.setWeights(stateful.getWeights());
    const [sequence, ...finalStates] = whole.apply(x) as unknown as Tensor[];
    expectClose(
      concat(
        parts.map((p) => p[0]),
        1,
      ),
      sequence,
    );
    const last = parts[parts.length - 1];
    finalStates.forEach((s, i) => {
      expectClose(last[i + 1], s);
    });
    // getStates() holds the same final states.
    stateful.getStates()!.forEach((s, i) => {
      expectClose(s, finalStates[i]);
    });
  });

  test('resetStates() starts over from zeros; resetStates(states) from given states', () => {
    const x = randomNormal([2, 4, 3], { seed: 5 });
    const lstm = new LSTM({ units: 3, stateful: true, batchInputShape: [2, 4, 3] });
    const first = lstm.apply(x) as Tensor;
    const second = lstm.apply(x) as Tensor;
    expect(Math.abs(sum(first.sub(second)).dataSync()[0])).toBeGreaterThan(1e-4);
    lstm.resetStates();
    expectClose(lstm.apply(x) as Tensor, first);
    const h = randomNormal([2, 3], { seed: 6 });
    const c = randomNormal([2, 3], { seed: 7 });
    lstm.resetStates([h, c]);
    const fromGiven = lstm.apply(x) as Tensor;
    const plain = new LSTM({ units: 3 });
    plain.apply(x);
    plain.setWeights(lstm.getWeights());
    expectClose(fromGiven, plain.apply([x, h, c]) as Tensor);
  });

  test('no gradient flows across windows (truncated BPTT)', () => {
    const x = randomNormal([2, 8, 3], { seed: 8 });
    const [w1, w2] = windows(x, 4);
    const stateful = new SimpleRNN({ units: 3, stateful: true, batchInputShape: [2, 4, 3] });
    stateful.apply(w1);
    const carried = stateful.getStates()!;
    const tape = new GradientTape();
    const loss = tape.run(() => sum(mul(stateful.apply(w2) as Tensor, 0.5)));
    const grads = tape.gradient(loss, stateful.trainableWeights) as Tensor[];
    // The same window from the carried states as constant initial states: the same gradients.
    const plain = new SimpleRNN({ units: 3 });
    plain.apply(w1);
    plain.setWeights(stateful.getWeights());
    const tape2 = new GradientTape();
    const loss2 = tape2.run(() => sum(mul(plain.apply([w2, ...carried]) as Tensor, 0.5)));
    const expected = tape2.gradient(loss2, plain.trainableWeights) as Tensor[];
    grads.forEach((g, i) => {
      expectClose(g, expected[i]);
    });
  });

  test('clear errors: another batch size, an unknown batch size, resetStates on a stateless layer', () => {
    const lstm = new LSTM({ units: 2, stateful: true, batchInputShape: [4, 3, 2], name: 'kept' });
    expect(() => lstm.apply(randomNormal([3, 3, 2]))).toThrow(ValueError);
    expect(() => lstm.apply(randomNormal([3, 3, 2]))).toThrow(
      "LSTM 'kept': a stateful layer takes batches of exactly 4 samples (its fixed batch size), got 3",
    );
    const unknown = new GRU({ units: 2, stateful: true, name: 'unknown' });
    expect(() => unknown.apply(Input({ shape: [3, 2] }))).toThrow(
      /GRU 'unknown': stateful=true needs a fixed batch size/,
    );
    const known = new GRU({ units: 2, stateful: true, returnSequences: true });
    expect(known.apply(Input({ shape: [3, 2], batchSize: 5 })).shape).toEqual([5, 3, 2]);
    expect(() => known.apply(randomNormal([2, 3, 2]))).toThrow(/exactly 5 samples/);
    expect(() => new SimpleRNN({ units: 2, name: 'plain' }).resetStates()).toThrow(
      "SimpleRNN 'plain': resetStates() needs a stateful layer (stateful: true)",
    );
    expect(() => lstm.resetStates([randomNormal([4, 2])])).toThrow(/resetStates expected 2 state values, got 1/);
    expect(() => new LSTM({ units: 2, stateful: true, batchSize: 0 })).toThrow(/batchSize must be a positive integer/);
  });

  test('keeps its states across tidy scopes and leaks nothing', () => {
    const x = randomNormal([2, 4, 3], { seed: 12 });
    const lstm = new LSTM({ units: 3, stateful: true, batchInputShape: [2, 4, 3] });
    tidy(() => {
      lstm.apply(x, { training: true });
    });
    const before = memory().numTensors;
    const kept = tidy(() => (lstm.apply(x) as Tensor).clone());
    expect(memory().numTensors).toBe(before + 1);
    lstm.resetStates();
    lstm.apply(x);
    lstm.apply(x);
    expectClose(lstm.getStates()![0], kept);
  });

  test('stateful and batchSize round-trip through the config', () => {
    const lstm = new LSTM({ units: 2, stateful: true, batchSize: 4, inputShape: [3, 2] });
    const again = LSTM.fromConfig(lstm.getConfig());
    expect(again.stateful).toBe(true);
    expect(again.getConfig()).toEqual({ ...lstm.getConfig(), name: again.name });
  });
});
