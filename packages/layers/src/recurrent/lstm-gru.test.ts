import { checkGradients } from '@horn/autograd';
import { type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { GRU, LSTM, runLayerTest } from '../index.js';
import {
  addRow,
  cols,
  dot,
  type Matrix,
  mapM,
  patterned,
  sigmoidN,
  zerosM,
  zip,
} from './reference-math.test.helpers.js';

const close = (got: ArrayLike<number>, want: number[], digits = 5) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], digits);
};

const plus = (a: Matrix, b: Matrix) => zip(a, b, (p, q) => p + q);
const times = (a: Matrix, b: Matrix) => zip(a, b, (p, q) => p * q);

// A 2-step sequence: batch 2, 3 features; 2 units.
const units = 2;
const steps: Matrix[] = [
  [
    [0.5, -1, 2],
    [1, 0, -0.5],
  ],
  [
    [-1.5, 0.25, 1],
    [0, 2, 1],
  ],
];
const x = tensor([0, 1].map((n) => steps.map((s) => s[n])));

/** Keras' LSTM step written out: gates i, f, c, o side by side in W, U and b. */
function lstmReference(W: Matrix, U: Matrix, b: number[]): { h: Matrix; c: Matrix; hs: Matrix[] } {
  let h = zerosM(2, units);
  let c = zerosM(2, units);
  const hs: Matrix[] = [];
  for (const xt of steps) {
    const z = addRow(plus(dot(xt, W), dot(h, U)), b);
    const gate = (k: number) => cols(z, k * units, (k + 1) * units);
    const i = mapM(gate(0), sigmoidN);
    const f = mapM(gate(1), sigmoidN);
    const g = mapM(gate(2), Math.tanh);
    const o = mapM(gate(3), sigmoidN);
    c = plus(times(f, c), times(i, g));
    h = times(o, mapM(c, Math.tanh));
    hs.push(h);
  }
  return { h, c, hs };
}

/** Keras' GRU step written out: gates z, r, h side by side; reset after (bias [2, 3u]) or before (bias [3u]). */
function gruReference(W: Matrix, U: Matrix, bias: Matrix, resetAfter: boolean): Matrix[] {
  let h = zerosM(2, units);
  const hs: Matrix[] = [];
  for (const xt of steps) {
    const xw = addRow(dot(xt, W), bias[0]);
    const [xz, xr, xh] = [0, 1, 2].map((k) => cols(xw, k * units, (k + 1) * units));
    const Uz = cols(U, 0, units);
    const Ur = cols(U, units, 2 * units);
    const Uh = cols(U, 2 * units, 3 * units);
    const rb = resetAfter ? bias[1] : new Array<number>(3 * units).fill(0);
    const z = mapM(addRow(plus(xz, dot(h, Uz)), rb.slice(0, units)), sigmoidN);
    const r = mapM(addRow(plus(xr, dot(h, Ur)), rb.slice(units, 2 * units)), sigmoidN);
    const recurrentH = resetAfter ? times(r, addRow(dot(h, Uh), rb.slice(2 * units))) : dot(times(r, h), Uh);
    const candidate = mapM(plus(xh, recurrentH), Math.tanh);
    h = zip(
      times(z, h),
      zip(z, candidate, (zz, cc) => (1 - zz) * cc),
      (p, q) => p + q,
    );
    hs.push(h);
  }
  return hs;
}

const W4 = patterned(3, 4 * units, 1);
const U4 = patterned(units, 4 * units, 2);
const b4 = patterned(1, 4 * units, 3)[0];
const W3 = patterned(3, 3 * units, 4);
const U3 = patterned(units, 3 * units, 5);
const b3 = patterned(2, 3 * units, 6);

// Dropout configs run the harness in inference mode: in training every call draws new masks, so
// the harness's before/after SGD losses would compare different networks. Dropout has its own test.
describe('LSTM', () => {
  test('follows the layer contract', () => {
    runLayerTest(LSTM, {
      config: { units: 4 },
      inputShape: [2, 5, 3],
      expectedOutputShape: [2, 4],
      expectedNumTrainableWeights: 3,
    });
    runLayerTest(LSTM, {
      config: { units: 3, returnSequences: true, recurrentActivation: 'hardSigmoid', goBackwards: true },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 3, 3],
    });
    runLayerTest(LSTM, {
      config: { units: 2, dropout: 0.25, recurrentDropout: 0.25, seed: 9 },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 2],
    });
  });

  test('matches a hand-written LSTM step (Keras gate order i, f, c, o) over 2 steps', () => {
    const ref = lstmReference(W4, U4, b4);
    const lstm = new LSTM({ units, returnSequences: true, returnState: true });
    lstm.build([null, 2, 3]);
    lstm.built = true;
    lstm.setWeights([tensor(W4), tensor(U4), tensor(b4)]);
    const [seq, h, c] = lstm.apply(x) as unknown as Tensor[];
    expect(seq.shape).toEqual([2, 2, 2]);
    close(
      seq.dataSync(),
      [0, 1].flatMap((n) => ref.hs.flatMap((s) => s[n])),
    );
    close(h.dataSync(), ref.h.flat());
    close(c.dataSync(), ref.c.flat());
  });

  test('unitForgetBias starts the forget gate bias at 1; counts 4·(3·4 + 4·4 + 4) = 128 parameters', () => {
    const lstm = new LSTM({ units: 4 });
    lstm.apply(tensor([[[1, 2, 3]]]));
    expect(lstm.countParams()).toBe(128);
    expect(lstm.weights.map((w) => w.shape)).toEqual([[3, 16], [4, 16], [16]]);
    expect(Array.from(lstm.bias!.dataSync())).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const plain = new LSTM({ units: 2, unitForgetBias: false, biasInitializer: 'ones' });
    plain.apply(tensor([[[1]]]));
    expect(Array.from(plain.bias!.dataSync())).toEqual(new Array(8).fill(1));
    expect(lstm.getConfig()).toMatchObject({
      recurrentActivation: 'sigmoid',
      unitForgetBias: true,
      activation: 'tanh',
    });
  });

  test('returnState gives [output, h, c] and computeOutputShape agrees', () => {
    const lstm = new LSTM({ units: 3, returnState: true });
    const out = lstm.apply(x) as unknown as Tensor[];
    expect(out.map((t) => t.shape)).toEqual([
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
    expect(lstm.computeOutputShape([null, 2, 3])).toEqual([
      [null, 3],
      [null, 3],
      [null, 3],
    ]);
    // Initial states [h0, c0] continue a sequence: step 2 from step 1's states = both steps at once.
    const full = new LSTM({ units, returnState: true });
    full.build([null, 2, 3]);
    full.built = true;
    full.setWeights([tensor(W4), tensor(U4), tensor(b4)]);
    const [, h1, c1] = full.apply(x.slice([0, 0, 0], [2, 1, 3])) as unknown as Tensor[];
    const [y2] = full.apply([x.slice([0, 1, 0], [2, 1, 3]), h1, c1]) as unknown as Tensor[];
    close(y2.dataSync(), lstmReference(W4, U4, b4).h.flat());
    expect(() => full.apply([x, h1])).toThrow(/expected 2 initial state tensors after the input, got 1/);
  });

  test('gradients through the unrolled LSTM match finite differences', () => {
    const lstm = new LSTM({ units, returnSequences: true, kernelInitializer: 'glorotUniform' });
    lstm.apply(x);
    lstm.setWeights([tensor(W4), tensor(U4), tensor(b4)]);
    const report = checkGradients((input) => lstm.apply(input) as Tensor, [x], { epsilon: 1e-2, tolerance: 2e-3 });
    expect(report.passed).toBe(true);
  });
});

describe('GRU', () => {
  test('follows the layer contract', () => {
    runLayerTest(GRU, {
      config: { units: 4 },
      inputShape: [2, 5, 3],
      expectedOutputShape: [2, 4],
      expectedNumTrainableWeights: 3,
    });
    runLayerTest(GRU, {
      config: { units: 3, resetAfter: false, returnSequences: true },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 3, 3],
    });
    runLayerTest(GRU, {
      config: { units: 2, useBias: false, dropout: 0.5, recurrentDropout: 0.5, seed: 2 },
      inputShape: [2, 3, 2],
      expectedOutputShape: [2, 2],
      expectedNumTrainableWeights: 2,
    });
  });

  test('matches a hand-written GRU step with resetAfter (Keras 3 default, bias [2, 3u]) over 2 steps', () => {
    const gru = new GRU({ units, returnSequences: true });
    gru.build([null, 2, 3]);
    gru.built = true;
    expect(gru.bias!.shape).toEqual([2, 3 * units]);
    gru.setWeights([tensor(W3), tensor(U3), tensor(b3)]);
    const hs = gruReference(W3, U3, b3, true);
    close(
      gru.apply(x).dataSync(),
      [0, 1].flatMap((n) => hs.flatMap((s) => s[n])),
    );
  });

  test('matches a hand-written GRU step with resetAfter false (bias [3u]) over 2 steps', () => {
    const gru = new GRU({ units, resetAfter: false, returnState: true });
    gru.build([null, 2, 3]);
    gru.built = true;
    expect(gru.bias!.shape).toEqual([3 * units]);
    gru.setWeights([tensor(W3), tensor(U3), tensor(b3[0])]);
    const hs = gruReference(W3, U3, [b3[0]], false);
    const [y, h] = gru.apply(x) as unknown as Tensor[];
    close(y.dataSync(), hs[1].flat());
    close(h.dataSync(), hs[1].flat());
  });

  test('counts parameters as Keras: 3·(3·4 + 4·4) + 2·3·4 = 108 (resetAfter), 96 without', () => {
    const gru = new GRU({ units: 4 });
    gru.apply(tensor([[[1, 2, 3]]]));
    expect(gru.countParams()).toBe(108);
    expect(gru.weights.map((w) => w.shape)).toEqual([
      [3, 12],
      [4, 12],
      [2, 12],
    ]);
    const before = new GRU({ units: 4, resetAfter: false });
    before.apply(tensor([[[1, 2, 3]]]));
    expect(before.countParams()).toBe(96);
    expect(gru.getConfig()).toMatchObject({ recurrentActivation: 'sigmoid', resetAfter: true });
  });

  test('gradients through the unrolled GRU match finite differences', () => {
    const gru = new GRU({ units, returnSequences: true });
    gru.apply(x);
    gru.setWeights([tensor(W3), tensor(U3), tensor(b3)]);
    const report = checkGradients((input) => gru.apply(input) as Tensor, [x], { epsilon: 1e-2, tolerance: 2e-3 });
    expect(report.passed).toBe(true);
  });

  test('LSTM and GRU dropout act only in training, seeded', () => {
    for (const make of [
      () => new LSTM({ units, dropout: 0.5, recurrentDropout: 0.5, seed: 4 }),
      () => new GRU({ units, dropout: 0.5, recurrentDropout: 0.5, seed: 4 }),
    ]) {
      const [a, b] = [make(), make()];
      a.apply(x);
      b.apply(x);
      const weights = a.getWeights();
      b.setWeights(weights);
      const inference = Array.from(a.apply(x).dataSync());
      const trainA = Array.from(a.apply(x, { training: true }).dataSync());
      expect(Array.from(b.apply(x, { training: true }).dataSync())).toEqual(trainA);
      expect(trainA).not.toEqual(inference);
      expect(Array.from(a.apply(x).dataSync())).toEqual(inference);
    }
  });

  test('bad options throw', () => {
    expect(() => new GRU({ units: 2, resetAfter: 'yes' as never })).toThrow(/resetAfter must be a boolean/);
    expect(() => new LSTM({ units: 2, implementation: 3 as never })).toThrow(
      /LSTM '.*': implementation must be 1 or 2/,
    );
    expect(() => new GRU({ units: 2, recurrentActivation: 'nope' })).toThrow(/unknown activation 'nope'/);
  });
});
