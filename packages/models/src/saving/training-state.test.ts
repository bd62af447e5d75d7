import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input, type SymbolicTensor } from '@horn/layers';
import {
  mean,
  memory,
  randomNormal,
  randomUniform,
  setSeed,
  square,
  sub,
  type Tensor,
  type TensorLike,
  zeros,
} from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type CompileArgs, evaluate, loadModel, Model, ModelFileError, Sequential } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-train-state-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// 32 samples, 4 batches of 8 per epoch; no shuffling, so epochs are the same batches in the same order.
const data = () => ({
  x: randomNormal([32, 3], { seed: 11 }),
  y: randomUniform([32, 1], { seed: 12 }).greater(0.5).cast('float32'),
});
const run = { batchSize: 8, shuffle: false, verbose: 0 } as const;

function mlp(args: CompileArgs): Model {
  setSeed(3);
  const model = new Sequential([
    Input({ shape: [3] }),
    new Dense({ units: 5, activation: 'tanh' }),
    new Dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile(args);
  return model;
}

const maxDiff = (a: Tensor[], b: Tensor[]) =>
  Math.max(
    ...a.map((t, i) => {
      const u = b[i].dataSync();
      return Math.max(...[...t.dataSync()].map((v, j) => Math.abs(v - u[j])));
    }),
  );
// evaluate gives numbers (Keras); tensors only with returnTensors.
const numbers = (r: unknown) =>
  (Array.isArray(r) ? r : [r]).map((v: unknown) => (typeof v === 'number' ? v : (v as Tensor).dataSync()[0]));

const optimizers: [string, CompileArgs['optimizer'], number][] = [
  ['Adam', { className: 'Adam', config: { learningRate: 0.05 } }, 1 + 2 * 4],
  ['SGD with momentum', { className: 'SGD', config: { learningRate: 0.1, momentum: 0.9, nesterov: true } }, 1 + 4],
];

describe.each(optimizers)('%s: save, load, train on', (_name, optimizer, stateCount) => {
  const compileArgs = (): CompileArgs => ({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  test('2 epochs, save, load, 1 more epoch equals 3 epochs straight', async () => {
    const { x, y } = data();
    const straight = mlp(compileArgs());
    await straight.fit(x, y, { ...run, epochs: 3 });

    const first = mlp(compileArgs());
    await first.fit(x, y, { ...run, epochs: 2 });
    const dir = join(root, 'ckpt');
    await first.save(dir);
    const loaded = await loadModel(dir);
    expect(loaded.compiled?.optimizer.className).toBe(first.compiled?.optimizer.className);
    expect(loaded.compiled?.optimizer.getConfig()).toEqual(first.compiled?.optimizer.getConfig());
    expect(loaded.compiled?.optimizer.iterations).toBe(8);
    expect(loaded.compiled?.optimizer.getWeights().length).toBe(stateCount);
    // evaluate works at once, with the same numbers as the model that was saved.
    expect(numbers(await evaluate(loaded, x, y, { verbose: 0 }))).toEqual(
      numbers(await evaluate(first, x, y, { verbose: 0 })),
    );
    await loaded.fit(x, y, { ...run, epochs: 1 });

    expect(loaded.compiled?.optimizer.iterations).toBe(12);
    expect(maxDiff(loaded.getWeights(), straight.getWeights())).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(loaded.compiled!.optimizer.getWeights(), straight.compiled!.optimizer.getWeights())).toBeLessThan(
      1e-6,
    );
    // Without the optimizer state the third epoch goes elsewhere: the test can fail.
    const fresh = await loadModel(dir, { compile: false });
    fresh.compile(compileArgs());
    await fresh.fit(x, y, { ...run, epochs: 1 });
    expect(maxDiff(fresh.getWeights(), straight.getWeights())).toBeGreaterThan(1e-4);
  });

  test('a save before the first step restores an optimizer that has no slots yet', async () => {
    const { x, y } = data();
    const straight = mlp(compileArgs());
    await straight.fit(x, y, { ...run, epochs: 1 });
    const dir = join(root, 'untrained');
    await mlp(compileArgs()).save(dir);
    const loaded = await loadModel(dir);
    expect(loaded.compiled?.optimizer.getWeights().length).toBe(1);
    await loaded.fit(x, y, { ...run, epochs: 1 });
    expect(maxDiff(loaded.getWeights(), straight.getWeights())).toBeLessThanOrEqual(1e-6);
  });
});

describe('an optimizer that updates only some weights', () => {
  test('its slots are rebuilt for the weights they belong to, by name, and training goes on identically', async () => {
    const { x, y } = data();
    const build = () => {
      setSeed(4);
      const input = Input({ shape: [3] });
      const scored = new Dense({ units: 1, activation: 'sigmoid', name: 'scored' }).apply(input);
      const unscored = new Dense({ units: 2, name: 'unscored' }).apply(input);
      const model = new Model({ inputs: input, outputs: [scored, unscored] as SymbolicTensor[] });
      // The second output has no loss: its weights get no gradient, so Adam makes no slots for them.
      model.compile({
        optimizer: { className: 'Adam', config: { learningRate: 0.05 } },
        loss: ['binaryCrossentropy', null],
      });
      return model;
    };
    const ys = () => [y, zeros([32, 2])];
    const straight = build();
    await straight.fit(x, ys(), { ...run, epochs: 2 });
    const model = build();
    await model.fit(x, ys(), { ...run, epochs: 1 });
    expect(model.compiled!.optimizer.getWeightNames()).toEqual([
      'iter',
      'scored/kernel/momentum',
      'scored/bias/momentum',
      'scored/kernel/velocity',
      'scored/bias/velocity',
    ]);
    const dir = join(root, 'partial');
    await model.save(dir);
    const loaded = await loadModel(dir);
    expect(loaded.compiled!.optimizer.getWeightNames()).toEqual(model.compiled!.optimizer.getWeightNames());
    await loaded.fit(x, ys(), { ...run, epochs: 1 });
    expect(maxDiff(loaded.getWeights(), straight.getWeights())).toBeLessThanOrEqual(1e-6);
  });
});

describe('loading the training state', () => {
  const adam = (): CompileArgs => ({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });

  test('loss, metrics and loss weights come back; compile: false loads the model uncompiled', async () => {
    const { x, y } = data();
    const model = mlp({ ...adam(), lossWeights: [0.5] });
    await model.fit(x, y, { ...run, epochs: 1 });
    const dir = join(root, 'm');
    await model.save(dir);
    const loaded = await loadModel(dir);
    expect(loaded.compiled?.metricsNames).toEqual(['loss', 'mae']);
    expect(loaded.compiled?.losses[0]?.className).toBe('MeanSquaredError');
    expect(loaded.compiled?.lossWeights).toEqual([0.5]);
    expect(numbers(await evaluate(loaded, x, y, { verbose: 0 }))).toEqual(
      numbers(await evaluate(model, x, y, { verbose: 0 })),
    );
    const plain = await loadModel(dir, { compile: false });
    expect(plain.compiled).toBeNull();
    await expect(evaluate(plain, x, y)).rejects.toThrow(/must be compiled first/);
  });

  test('an unknown loss or metric in the training config is an error naming it, as Keras', async () => {
    // Keras 3.15 load_model of a model compiled with a custom function loss, without custom_objects:
    // TypeError "Could not locate function 'my_loss'" (no uncompiled fallback).
    const dir = join(root, 'm');
    await mlp(adam()).save(dir);
    const file = join(dir, 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.trainingConfig.loss = 'my_loss';
    await writeFile(file, JSON.stringify(json));
    const before = memory().numTensors;
    await expect(loadModel(dir)).rejects.toThrow(ModelFileError);
    await expect(loadModel(dir)).rejects.toThrow(
      /cannot restore the training config and optimizer state: getLoss: unknown loss 'myLoss'.*\(pass it as loadModel\(path, \{ customObjects: \{ <id>: fn \} \}\); loadModel\(path, \{ compile: false \}\) loads the model without them\)/,
    );
    expect(memory().numTensors).toBe(before);
    json.trainingConfig.loss = 'mse';
    json.trainingConfig.metrics = ['my_metric'];
    await writeFile(file, JSON.stringify(json));
    await expect(loadModel(dir)).rejects.toThrow(/cannot restore the training config.*myMetric/);
    expect((await loadModel(dir, { compile: false })).compiled).toBeNull();
  });

  test('customObjects supply the losses and metrics a training config names by unknown ids, as Keras', async () => {
    const { x, y } = data();
    const model = mlp(adam());
    await model.fit(x, y, { ...run, epochs: 1 });
    const dir = join(root, 'm');
    await model.save(dir);
    const file = join(dir, 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.trainingConfig.loss = 'my_loss';
    json.trainingConfig.metrics = ['my_metric'];
    await writeFile(file, JSON.stringify(json));
    const squared = (a: TensorLike, b: TensorLike) => mean(square(sub(a, b)), -1);
    const loaded = await loadModel(dir, {
      customObjects: {
        myLoss: squared,
        my_metric: function myMetric(a: TensorLike, b: TensorLike) {
          return squared(a, b);
        },
      },
    });
    expect(loaded.compiled?.metricsNames).toEqual(['loss', 'myMetric']);
    const [loss, metric] = numbers(await evaluate(loaded, x, y, { verbose: 0 }));
    const [mse] = numbers(await evaluate(model, x, y, { verbose: 0 }));
    expect(loss).toBeCloseTo(mse, 6);
    expect(metric).toBeCloseTo(mse, 6);
    expect(loaded.compiled?.optimizer.iterations).toBe(4);
    await expect(loadModel(dir, { customObjects: 'x' as never })).rejects.toThrow(/customObjects must be an object/);
    await expect(loadModel(dir, { compile: 1 as never })).rejects.toThrow(/compile must be true or false, got 1/);
  });

  test('neither a refused load nor model.dispose() leaks the slot variables', async () => {
    const { x, y } = data();
    const model = mlp(adam());
    await model.fit(x, y, { ...run, epochs: 1 });
    const dir = join(root, 'm');
    await model.save(dir);
    const before = memory().numTensors;
    const loaded = await loadModel(dir);
    // 4 weights and Adam's 8 slots (`iterations` is a number, not a tensor).
    expect(memory().numTensors).toBe(before + 4 + 8);
    loaded.dispose();
    expect(memory().numTensors).toBe(before);

    const file = join(dir, 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    // Slots whose shapes do not fit: refused after the optimizer built its slots.
    const specs = json.weightsManifest[0].weights;
    specs[specs.length - 1].shape = [1, 1];
    await writeFile(file, JSON.stringify(json));
    await expect(loadModel(dir)).rejects.toThrow(/cannot restore the training config and optimizer state/);
    expect(memory().numTensors).toBe(before);
  });
});
