import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { memory, setSeed, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from '../index.js';

function linearData(n: number) {
  const xs = Array.from({ length: n }, (_, i) => [i / n - 0.5]);
  return { x: tensor(xs), y: tensor(xs.map(([v]) => [2 * v + 1])) };
}

function linearModel() {
  return new Sequential([Input({ shape: [1] }), new Dense({ units: 1, name: 'out' })]);
}

describe('fit', () => {
  test('a Dense unit learns y = 2x + 1: the loss falls, the weights approach 2 and 1', async () => {
    setSeed(1);
    const { x, y } = linearData(64);
    const model = linearModel();
    model.compile({ optimizer: new SGD({ learningRate: 0.5 }), loss: 'mse' });
    const history = await model.fit(x, y, { epochs: 40, batchSize: 16, verbose: 0 });
    const losses = history.history.loss;
    expect(losses).toHaveLength(40);
    expect(losses[39]).toBeLessThan(losses[0] / 100);
    expect(losses[39]).toBeLessThan(1e-4);
    const [w, b] = model.getWeights();
    expect(w.dataSync()[0]).toBeCloseTo(2, 2);
    expect(b.dataSync()[0]).toBeCloseTo(1, 2);
    expect(history.epoch).toEqual([...Array(40).keys()]);
    expect(model.history).toBe(history);
  });

  test('leaks no tensors (with validation, shuffling and metrics)', async () => {
    const { x, y } = linearData(50);
    const model = linearModel();
    model.compile({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });
    await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 }); // builds optimizer slots
    const before = memory().numTensors;
    await model.fit(x, y, { epochs: 2, batchSize: 8, validationSplit: 0.2, verbose: 0 });
    await model.fit(x.arraySync() as number[][], y.arraySync() as number[][], { epochs: 1, verbose: 0 });
    expect(memory().numTensors).toBe(before);
  });
});

describe('fit on a subclassed model', () => {
  test('trains a model that defines call() itself', async () => {
    class Affine extends Model {
      dense = new Dense({ units: 1 });
      override call(inputs: Tensor | Tensor[]): Tensor {
        return this.dense.apply(inputs as Tensor);
      }
    }
    const model = new Affine();
    model.compile({ optimizer: new SGD({ learningRate: 0.5 }), loss: 'mse', metrics: ['mae'] });
    expect(model.compiled!.metricsNames).toEqual(['loss', 'mae']);
    const { x, y } = linearData(32);
    const history = await model.fit(x, y, { epochs: 30, batchSize: 8, verbose: 0 });
    expect(history.history.mae[29]).toBeLessThan(0.01);
    expect((model.predict(tensor([[0.25]]), { verbose: 0 }) as Tensor).dataSync()[0]).toBeCloseTo(1.5, 2);
  });
});
