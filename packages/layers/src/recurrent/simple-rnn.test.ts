import { checkGradients, GradientTape, type Variable } from '@horn/autograd';
import { memory, mul, ShapeError, sum, type Tensor, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, runLayerTest, SimpleRNN } from '../index.js';
import { addRow, dot, type Matrix, mapM, patterned, transposeM, zerosM, zip } from './reference-math.test.helpers.js';

const close = (got: ArrayLike<number>, want: ArrayLike<number>, digits = 5) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], digits);
};

// A tiny sequence: batch 2, 3 steps, 2 features; 3 hidden units.
const xs: Matrix[] = [
  [
    [1, -1],
    [0.5, 2],
  ],
  [
    [0, 1],
    [-1, 0.5],
  ],
  [
    [2, 0.5],
    [1, -2],
  ],
];
const Wx: Matrix = [
  [0.1, -0.2, 0.3],
  [0.4, 0.5, -0.6],
];
const Wh: Matrix = [
  [0.2, -0.1, 0.05],
  [0.3, 0.1, -0.2],
  [-0.4, 0.2, 0.1],
];
const b = [0.1, -0.1, 0.2];
// The upstream gradient dL/dh_t of the loss L = Σ_t Σ C_t ∘ h_t.
const C: Matrix[] = [patterned(2, 3, 1), patterned(2, 3, 2), patterned(2, 3, 3)];

/** [time][batch][features] -> a [batch, time, features] tensor. */
function sequenceTensor(steps: Matrix[]): Tensor {
  const batch = steps[0].length;
  return tensor(Array.from({ length: batch }, (_, n) => steps.map((step) => step[n])));
}

/** The course's forward pass: h_t = tanh(h_{t-1}·Wh + x_t·Wx + b), from h_0 = 0. */
function courseForward(): Matrix[] {
  const hs: Matrix[] = [];
  let hPrev = zerosM(2, 3);
  for (const x of xs) {
    const t = addRow(
      zip(dot(hPrev, Wh), dot(x, Wx), (p, q) => p + q),
      b,
    );
    hPrev = mapM(t, Math.tanh);
    hs.push(hPrev);
  }
  return hs;
}

/** The course's backward pass (RNN.backward per step, summed over time, newest step first). */
function courseBackward(hs: Matrix[]): { dWx: Matrix; dWh: Matrix; db: number[]; dxs: Matrix[] } {
  let dWx = zerosM(2, 3);
  let dWh = zerosM(3, 3);
  const db = [0, 0, 0];
  const dxs: Matrix[] = [];
  let dhNext = zerosM(2, 3);
  for (let t = xs.length - 1; t >= 0; t--) {
    const hNext = hs[t];
    const hPrev = t > 0 ? hs[t - 1] : zerosM(2, 3);
    const dh = zip(C[t], dhNext, (p, q) => p + q);
    const dt = zip(dh, hNext, (d, h) => d * (1 - h ** 2)); // dt = dh_next * (1 - h_next ** 2)
    for (const row of dt) for (const [j, v] of row.entries()) db[j] += v; // db = np.sum(dt, axis=0)
    dWh = zip(dWh, dot(transposeM(hPrev), dt), (p, q) => p + q); // dWh = np.dot(h_prev.T, dt)
    dhNext = dot(dt, transposeM(Wh)); // dh_prev = np.dot(dt, Wh.T)
    dWx = zip(dWx, dot(transposeM(xs[t]), dt), (p, q) => p + q); // dWx = np.dot(x.T, dt)
    dxs[t] = dot(dt, transposeM(Wx)); // dx = np.dot(dt, Wx.T)
  }
  return { dWx, dWh, db, dxs };
}

function courseLayer(options: { returnSequences?: boolean } = {}): SimpleRNN {
  return new SimpleRNN({
    units: 3,
    kernelInitializer: new Constant({ value: Wx }),
    recurrentInitializer: new Constant({ value: Wh }),
    biasInitializer: new Constant({ value: b }),
    ...options,
  });
}

/** Runs `fn` with the layer's weights replaced by plain tensors, so checkGradients can move them. */
function withWeights<T>(layer: SimpleRNN, [k, r, bias]: Tensor[], fn: () => T): T {
  const saved = [layer.kernel, layer.recurrentKernel, layer.bias];
  Object.assign(layer.cell, { kernel: k, recurrentKernel: r, bias });
  try {
    return fn();
  } finally {
    Object.assign(layer.cell, { kernel: saved[0], recurrentKernel: saved[1], bias: saved[2] });
  }
}

describe('SimpleRNN', () => {
  test('follows the layer contract', () => {
    runLayerTest(SimpleRNN, {
      config: { units: 4 },
      inputShape: [2, 5, 3],
      expectedOutputShape: [2, 4],
      expectedNumTrainableWeights: 3,
      expectedNumNonTrainableWeights: 0,
    });
    runLayerTest(SimpleRNN, {
      config: { units: 3, returnSequences: true, goBackwards: true, activation: 'relu', kernelRegularizer: 'l2' },
      inputShape: [2, 4, 2],
      expectedOutputShape: [2, 4, 3],
    });
    runLayerTest(SimpleRNN, {
      config: { units: 2, useBias: false, dropout: 0.3, recurrentDropout: 0.3, seed: 5 },
      inputShape: [3, 4, 2],
      expectedOutputShape: [3, 2],
      expectedNumTrainableWeights: 2,
    });
  });

  test('reproduces the course formula h_t = tanh(h_{t-1}·Wh + x_t·Wx + b), step by step', () => {
    const hs = courseForward();
    const out = courseLayer({ returnSequences: true }).apply(sequenceTensor(xs));
    expect(out.shape).toEqual([2, 3, 3]);
    close(out.dataSync(), sequenceTensor(hs).dataSync());
    const last = courseLayer().apply(sequenceTensor(xs));
    close(last.dataSync(), hs[2].flat());
  });

  test('BPTT: autograd gives the course backward formulas for dWx, dWh, db and dx', () => {
    const hs = courseForward();
    const expected = courseBackward(hs);
    const layer = courseLayer({ returnSequences: true });
    const x = sequenceTensor(xs);
    const coefficients = sequenceTensor(C);
    const tape = new GradientTape();
    tape.watch(x);
    const loss = tape.run(() => sum(mul(layer.apply(x), coefficients)));
    const [dWx, dWh, db, dx] = tape.gradient(loss, [layer.kernel!, layer.recurrentKernel!, layer.bias!, x]);
    close(dWx!.dataSync(), expected.dWx.flat());
    close(dWh!.dataSync(), expected.dWh.flat());
    close(db!.dataSync(), expected.db);
    close(dx!.dataSync(), sequenceTensor(expected.dxs).dataSync());
  });

  test('BPTT: the gradients match finite differences (checkGradients)', () => {
    const layer = courseLayer({ returnSequences: true });
    const x = sequenceTensor(xs);
    const coefficients = sequenceTensor(C);
    layer.apply(x);
    const report = checkGradients(
      (k, r, bias, input) => withWeights(layer, [k, r, bias], () => mul(layer.apply(input) as Tensor, coefficients)),
      [tensor(Wx), tensor(Wh), tensor(b), x],
      { epsilon: 1e-2, tolerance: 2e-3 },
    );
    expect(report.passed).toBe(true);
    expect(report.inputs).toHaveLength(4);
    // The swap really reaches the layer: zero weights give tanh(0) = 0 everywhere.
    const zero = [tensor(Wx).mul(0), tensor(Wh).mul(0), tensor(b).mul(0)];
    expect(Array.from(withWeights(layer, zero, () => layer.apply(x) as Tensor).dataSync())).toEqual(
      new Array(18).fill(0),
    );
  });

  test('counts parameters as Keras: 3·4 + 4·4 + 4 = 32', () => {
    const rnn = new SimpleRNN({ units: 4 });
    rnn.apply(tensor([[[1, 2, 3]]]));
    expect(rnn.countParams()).toBe(32);
    expect(rnn.weights.map((w) => [w.name, w.shape])).toEqual([
      [`${rnn.name}/kernel`, [3, 4]],
      [`${rnn.name}/recurrent_kernel`, [4, 4]],
      [`${rnn.name}/bias`, [4]],
    ]);
    // The recurrent kernel is orthogonal by default: Whᵀ·Wh = I.
    const wh = rnn.recurrentKernel as Variable;
    close(wh.transpose().matmul(wh).dataSync(), [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 4);
  });

  test('returnState returns [output, h]; goBackwards reads the sequence from the end', () => {
    const x = sequenceTensor(xs);
    const rnn = courseLayer();
    const stateful = new SimpleRNN({ ...rnn.getConfig(), name: 'with_state', returnState: true } as never);
    const out = stateful.apply(x);
    expect(Array.isArray(out)).toBe(true);
    const [y, h] = out as unknown as Tensor[];
    expect(y.shape).toEqual([2, 3]);
    expect(h.arraySync()).toEqual(y.arraySync());
    expect(stateful.computeOutputShape([null, 3, 2])).toEqual([
      [null, 3],
      [null, 3],
    ]);
    const seq = new SimpleRNN({ units: 3, returnSequences: true, returnState: true });
    expect(seq.computeOutputShape([null, 7, 2])).toEqual([
      [null, 7, 3],
      [null, 3],
    ]);
    // Backwards over x equals forwards over x reversed in time.
    const reversed = sequenceTensor([...xs].reverse());
    const backward = courseLayer({ returnSequences: true });
    const back = new SimpleRNN({ ...backward.getConfig(), name: 'back', goBackwards: true } as never);
    close(back.apply(x).dataSync(), backward.apply(reversed).dataSync());
  });

  test('initial states come after the input: apply([x, h0])', () => {
    const x = sequenceTensor(xs.slice(1));
    const hs = courseForward();
    // Starting from h_1 and feeding steps 2..3 ends at the course's h_3.
    const out = courseLayer().apply([x, tensor(hs[0])]);
    close(out.dataSync(), hs[2].flat());
    const rnn = courseLayer();
    expect(() => rnn.apply([x, tensor([[1, 2]])])).toThrow('initial state 0 must have shape [2, 3], got [1, 2]');
    expect(() => rnn.apply([x, tensor(hs[0]), tensor(hs[0])])).toThrow(
      /expected 1 initial state tensor after the input, got 2/,
    );
  });

  test('dropout acts only in training, is seeded, and keeps inference exact', () => {
    const x = sequenceTensor(xs);
    const plain = courseLayer().apply(x).dataSync();
    const make = () =>
      new SimpleRNN({
        ...courseLayer().getConfig(),
        name: undefined,
        dropout: 0.5,
        recurrentDropout: 0.5,
        seed: 3,
      } as never);
    const a = make();
    close(a.apply(x).dataSync(), Array.from(plain));
    const trainA = a.apply(x, { training: true }).dataSync();
    const trainB = make().apply(x, { training: true }).dataSync();
    expect(Array.from(trainA)).toEqual(Array.from(trainB));
    expect(Array.from(trainA)).not.toEqual(Array.from(plain));
  });

  test('leaks nothing inside tidy', () => {
    const layer = courseLayer({ returnSequences: true });
    const x = sequenceTensor(xs);
    layer.apply(x);
    const before = memory().numTensors;
    tidy(() => {
      const tape = new GradientTape();
      const loss = tape.run(() => sum(layer.apply(x)));
      tape.gradient(loss, layer.trainableWeights);
    });
    expect(memory().numTensors).toBe(before);
  });

  test('bad inputs and options throw clear errors', () => {
    const rnn = new SimpleRNN({ units: 2, name: 'rnn' });
    expect(() => rnn.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => rnn.apply(tensor([[1, 2]]))).toThrow("SimpleRNN 'rnn': expected input of rank 3, got [1, 2]");
    rnn.apply(tensor([[[1, 2]]]));
    expect(() => rnn.apply(tensor([[[1, 2, 3]]]))).toThrow(
      "SimpleRNN 'rnn': expected input with last dimension 2, got [1, 1, 3]",
    );
    expect(() => rnn.apply(tensor([[[1, 2]]]).slice([0, 0, 0], [1, 0, 2]))).toThrow(/at least one time step/);
    expect(() => new SimpleRNN({ units: 0 })).toThrow('SimpleRNN: units must be a positive integer, got 0');
    expect(() => new SimpleRNN({ units: 2, stateful: 'yes' as never })).toThrow(ValueError);
    expect(() => new SimpleRNN({ units: 2, stateful: 'yes' as never })).toThrow(/stateful must be a boolean/);
    expect(() => new SimpleRNN({ units: 2, dropout: 1.5 })).toThrow(
      'SimpleRNN: dropout must be a number in [0, 1], got 1.5',
    );
    expect(() => new SimpleRNN({ units: 2, activation: 'tanhh' })).toThrow(/unknown activation 'tanhh'/);
  });

  test('config names the Keras options and round-trips', () => {
    const rnn = new SimpleRNN({ units: 3, returnSequences: true, recurrentRegularizer: 'l2', seed: 1 });
    expect(rnn.getConfig()).toMatchObject({
      units: 3,
      activation: 'tanh',
      useBias: true,
      kernelInitializer: { className: 'GlorotUniform' },
      recurrentInitializer: { className: 'Orthogonal' },
      biasInitializer: { className: 'Zeros' },
      recurrentRegularizer: { className: 'L2' },
      dropout: 0,
      recurrentDropout: 0,
      seed: 1,
      returnSequences: true,
      returnState: false,
      goBackwards: false,
      stateful: false,
      unroll: false,
    });
  });
});
