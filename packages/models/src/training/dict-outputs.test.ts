import { Concatenate, Dense, Embedding, Input, LSTM } from '@horn/layers';
import { BinaryCrossentropy, CategoricalCrossentropy } from '@horn/losses';
import { RMSprop } from '@horn/optimizers';
import { memory, Random, setSeed, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model } from '../index.js';

// keras.io's functional-API guide, "models with multiple inputs and outputs": the ticket model
// (title, body, tags -> priority, department), scaled down to run in a test.
const NUM_WORDS = 50;
const NUM_TAGS = 6;
const NUM_DEPARTMENTS = 4;

function ticketModel(): Model {
  const title = Input({ shape: [null], name: 'title' });
  const body = Input({ shape: [null], name: 'body' });
  const tags = Input({ shape: [NUM_TAGS], name: 'tags' });
  const titleFeatures = new LSTM({ units: 8 }).apply(new Embedding({ inputDim: NUM_WORDS, outputDim: 4 }).apply(title));
  const bodyFeatures = new LSTM({ units: 4 }).apply(new Embedding({ inputDim: NUM_WORDS, outputDim: 4 }).apply(body));
  const x = new Concatenate().apply([titleFeatures, bodyFeatures, tags]);
  const priority = new Dense({ units: 1, name: 'priority' }).apply(x);
  const department = new Dense({ units: NUM_DEPARTMENTS, name: 'department' }).apply(x);
  return new Model({ inputs: [title, body, tags], outputs: { priority, department } });
}

function ticketData(n: number) {
  const rng = new Random(3);
  const ints = (shape: number[], high: number) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return tensor(
      Array.from({ length: size }, () => Math.floor(rng.next() * high)),
      shape,
      'float32',
    );
  };
  const oneHot = Array.from({ length: n }, () => {
    const row = new Array(NUM_DEPARTMENTS).fill(0);
    row[Math.floor(rng.next() * NUM_DEPARTMENTS)] = 1;
    return row;
  });
  return {
    x: { title: ints([n, 5], NUM_WORDS), body: ints([n, 8], NUM_WORDS), tags: ints([n, NUM_TAGS], 2) },
    y: {
      priority: tensor(Array.from({ length: n }, () => [rng.next()])),
      department: tensor(oneHot),
    },
  };
}

describe('dict outputs (Keras 3 functional API)', () => {
  test("the ticket model trains; losses per output are logged with Keras's names", async () => {
    setSeed(11);
    const model = ticketModel();
    // Keras 3 flattens a dict by its sorted keys: output_names ['department', 'priority'].
    expect(model.outputNames).toEqual(['department', 'priority']);
    expect(model.outputs.map((t) => t.shape)).toEqual([
      [null, NUM_DEPARTMENTS],
      [null, 1],
    ]);
    model.compile({
      optimizer: new RMSprop({ learningRate: 1e-2 }),
      loss: {
        priority: new BinaryCrossentropy({ fromLogits: true }),
        department: new CategoricalCrossentropy({ fromLogits: true }),
      },
      lossWeights: { priority: 1.0, department: 0.2 },
      metrics: { department: ['accuracy'] },
    });
    const { x, y } = ticketData(32);
    const history = await model.fit(x, y, { epochs: 4, batchSize: 8, verbose: 0 });
    // Keras 3.15 (jax) logs these keys for the guide's model.
    expect(Object.keys(history.history).sort()).toEqual([
      'department_accuracy',
      'department_loss',
      'loss',
      'priority_loss',
    ]);
    const h = history.history;
    h.loss.forEach((loss, epoch) => {
      // Batch means of a linear sum: the epoch loss is priority + 0.2 * department exactly.
      expect(loss).toBeCloseTo(h.priority_loss[epoch] + 0.2 * h.department_loss[epoch], 5);
    });
    expect(h.loss[3]).toBeLessThan(h.loss[0]);
    const logs = await model.evaluate(x, y, { verbose: 0, returnDict: true });
    expect(Object.keys(logs).sort()).toEqual(['department_accuracy', 'department_loss', 'loss', 'priority_loss']);
    expect(logs.loss).toBeCloseTo(logs.priority_loss + 0.2 * logs.department_loss, 5);
    // predict returns a record keyed as the outputs (Keras returns a dict).
    const out = model.predict({ title: x.title, body: x.body, tags: x.tags }, { verbose: 0 }) as Record<string, Tensor>;
    expect(Object.keys(out).sort()).toEqual(['department', 'priority']);
    expect(out.department.shape).toEqual([32, NUM_DEPARTMENTS]);
    expect(out.priority.shape).toEqual([32, 1]);
    const one = model.predictOnBatch(x) as Record<string, Tensor>;
    expect(Array.from(one.priority.dataSync())).toEqual(
      Array.from(out.priority.dataSync()).map((v) => expect.closeTo(v, 5)),
    );
  });

  test('the keys of the outputs are the output names, not the layer names; a list loss follows the sorted keys', async () => {
    const inp = Input({ shape: [1], name: 'inp' });
    const zeta = new Dense({ units: 1, name: 'zz', kernelInitializer: 'ones' }).apply(inp);
    const alpha = new Dense({ units: 1, name: 'aa', kernelInitializer: 'zeros' }).apply(inp);
    const model = new Model({ inputs: inp, outputs: { zeta, alpha } });
    expect(model.outputNames).toEqual(['alpha', 'zeta']);
    // x = [1, 2]; zeta = x, alpha = 0; targets 1: zeta mae (0 + 1) / 2, alpha mse 1.
    model.compile({ optimizer: 'sgd', loss: ['mse', 'mae'] });
    const x = tensor([[1], [2]]);
    const y = { zeta: tensor([[1], [1]]), alpha: tensor([[1], [1]]) };
    expect(await model.evaluate(x, y, { verbose: 0, returnDict: true })).toEqual({
      alpha_loss: 1,
      loss: 1.5,
      zeta_loss: 0.5,
    });
    const before = memory().numTensors;
    const out = model.predict(x, { verbose: 0 }) as Record<string, Tensor>;
    expect(out.zeta.arraySync()).toEqual([[1], [2]]);
    expect(out.alpha.arraySync()).toEqual([[0], [0]]);
    out.zeta.dispose();
    out.alpha.dispose();
    expect(memory().numTensors).toBe(before);
  });

  test('dict inputs are keyed by name; bad records are ValueErrors that name the key', async () => {
    const a = Input({ shape: [1], name: 'a_in' });
    const b = Input({ shape: [1], name: 'b_in' });
    const sum = new Dense({ units: 1, kernelInitializer: 'ones', useBias: false }).apply(
      new Concatenate().apply([a, b]),
    );
    const model = new Model({ inputs: { first: a, second: b }, outputs: { total: sum } });
    expect(model.inputNames).toEqual(['first', 'second']);
    const out = model.predict({ first: tensor([[1]]), second: tensor([[2]]) }, { verbose: 0 }) as Record<
      string,
      Tensor
    >;
    expect(out.total.arraySync()).toEqual([[3]]);
    expect(() => model.predict({ a_in: tensor([[1]]), second: tensor([[2]]) })).toThrow(
      /x has key 'a_in', which the model does not have; expected 'first', 'second'/,
    );
    expect(() => model.compile({ loss: { sum: 'mse' } })).toThrow(/loss has key 'sum'.* outputs are 'total'/);
    expect(() => new Model({ inputs: a, outputs: {} })).toThrow(ValueError);
    expect(() => new Model({ inputs: a, outputs: { y: tensor([1]) as never } })).toThrow(
      /outputs\['y'\] must be a SymbolicTensor .* got Tensor/,
    );
  });
});

test('a dict-output model refuses getConfig / toJSON by name (the keys would be lost); its weights save', () => {
  const inp = Input({ shape: [1] });
  const model = new Model({ inputs: inp, outputs: { y: new Dense({ units: 1 }).apply(inp) } });
  expect(() => model.getConfig()).toThrow(/a model built with dict outputs has no config .* saveWeights\(\)/);
  expect(() => model.toJSON()).toThrow(/dict outputs has no config/);
  expect(model.getWeights().length).toBe(2);
});
