import { readFileSync } from 'node:fs';
import {
  Dense,
  Embedding,
  Flatten,
  GlobalAveragePooling1D,
  getKerasMask,
  Input,
  MultiHeadAttention,
  type SymbolicTensor,
} from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { memory, setSeed, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { Model, Sequential } from './index.js';

const ids = (rows: number[][]) => tensor(rows, [rows.length, rows[0].length], 'int32');

function maxDiff(a: Tensor, b: Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  expect(x.length).toBe(y.length);
  return Math.max(...Array.from(x, (v, i) => Math.abs(v - y[i])));
}

describe('masks flow through a functional model', () => {
  test('Embedding(maskZero) -> Dense -> GlobalAveragePooling1D: padded and unpadded give the same output', () => {
    setSeed(1);
    const x = Input({ shape: [null], dtype: 'int32' });
    const e = new Embedding({ inputDim: 10, outputDim: 4, maskZero: true }).apply(x);
    const d = new Dense({ units: 3, activation: 'tanh' }).apply(e);
    expect([e.hasMask, d.hasMask]).toEqual([true, true]);
    const pooled = new GlobalAveragePooling1D().apply(d);
    expect(pooled.hasMask).toBe(false);
    const model = new Model({ inputs: x, outputs: pooled });
    const padded = model.predict(ids([[3, 5, 7, 0, 0]])) as Tensor;
    const unpadded = model.predict(ids([[3, 5, 7]])) as Tensor;
    expect(maxDiff(padded, unpadded)).toBeLessThan(1e-6);
    // Without the mask the padding would count in the mean.
    const plain = new GlobalAveragePooling1D().apply(
      new Dense({ units: 3 }).apply(new Embedding({ inputDim: 10, outputDim: 4 }).apply(ids([[3, 5, 7, 0, 0]]))),
    );
    expect(plain.shape).toEqual([1, 3]);
  });

  test("the model's outputs carry the mask; model.computeMask gives it; an explicit mask for the model's input is used", () => {
    const x = Input({ shape: [3], dtype: 'int32' });
    const y = new Dense({ units: 2 }).apply(new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x));
    const model = new Model({ inputs: x, outputs: y });
    expect(model.outputs[0].hasMask).toBe(true);
    const input = ids([[1, 0, 2]]);
    const out = model.apply(input) as Tensor;
    expect(getKerasMask(out)?.arraySync()).toEqual([[1, 0, 1]]);
    expect((model.computeMask(input) as Tensor).arraySync()).toEqual([[1, 0, 1]]);
    expect((model.computeMask(ids([[0, 4, 4]])) as Tensor).arraySync()).toEqual([[0, 1, 1]]);

    const f = Input({ shape: [3, 2] });
    const dense = new Model({ inputs: f, outputs: new Dense({ units: 1 }).apply(f) });
    const given = tensor([[true, false, true]], [1, 3], 'bool');
    const masked = dense.apply(
      tensor([
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ]),
      { mask: given },
    ) as Tensor;
    expect(getKerasMask(masked)?.arraySync()).toEqual([[1, 0, 1]]);
  });

  test('a model used as a layer passes masks on (symbolically and eagerly)', () => {
    const f = Input({ shape: [null, 4] });
    const inner = new Model({ inputs: f, outputs: new Dense({ units: 2 }).apply(f) });
    const x = Input({ shape: [null], dtype: 'int32' });
    const e = new Embedding({ inputDim: 6, outputDim: 4, maskZero: true }).apply(x);
    const h = inner.apply(e) as SymbolicTensor;
    expect(h.hasMask).toBe(true);
    const outer = new Model({ inputs: x, outputs: new GlobalAveragePooling1D().apply(h) });
    const padded = outer.predict(ids([[2, 3, 0, 0]])) as Tensor;
    const unpadded = outer.predict(ids([[2, 3]])) as Tensor;
    expect(maxDiff(padded, unpadded)).toBeLessThan(1e-6);
  });

  test('a layer that does not support masking drops the mask (one warning per layer, as Keras)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const x = Input({ shape: [3], dtype: 'int32' });
    const flat = new Flatten().apply(new Embedding({ inputDim: 5, outputDim: 2, maskZero: true }).apply(x));
    expect(flat.hasMask).toBe(false);
    const model = new Model({ inputs: x, outputs: new Dense({ units: 1 }).apply(flat) });
    const out = model.predict(ids([[1, 0, 2]])) as Tensor;
    model.predict(ids([[1, 0, 2]]));
    expect(getKerasMask(out)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  test('Embedding(maskZero) -> MultiHeadAttention: the attention gets the mask automatically', () => {
    setSeed(3);
    const emb = new Embedding({ inputDim: 8, outputDim: 4, maskZero: true });
    const mha = new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    const x = Input({ shape: [4], dtype: 'int32' });
    const e = emb.apply(x);
    const model = new Model({ inputs: x, outputs: mha.apply([e, e]) });
    const input = ids([[5, 2, 0, 0]]);
    const auto = model.predict(input) as Tensor;
    const embedded = emb.call(tensor([[5, 2, 0, 0]]));
    const mask = tensor([[true, true, false, false]], [1, 4], 'bool');
    const explicit = mha.apply([embedded, embedded], { mask: [mask, mask] });
    const unmasked = mha.apply([embedded, embedded]);
    expect(maxDiff(auto, explicit)).toBeLessThan(1e-6);
    expect(maxDiff(auto, unmasked)).toBeGreaterThan(1e-4);
  });
});

describe('masks flow through Sequential', () => {
  test('Embedding(maskZero) -> Dense -> GlobalAveragePooling1D: padded equals unpadded', () => {
    setSeed(2);
    const model = new Sequential([
      Input({ shape: [null], dtype: 'int32' }),
      new Embedding({ inputDim: 10, outputDim: 4, maskZero: true }),
      new Dense({ units: 3 }),
      new GlobalAveragePooling1D(),
    ]);
    const padded = model.predict(ids([[0, 0, 4, 9]])) as Tensor;
    const unpadded = model.predict(ids([[4, 9]])) as Tensor;
    expect(maxDiff(padded, unpadded)).toBeLessThan(1e-6);
    const seq = new Sequential([
      Input({ shape: [4], dtype: 'int32' }),
      new Embedding({ inputDim: 10, outputDim: 4, maskZero: true }),
    ]);
    expect(seq.outputs[0].hasMask).toBe(true);
    expect(getKerasMask(seq.apply(ids([[0, 1, 0, 2]])) as Tensor)?.arraySync()).toEqual([[0, 1, 0, 1]]);
  });
});

// Made by packages/layers/fixtures/make-masking.py (Keras 3, JAX backend).
const golden = JSON.parse(
  readFileSync(new URL('./training/fixtures/masked-loss-goldens.json', import.meta.url), 'utf8'),
).masked_loss as {
  ids: number[][];
  targets: number[][];
  weights: number[][][] | number[][];
  predictions: number[][][];
  loss: number;
  accuracy: number;
  sampleWeight: number[][];
  weightedLoss: number;
  weightedAccuracy: number;
  weightsAfterStep: unknown[];
};

function maskedModel(): Model {
  const x = Input({ shape: [5], dtype: 'int32' });
  const h = new Embedding({ inputDim: 5, outputDim: 4, maskZero: true }).apply(x);
  const model = new Model({ inputs: x, outputs: new Dense({ units: 3, activation: 'softmax' }).apply(h) });
  model.setWeights(golden.weights as never);
  model.compile({
    optimizer: new SGD({ learningRate: 0.5 }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

describe('masked losses and metrics (Keras 3 compile_utils goldens)', () => {
  test('evaluate: the loss and accuracy leave the padded steps out', async () => {
    const model = maskedModel();
    const x = ids(golden.ids);
    const y = ids(golden.targets);
    expect(maxDiff(model.predict(x) as Tensor, tensor(golden.predictions))).toBeLessThan(1e-5);
    const logs = (await model.evaluate(x, y, { batchSize: 3, returnDict: true })) as Record<string, number>;
    expect(logs.loss).toBeCloseTo(golden.loss, 5);
    expect(logs.accuracy).toBeCloseTo(golden.accuracy, 5);
    const weighted = (await model.evaluate(x, y, {
      batchSize: 3,
      returnDict: true,
      sampleWeight: tensor(golden.sampleWeight),
    })) as Record<string, number>;
    expect(weighted.loss).toBeCloseTo(golden.weightedLoss, 5);
    expect(weighted.accuracy).toBeCloseTo(golden.weightedAccuracy, 5);
  });

  test('masked fit, evaluate and predict leak no tensor', async () => {
    const model = maskedModel();
    const x = ids(golden.ids);
    const y = ids(golden.targets);
    const round = async () => {
      await model.fit(x, y, { batchSize: 2, epochs: 2, verbose: 0 });
      await model.evaluate(x, y, { batchSize: 2 });
      (model.predict(x) as Tensor).dispose();
    };
    await round();
    const before = memory().numTensors;
    await round();
    expect(memory().numTensors).toBe(before);
  });

  test('fit: one SGD step on the masked loss gives the weights Keras gives', async () => {
    const model = maskedModel();
    await model.fit(ids(golden.ids), ids(golden.targets), { batchSize: 3, epochs: 1, shuffle: false, verbose: 0 });
    const after = model.getWeights();
    golden.weightsAfterStep.forEach((w, i) => {
      expect(maxDiff(after[i], tensor(w as number[]))).toBeLessThan(1e-5);
    });
  });
});
