import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { setSeed, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { LambdaCallback } from '../callbacks/index.js';
import { Sequential } from '../index.js';

// Dense(1) with w = 0.5, b = 0 on x = 1..4, y = [1, 1, 2, 2]: predictions 0.5, 1, 1.5, 2,
// errors -0.5, 0, -0.5, 0.
const x = () => tensor([[1], [2], [3], [4]]);
const y = () => tensor([[1], [1], [2], [2]]);

function handModel(lr = 0.1) {
  const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1, name: 'out' })]);
  model.setWeights([tensor([[0.5]]), tensor([0])]);
  model.compile({ optimizer: new SGD({ learningRate: lr }), loss: 'mse', metrics: ['mse'], weightedMetrics: ['mse'] });
  return model;
}

const weightsOf = (model: Sequential) => model.getWeights().map((w) => w.dataSync()[0]);

describe('fit options', () => {
  test('sampleWeight scales each sample in the loss and the gradient (checked by hand on one step)', async () => {
    const model = handModel();
    // loss = sum(w * e^2) / 4 = (1 * 0.25 + 3 * 0.25) / 4 = 0.25 ("sum over batch size", as Keras)
    // dL/dw = (2 / 4) * sum(w * e * x) = 0.5 * (-0.5 - 4.5) = -2.5; dL/db = 0.5 * (-0.5 - 1.5) = -1
    const history = await model.fit(x(), y(), {
      batchSize: 4,
      shuffle: false,
      verbose: 0,
      sampleWeight: tensor([1, 2, 3, 4]),
    });
    expect(history.history.loss[0]).toBeCloseTo(0.25, 6);
    // Unweighted metrics ignore the weights; weighted ones divide by their sum: 1.0 / 10.
    expect(history.history.mse[0]).toBeCloseTo(0.125, 6);
    expect(history.history.mse_1[0]).toBeCloseTo(0.1, 6);
    const [w, b] = weightsOf(model);
    expect(w).toBeCloseTo(0.5 + 0.1 * 2.5, 6);
    expect(b).toBeCloseTo(0 + 0.1 * 1, 6);
  });

  test('classWeight weighs each sample by its class (checked by hand on one step)', () => {
    const model = handModel();
    // Classes 1, 1, 2, 2 with weights { 1: 2, 2: 1 }: sample weights 2, 2, 1, 1.
    // loss = (2 * 0.25 + 1 * 0.25) / 4 = 0.1875; dL/dw = 0.5 * (2 * -0.5 * 1 + 1 * -0.5 * 3) = -1.25;
    // dL/db = 0.5 * (2 * -0.5 + 1 * -0.5) = -0.75.
    const [loss] = model.trainOnBatch(x(), y(), { classWeight: { 1: 2, 2: 1 } }) as number[];
    expect(loss).toBeCloseTo(0.1875, 6);
    const [w, b] = weightsOf(model);
    expect(w).toBeCloseTo(0.625, 6);
    expect(b).toBeCloseTo(0.075, 6);
    // One-hot labels: the class is the argmax.
    const onehot = new Sequential([Input({ shape: [1] }), new Dense({ units: 2, activation: 'softmax' })]);
    onehot.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'categorical_crossentropy' });
    const yHot = tensor([
      [1, 0],
      [0, 1],
      [0, 1],
      [1, 0],
    ]);
    const plain = onehot.trainOnBatch(x(), yHot, { sampleWeight: tensor([5, 1, 1, 5]) }) as number;
    expect(onehot.trainOnBatch(x(), yHot, { classWeight: { 0: 5 } }) as number).toBeCloseTo(plain, 6);
  });

  test('validationSplit holds out the LAST fraction, before shuffling (Keras)', async () => {
    // A model stuck at 0 (learning rate 0, zero weights) with mae: val_loss is the mean |y| of the held-out samples.
    const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1, kernelInitializer: 'zeros' })]);
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mae' });
    const n = 10;
    const xs = tensor(Array.from({ length: n }, (_, i) => [i]));
    const ys = tensor(Array.from({ length: n }, (_, i) => [i]));
    const steps: number[] = [];
    const spy = new LambdaCallback({ onTrainBegin: () => void steps.push(spy.params.steps ?? -1) });
    // floor(10 * (1 - 0.3)) = 7 training samples (0..6), validation 7, 8, 9.
    const history = await model.fit(xs, ys, { validationSplit: 0.3, batchSize: 2, verbose: 0, callbacks: [spy] });
    expect(history.history.loss[0]).toBeCloseTo(3, 6); // mean of 0..6
    expect(history.history.val_loss[0]).toBeCloseTo(8, 6); // mean of 7, 8, 9
    expect(steps).toEqual([4]); // ceil(7 / 2)
    expect(spy.params.samples).toBe(7);
    await expect(model.fit(xs, ys, { validationSplit: 0.95, verbose: 0 })).rejects.toThrow(
      /10 samples are not enough to split/,
    );
    await expect(model.fit(xs, ys, { validationSplit: 1.5, verbose: 0 })).rejects.toThrow(/in \(0, 1\)/);
    // validationData wins over validationSplit.
    const both = await model.fit(xs, ys, { validationSplit: 0.3, validationData: [xs, ys], verbose: 0 });
    expect(both.history.loss[0]).toBeCloseTo(4.5, 6);
    expect(both.history.val_loss[0]).toBeCloseTo(4.5, 6);
  });

  test('stopTraining is honoured at the end of a batch', async () => {
    const model = handModel();
    const seen: string[] = [];
    const stopper = new LambdaCallback({
      onBatchEnd: (batch) => {
        seen.push(`batch ${batch}`);
        if (batch === 1) stopper.model.stopTraining = true;
      },
      onEpochEnd: (epoch) => void seen.push(`epoch ${epoch}`),
    });
    const history = await model.fit(x(), y(), { epochs: 5, batchSize: 1, verbose: 0, callbacks: [stopper] });
    expect(seen).toEqual(['batch 0', 'batch 1', 'epoch 0']);
    expect(history.epoch).toEqual([0]);
  });

  test('stepsPerEpoch continues the batch stream across epochs; initialEpoch resumes', async () => {
    const model = handModel(0.01);
    const perEpoch: number[] = [];
    let count = 0;
    const counter = new LambdaCallback({
      onEpochBegin: () => void (count = 0),
      onBatchEnd: () => void count++,
      onEpochEnd: () => void perEpoch.push(count),
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const xs = tensor(Array.from({ length: 10 }, (_, i) => [i / 10]));
    const ys = tensor(Array.from({ length: 10 }, (_, i) => [i / 10]));
    // 10 samples in batches of 4: 3 batches a pass. Epoch 2 gets the pass' last batch, then the data runs out.
    const history = await model.fit(xs, ys, {
      epochs: 3,
      batchSize: 4,
      stepsPerEpoch: 2,
      verbose: 0,
      callbacks: [counter],
    });
    expect(perEpoch).toEqual([2, 1, 2]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/ran out after 1 of 2 steps in epoch 2/);
    warn.mockRestore();
    expect(history.epoch).toEqual([0, 1, 2]);
    const resumed = await model.fit(xs, ys, { epochs: 4, initialEpoch: 2, verbose: 0 });
    expect(resumed.epoch).toEqual([2, 3]);
  });

  test('shuffling is seeded: the global stream (setSeed) or the seed option', async () => {
    const run = async (options: { seed?: number; global?: number }) => {
      if (options.global !== undefined) setSeed(options.global);
      const model = handModel(0.05);
      const xs = tensor(Array.from({ length: 12 }, (_, i) => [i / 12]));
      const ys = tensor(Array.from({ length: 12 }, (_, i) => [(i * 7) % 5]));
      await model.fit(xs, ys, { epochs: 2, batchSize: 3, verbose: 0, seed: options.seed });
      return weightsOf(model);
    };
    expect(await run({ seed: 5 })).toEqual(await run({ seed: 5 }));
    expect(await run({ global: 9 })).toEqual(await run({ global: 9 }));
    expect(await run({ seed: 5 })).not.toEqual(await run({ seed: 6 }));
  });

  test('x and y as records keyed by input and output names', async () => {
    const model = handModel();
    const inputName = model.inputNames[0];
    const history = await model.fit({ [inputName]: x() }, { out: y() }, { batchSize: 4, shuffle: false, verbose: 0 });
    // Unweighted: loss = (0.25 + 0.25) / 4.
    expect(history.history.loss[0]).toBeCloseTo(0.125, 6);
    await expect(model.fit({ nope: x() } as Record<string, Tensor>, y(), { verbose: 0 })).rejects.toThrow(
      /x has key 'nope'/,
    );
  });
});
