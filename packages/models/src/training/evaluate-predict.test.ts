import { Dense, Input, L2 } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { dispose, memory, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from '../index.js';
import { evaluate } from './index.js';

// Dense(1) with w = 2, b = 1 on x = 0..4, y = 2x: predictions 2x + 1, errors all 1.
function fixedModel() {
  const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1, name: 'out' })]);
  model.setWeights([tensor([[2]]), tensor([1])]);
  return model;
}
const x = () => tensor([[0], [1], [2], [3], [4]]);
const y = () => tensor([[0], [2], [4], [6], [8]]);

function twoOutputs() {
  const input = Input({ shape: [1], name: 'in' });
  const a = new Dense({ units: 1, name: 'a', kernelInitializer: 'ones' }).apply(input);
  const b = new Dense({ units: 1, name: 'b', kernelInitializer: 'zeros' }).apply(input);
  return new Model({ inputs: input, outputs: [a, b] });
}

describe('evaluate', () => {
  test('returns the loss as a number, or [loss, ...metrics] in metricsNames order, batch by batch (Keras 3)', async () => {
    const model = fixedModel();
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const loss = await model.evaluate(x(), y(), { verbose: 0 });
    expect(typeof loss).toBe('number');
    expect(loss).toBeCloseTo(1, 6);
    // TF.js' form on request: a scalar tensor the caller owns.
    const asTensor = (await model.evaluate(x(), y(), { verbose: 0, returnTensors: true })) as Tensor;
    expect(asTensor.shape).toEqual([]);
    expect(asTensor.dataSync()[0]).toBeCloseTo(1, 6);
    asTensor.dispose();
    model.compile({ optimizer: 'sgd', loss: 'mae', metrics: ['mse', 'mae'] });
    // Batches of 2, 2, 1 are averaged by their sizes: the same as one batch.
    const all = await model.evaluate(x(), y(), { batchSize: 2, verbose: 0 });
    expect(all).toEqual([1, 1, 1]);
    expect(await model.evaluate(x(), y(), { batchSize: 2, verbose: 0, returnDict: true })).toEqual({
      loss: 1,
      mae: 1,
      mse: 1,
    });
    await expect(model.evaluate(x(), y(), { verbose: 0, returnDict: true, returnTensors: true })).rejects.toThrow(
      /returnDict and returnTensors cannot both be true/,
    );
    expect(model.compiled!.metricsNames).toEqual(['loss', 'mse', 'mae']);
    // Sample weights: errors 1 everywhere, so the weighted loss is sum(w) / n = 10 / 5.
    const weighted = (await model.evaluate(x(), y(), {
      sampleWeight: tensor([0, 1, 2, 3, 4]),
      verbose: 0,
    })) as number[];
    expect(weighted[0]).toBeCloseTo(2, 6);
    const before = memory().numTensors;
    dispose(await model.evaluate(x(), y(), { batchSize: 3, steps: 1, verbose: 0, returnTensors: true }));
    await model.evaluate(x(), y(), { batchSize: 3, verbose: 0 });
    expect(memory().numTensors).toBe(before + 4); // the x() and y() made here, twice
  });

  test('(numbers) leak nothing', async () => {
    const model = fixedModel();
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const xs = x();
    const ys = y();
    const before = memory().numTensors;
    await model.evaluate(xs, ys, { batchSize: 3, verbose: 0 });
    expect(memory().numTensors).toBe(before);
  });

  test('multi-output: the loss is the weighted sum of the per-output losses', async () => {
    const model = twoOutputs();
    model.compile({ optimizer: 'sgd', loss: ['mse', 'mae'], lossWeights: [1, 0.5], metrics: { b: ['mse'] } });
    const xs = tensor([[1], [2]]);
    // a = x (ones kernel, zero bias), b = 0; labels a: [2, 2] (mse 0.5), b: [1, 3] (mae 2, mse 5).
    const values = (await evaluate(
      model,
      xs,
      { a: tensor([[2], [2]]), b: tensor([[1], [3]]) },
      { verbose: 0 },
    )) as number[];
    expect(model.compiled!.metricsNames).toEqual(['loss', 'a_loss', 'b_loss', 'b_mse']);
    expect(values).toEqual([0.5 + 0.5 * 2, 0.5, 2, 5]);
    // Sample weights for one output only (a record, or an array with null): b's mae becomes (0 * 1 + 2 * 3) / 2.
    const labels = { a: tensor([[2], [2]]), b: tensor([[1], [3]]) };
    for (const sampleWeight of [{ b: tensor([0, 2]) }, [null, tensor([0, 2])]]) {
      const weighted = await model.evaluate(xs, labels, { sampleWeight, verbose: 0 });
      expect(weighted).toEqual([0.5 + 0.5 * 3, 0.5, 3, 5]);
    }
    const history = await model.fit(xs, [tensor([[2], [2]]), tensor([[1], [3]])], { verbose: 0, epochs: 1 });
    expect(Object.keys(history.history)).toEqual(['a_loss', 'b_loss', 'b_mse', 'loss']);
    expect(history.history.loss[0]).toBeCloseTo(1.5, 5);
  });
});

describe('regularization', () => {
  test("the model's losses (an L2 kernel penalty) join the loss in fit, evaluate and the gradient", async () => {
    const model = new Sequential([
      Input({ shape: [1] }),
      new Dense({ units: 1, kernelRegularizer: new L2({ l2: 0.1 }), name: 'out' }),
    ]);
    model.setWeights([tensor([[2]]), tensor([1])]);
    model.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse' });
    // mse 1 (every error is 1) plus 0.1 * 2^2.
    expect(await model.evaluate(x(), y(), { verbose: 0 })).toBeCloseTo(1.4, 5);
    const before = memory().numTensors;
    model.trainOnBatch(x(), y());
    // dL/dw = 2 * mean(error * x) + 2 * 0.1 * w = 4 + 0.4.
    expect(model.getWeights()[0].dataSync()[0]).toBeCloseTo(2 - 0.01 * 4.4, 6);
    expect(memory().numTensors).toBe(before + 4); // x(), y() and the two weights read here
  });
});

describe('predict', () => {
  test('batches and concatenates; matches predictOnBatch; one tensor per output', () => {
    const model = fixedModel();
    const xs = tensor(Array.from({ length: 70 }, (_, i) => [i]));
    const out = model.predict(xs, { batchSize: 32, verbose: 0 }) as Tensor;
    expect(out.shape).toEqual([70, 1]);
    expect(Array.from(out.dataSync())).toEqual(Array.from({ length: 70 }, (_, i) => 2 * i + 1));
    expect(Array.from((model.predictOnBatch(xs) as Tensor).dataSync())).toEqual(Array.from(out.dataSync()));
    const two = twoOutputs().predict(xs, { batchSize: 16, verbose: 0 }) as Tensor[];
    expect(two.map((t) => t.shape)).toEqual([
      [70, 1],
      [70, 1],
    ]);
    expect(Array.from(two[0].dataSync())).toEqual(Array.from(xs.dataSync()));
    expect(Array.from((model.predict(xs, { batchSize: 32, steps: 2, verbose: 0 }) as Tensor).shape)).toEqual([64, 1]);
  });

  test('leaks nothing but its result, and needs no compile', () => {
    const model = fixedModel();
    const xs = tensor(Array.from({ length: 40 }, (_, i) => [i]));
    const before = memory().numTensors;
    const out = model.predict(xs, { batchSize: 7, verbose: 0 }) as Tensor;
    expect(memory().numTensors).toBe(before + 1);
    out.dispose();
    const two = twoOutputs();
    const mid = memory().numTensors;
    dispose(two.predict(xs, { batchSize: 7, verbose: 0 }));
    expect(memory().numTensors).toBe(mid);
  });
});

describe('trainOnBatch / testOnBatch', () => {
  test('return the loss, or [loss, ...metrics], of the batch before the update', () => {
    const model = fixedModel();
    model.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse' });
    expect(model.testOnBatch(x(), y())).toBeCloseTo(1, 6);
    expect(model.trainOnBatch(x(), y())).toBeCloseTo(1, 6);
    // dL/db = 2 * mean(error) = 2, dL/dw = 2 * mean(error * x) = 4: b = 1 - 0.02, w = 2 - 0.04.
    const [w, b] = model.getWeights().map((t) => t.dataSync()[0]);
    expect(w).toBeCloseTo(1.96, 6);
    expect(b).toBeCloseTo(0.98, 6);
    model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
    const result = model.testOnBatch(x(), y()) as number[];
    expect(result).toHaveLength(2);
    // Each call is its own batch (metrics reset), unless resetMetrics is false (Keras 3).
    const again = model.testOnBatch(tensor([[0]]), tensor([[0.98]])) as number[];
    expect(again[0]).toBeCloseTo(0, 6);
    const kept = model.testOnBatch(tensor([[0]]), tensor([[0.98]]), { resetMetrics: false }) as number[];
    expect(kept[0]).toBeCloseTo(0, 6);
  });
});
