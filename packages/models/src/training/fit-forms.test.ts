import { Dense, Input, Layer } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { memory, square, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from '../index.js';

/** Adds the mean square of its input to the model's losses (an addLoss-only objective). */
class SquarePenalty extends Layer {
  static override readonly className = 'SquarePenalty';
  override call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    this.addLoss(square(x).mean());
    return x;
  }
}

function penaltyModel(): Model {
  const x = Input({ shape: [1] });
  const h = new Dense({ units: 1, kernelInitializer: 'ones' }).apply(x);
  const model = new Model({ inputs: x, outputs: new SquarePenalty().apply(h) });
  model.compile({ optimizer: new SGD({ learningRate: 0.1 }) });
  return model;
}

const xs = () => tensor([[1], [2]]);

describe('fit(x) with no y (Keras 3): the loss is the sum of model.losses', () => {
  test('fit(x), fit(x, null, args) and fit(x, undefined, args) train on addLoss alone', async () => {
    // Loss mean((w x + b)^2) with w = 1, b = 0: (1 + 4) / 2 = 2.5. Its gradient: dw = mean(2 (wx + b) x) = 5,
    // db = mean(2 (wx + b)) = 3; one SGD step (lr 0.1) gives w = 0.5, b = -0.3, so the next loss is
    // ((0.2)^2 + (0.7)^2) / 2 = 0.265.
    for (const run of [
      (m: Model, x: Tensor) => m.fit(x, null, { epochs: 2, batchSize: 2, verbose: 0 }),
      (m: Model, x: Tensor) => m.fit(x, undefined, { epochs: 2, batchSize: 2, verbose: 0 }),
    ]) {
      const history = await run(penaltyModel(), xs());
      expect(history.history.loss[0]).toBeCloseTo(2.5, 6);
      expect(history.history.loss[1]).toBeCloseTo(0.265, 6);
    }
    const model = penaltyModel();
    const x = xs();
    const before = memory().numTensors;
    const history = await model.fit(x);
    expect(memory().numTensors).toBe(before);
    expect(history.history.loss[0]).toBeCloseTo(2.5, 6);
    expect(model.getWeights().map((w) => w.dataSync()[0])).toEqual([expect.closeTo(0.5, 6), expect.closeTo(-0.3, 6)]);
    expect(await model.evaluate(x, null, { verbose: 0 })).toBeCloseTo(0.265, 6);
    expect(model.trainOnBatch(x)).toBeCloseTo(0.265, 6);
  });

  test('a model compiled with a loss, or with metrics, needs y; options given as y are named', async () => {
    const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1, name: 'out' })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(m.fit(xs())).rejects.toThrow(
      /fit: model '.*' was compiled with a loss for 'out', so y \(the targets\) is required; got undefined/,
    );
    await expect(m.evaluate(xs(), null)).rejects.toThrow(/evaluate: .* so y \(the targets\) is required; got null/);
    await expect(m.fit(xs(), { epochs: 2 } as never)).rejects.toThrow(
      /fit: y holds options \('epochs'\); for a model without targets pass them third: fit\(x, null, \{ epochs \}\)/,
    );
    const withMetrics = penaltyModel();
    withMetrics.compile({ optimizer: 'sgd', metrics: ['mae'] });
    await expect(withMetrics.fit(xs(), null, { verbose: 0 })).rejects.toThrow(/compiled metrics compare targets/);
  });
});

function lineModel() {
  const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  m.setWeights([tensor([[0.5]]), tensor([0])]);
  m.compile({ optimizer: new SGD({ learningRate: 0.05 }), loss: 'mse' });
  return m;
}

/** An endless generator of batches y = 2x + 1 over x = 0..7 (as Keras' `fit(x=dataset.repeat())`). */
async function* endless() {
  for (let i = 0; ; i = (i + 2) % 8) yield [tensor([[i], [i + 1]]), tensor([[2 * i + 1], [2 * i + 3]])] as const;
}

describe('fit(dataset), evaluate(dataset), predict(dataset)', () => {
  test('an async generator with stepsPerEpoch trains as fit on the same arrays', async () => {
    const a = lineModel();
    const history = await a.fit(endless(), { epochs: 3, stepsPerEpoch: 4, verbose: 0 });
    expect(history.epoch).toEqual([0, 1, 2]);
    const b = lineModel();
    await b.fit(
      tensor([0, 1, 2, 3, 4, 5, 6, 7].map((r) => [r])),
      tensor([0, 1, 2, 3, 4, 5, 6, 7].map((r) => [2 * r + 1])),
      { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 },
    );
    const weights = (m: Sequential) => m.getWeights().map((w) => w.dataSync()[0].toFixed(5));
    expect(weights(a)).toEqual(weights(b));
    // The same numbers through evaluate(dataset) and evaluate(arrays).
    const x = tensor([[0], [1], [2], [3]]);
    const y = tensor([[1], [3], [5], [7]]);
    const onArrays = await b.evaluate(x, y, { batchSize: 2, verbose: 0 });
    const onDataset = await b.evaluate(new Set([[x, y] as const]), { verbose: 0 });
    expect(onDataset).toBeCloseTo(onArrays as number, 6);
    // Below the loss of the starting line 0.5x: errors 1, 2.5, 4, 5.5, so mse (1 + 6.25 + 16 + 30.25) / 4.
    expect(onArrays).toBeLessThan(13.375);
    // fit on arrays validates on a dataset too.
    const h = await b.fit(x, y, { epochs: 1, verbose: 0, validationData: new Set([[x, y] as const]) });
    expect(h.history.val_loss[0]).toBeCloseTo((await b.evaluate(x, y, { verbose: 0 })) as number, 6);
    expect(await b.evaluate(endless(), { steps: 4, verbose: 0, returnDict: true })).toEqual({
      loss: expect.any(Number),
    });
    const predicted = (await b.predict(
      (function* () {
        yield x;
        yield [tensor([[4]]), tensor([[9]])] as const;
      })(),
    )) as Tensor;
    expect(predicted.shape).toEqual([5, 1]);
    expect(Array.from(predicted.dataSync())).toEqual(
      Array.from((b.predict(tensor([[0], [1], [2], [3], [4]])) as Tensor).dataSync()),
    );
  });

  test('a y next to a dataset is an error that gives its shape, never its values', async () => {
    const big = tensor(Array.from({ length: 500 }, (_, i) => [i + 0.125]));
    const error = await lineModel()
      .fit(endless() as never, big, { epochs: 1 })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /fit: y must not be given when x is a dataset .*got a float32 Tensor of shape \[500, 1\]/,
    );
    expect((error as Error).message).not.toMatch(/0\.125/);
    await expect(lineModel().fit(endless(), { epochs: 1, batchSize: 8 } as never)).rejects.toThrow(
      /fit: unknown option 'batchSize'/,
    );
  });
});
