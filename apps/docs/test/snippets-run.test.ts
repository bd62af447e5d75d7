import { checkGradients, GradientTape, variable } from '@horn/autograd';
import { breastCancer } from '@horn/datasets';
import { deserializeLayer, serializeLayer } from '@horn/layers';
import { StandardScaler, trainTestSplit } from '@horn/preprocessing';
import { randomNormal, type Tensor, tensor, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { firstModel } from '../snippets/first-model.js';
import { Linear } from '../snippets/linear-layer.js';
import { bpttGradients, embed, rnnStep, rnnWeights, timeRnn } from '../snippets/rnn-cell.js';
import { gradientDescentStep, matrixProducts } from '../snippets/tensors.js';
import {
  accuracy,
  backprop,
  forward,
  initWeights,
  loss,
  train as trainTwoLayer,
} from '../snippets/two-layer-network.js';

// The programs the guides embed from snippets/ print what the pages say they print.

describe('chapter 2: tensors, broadcasting, matrix products, one gradient step', () => {
  test('the course np.dot examples', () => {
    const r = matrixProducts();
    expect(r['x * w, element by element'].arraySync()).toEqual([4, 10, 18]);
    expect(r['(1,3)(3,1) => (1,1)'].arraySync()).toEqual([[12]]);
    expect(r['(3,1)(1,3) => (3,3)'].arraySync()).toEqual([
      [2, 4, 6],
      [2, 4, 6],
      [2, 4, 6],
    ]);
    expect(r['(2,3)(3,1) => (2,1)'].arraySync()).toEqual([[12], [30]]);
    expect(r['(2,3)(3,2) => (2,2)'].arraySync()).toEqual([
      [6, 12],
      [15, 30],
    ]);
    expect(r['(1,3) + (3,1) => (3,3)'].arraySync()).toEqual([
      [3, 4, 5],
      [3, 4, 5],
      [3, 4, 5],
    ]);
    expect(r['(2,3)(3,1) + b => (2,1)'].arraySync()).toEqual([[13], [31]]);
  });

  test('ŷ = −2, J = 8, ∂J/∂w = −8, ∂J/∂b = −4; after one step w = −0.92, b = 0.04', () => {
    const s = gradientDescentStep(0.01);
    expect(s.cost).toBe(8);
    expect(s.dw).toBe(-8);
    expect(s.db).toBe(-4);
    expect(s.w).toBeCloseTo(-0.92, 6);
    expect(s.b).toBeCloseTo(0.04, 6);
  });
});

describe('chapter 7: the RNN cell, Time RNN, embeddings and BPTT', () => {
  test('one step is tanh(h·Wh + x·Wx + b), checked by hand', () => {
    const w = rnnWeights(2, 2);
    w.wx.assign(
      tensor([
        [0.1, 0.2],
        [0.3, 0.4],
      ]),
    );
    w.wh.assign(
      tensor([
        [0.5, -0.5],
        [0.25, 1],
      ]),
    );
    w.b.assign(tensor([0.1, -0.1]));
    const h = rnnStep(w, tensor([[1, 2]]), tensor([[0.5, -1]])).dataSync();
    // h·Wh = [0.25 − 0.25, −0.25 − 1] = [0, −1.25]; x·Wx = [0.7, 1.0]; + b = [0.8, −0.35]
    expect(h[0]).toBeCloseTo(Math.tanh(0.8), 6);
    expect(h[1]).toBeCloseTo(Math.tanh(-0.35), 6);
  });

  test('the Time RNN carries h through T steps: (N, T, D) -> (N, T, H)', () => {
    const w = rnnWeights(3, 4, 7);
    const xs = tensor(
      [...Array(2 * 5 * 3).keys()].map((i) => Math.sin(i)),
      [2, 5, 3],
    );
    const { hs, h } = timeRnn(w, xs, zeros([2, 4]));
    expect(hs.shape).toEqual([2, 5, 4]);
    // A second computation: the loop written with the same weights in plain numbers.
    const wx = w.wx.arraySync() as number[][];
    const wh = w.wh.arraySync() as number[][];
    const x = xs.arraySync() as number[][][];
    for (let n = 0; n < 2; n++) {
      let state = [0, 0, 0, 0];
      for (let t = 0; t < 5; t++) {
        state = state.map((_, j) =>
          Math.tanh(state.reduce((s, v, i) => s + v * wh[i][j], 0) + x[n][t].reduce((s, v, i) => s + v * wx[i][j], 0)),
        );
      }
      const last = (h.arraySync() as number[][])[n];
      for (const [j, v] of state.entries()) expect(last[j]).toBeCloseTo(v, 5);
    }
  });

  test('embedding rows are looked up by word id: (N, T) ids -> (N, T, D) vectors', () => {
    const table = variable(
      tensor([
        [0, 0],
        [1, 10],
        [2, 20],
      ]),
    );
    const ids = tensor([[2, 0, 1]], [1, 3], 'int32');
    expect(embed(table, ids).arraySync()).toEqual([
      [
        [2, 20],
        [0, 0],
        [1, 10],
      ],
    ]);
  });

  test('BPTT gradients reach every weight and match finite differences', () => {
    const w = rnnWeights(2, 3, 3);
    const ids = tensor([[0, 2, 1, 3]], [1, 4], 'int32');
    const table = variable(randomNormal([4, 2], { seed: 11 })); // 4 words, 2 features
    const { dTable, dWx, dWh, dB } = bpttGradients(table, w, ids);
    expect(dTable.shape).toEqual([4, 2]);
    expect(dWx.shape).toEqual([2, 3]);
    expect(dWh.shape).toEqual([3, 3]);
    expect(dB.shape).toEqual([3]);
    const viaWh = (wh: Tensor) => timeRnn({ ...w, wh }, embed(table, ids), zeros([1, 3])).h.mean();
    expect(checkGradients(viaWh, [w.wh]).passed).toBe(true);
    const viaTable = (t: Tensor) => timeRnn(w, embed(t, ids), zeros([1, 3])).h.mean();
    expect(checkGradients(viaTable, [table]).passed).toBe(true);
  });

  test('truncated BPTT: the second block gives no gradient to the first block', () => {
    const w = rnnWeights(2, 2, 5);
    const first = variable(
      tensor([
        [
          [1, 0],
          [0, 1],
        ],
      ]),
    );
    const second = tensor([[[0.5, 0.5]]]);
    const gradientToFirst = (truncate: boolean) => {
      const tape = new GradientTape();
      const loss = tape.run(() => timeRnn(w, second, timeRnn(w, first, zeros([1, 2])).h, truncate).h.sum());
      const [g] = tape.gradient(loss, [first], { unconnectedGradients: 'zero' }) as Tensor[];
      return Math.max(...[...g.dataSync()].map(Math.abs));
    };
    expect(gradientToFirst(false)).toBeGreaterThan(0);
    expect(gradientToFirst(true)).toBe(0);
  });
});

describe('chapter 5.5: a custom Linear layer', () => {
  test('y = xW + b, builds from the input shape, serializes by its class name', () => {
    const layer = new Linear({ units: 2 });
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    layer.apply(x);
    layer.setWeights([
      tensor([
        [1, 0],
        [0, 1],
      ]),
      tensor([10, 20]),
    ]);
    expect(layer.apply(x).arraySync()).toEqual([
      [11, 22],
      [13, 24],
    ]);
    expect(layer.trainableWeights.length).toBe(2);
    const again = deserializeLayer(serializeLayer(layer)) as Linear;
    expect(again).toBeInstanceOf(Linear);
    expect(again.units).toBe(2);
  });
});

describe('getting started: a first model', () => {
  test('one Dense layer learns y = 2x − 1', () => {
    const { w, b, loss } = firstModel();
    expect(w).toBeCloseTo(2, 2);
    expect(b).toBeCloseTo(-1, 2);
    expect(loss).toBeLessThan(1e-4);
  });
});

describe('chapter 4: the two-layer network in matrices', () => {
  test("the course's hand-derived gradients equal GradientTape's", () => {
    const x = randomNormal([6, 4], { seed: 3 });
    const y = tensor([[1], [0], [1], [1], [0], [0]]);
    const w = initWeights(4, 3, 9);
    const { a1, a2 } = forward(w, x);
    const byHand = backprop(w, x, y, a1, a2);
    const vars = { w1: variable(w.w1), b1: variable(w.b1), w2: variable(w.w2), b2: variable(w.b2) };
    const tape = new GradientTape();
    const l = tape.run(() => loss(forward(vars, x).a2, y));
    const byTape = tape.gradient(l, vars) as Record<string, Tensor>;
    for (const name of ['w1', 'b1', 'w2', 'b2'] as const) {
      expect(byHand[name].shape).toEqual(w[name].shape);
      const a = byHand[name].dataSync();
      const b = byTape[name].dataSync();
      for (const [i, v] of a.entries()) expect(v).toBeCloseTo(b[i], 5);
    }
  });

  test('batch and mini-batch gradient descent both learn breast cancer', () => {
    const { data, target } = breastCancer.loadData();
    const [xTrainAll, , yTrainAll] = trainTestSplit(data, target, { testSize: 0.2, stratify: target, seed: 42 });
    const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xTrainAll, yTrainAll, {
      testSize: 0.2,
      stratify: yTrainAll,
      seed: 42,
    });
    expect(xTrain.shape).toEqual([364, 30]);
    const scaler = new StandardScaler().fit(xTrain);
    const [train, val] = [scaler.transform(xTrain), scaler.transform(xVal)];
    const batch = trainTwoLayer(train, yTrain, { epochs: 200, learningRate: 0.5 });
    const mini = trainTwoLayer(train, yTrain, { epochs: 20, batchSize: 32, learningRate: 0.5 });
    expect(batch.losses.at(-1)).toBeLessThan(batch.losses[0]);
    expect(mini.losses.at(-1)).toBeLessThan(mini.losses[0]);
    expect(accuracy(batch.weights, val, yVal)).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(mini.weights, val, yVal)).toBeGreaterThanOrEqual(0.95);
  });
});
