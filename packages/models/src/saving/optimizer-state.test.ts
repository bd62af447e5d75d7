import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { mean, setSeed, square, sub, type Tensor, tensor, ValueError } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compile, loadModel, Sequential, saveModel, trainOnBatch } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-model-'));
  setSeed(7);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const values = (t: Tensor | Tensor[]) => (Array.isArray(t) ? t : [t]).map((x) => [...x.dataSync()]);
describe('optimizer state', () => {
  const x = () =>
    tensor([
      [0.1, 0.2, 0.3],
      [0.5, -0.1, 0.2],
      [-0.3, 0.4, 0.1],
      [0.2, 0.2, -0.5],
    ]);
  const y = () => tensor([[1], [0], [1], [0]]);
  const mlp = () =>
    new Sequential([
      Input({ shape: [3] }),
      new Dense({ units: 4, activation: 'tanh' }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ]);

  test('includeOptimizer round trip continues training identically', async () => {
    const model = mlp();
    compile(model, {
      optimizer: { className: 'Adam', config: { learningRate: 0.05, beta1: 0.8 } },
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    });
    for (let i = 0; i < 3; i++) trainOnBatch(model, x(), y());
    await saveModel(model, join(root, 'opt'), { includeOptimizer: true });
    const json = JSON.parse(await readFile(join(root, 'opt', 'model.json'), 'utf8'));
    expect(json.trainingConfig).toEqual({
      loss: 'binary_crossentropy',
      metrics: ['accuracy'],
      optimizer_config: {
        class_name: 'Adam',
        config: expect.objectContaining({
          name: 'adam',
          learning_rate: 0.05,
          beta_1: 0.8,
          beta_2: 0.999,
          clipnorm: null,
        }),
      },
    });
    const optimizerSpecs = json.weightsManifest[0].weights.filter((w: { group?: string }) => w.group === 'optimizer');
    expect(optimizerSpecs[0]).toEqual({ name: 'optimizer/iterations', shape: [], dtype: 'int32', group: 'optimizer' });
    expect(optimizerSpecs.length).toBe(1 + 2 * model.trainableWeights.length);

    const loaded = await loadModel(join(root, 'opt'));
    expect(loaded.compiled?.optimizer.iterations).toBe(3);
    expect(loaded.compiled?.optimizer.getConfig()).toEqual(model.compiled?.optimizer.getConfig());
    for (let i = 0; i < 3; i++) {
      expect(trainOnBatch(loaded, x(), y())).toEqual(trainOnBatch(model, x(), y()));
    }
    expect(values(loaded.getWeights())).toEqual(values(model.getWeights()));
  });

  test('without includeOptimizer nothing of training is saved; includeOptimizer needs compile', async () => {
    const model = mlp();
    compile(model, { optimizer: 'sgd', loss: 'mse' });
    await saveModel(model, join(root, 'plain'));
    const json = JSON.parse(await readFile(join(root, 'plain', 'model.json'), 'utf8'));
    expect(json.trainingConfig).toBeUndefined();
    expect((await loadModel(join(root, 'plain'))).compiled).toBeNull();
    await expect(saveModel(mlp(), join(root, 'x'), { includeOptimizer: true })).rejects.toThrow(ValueError);
    await expect(saveModel(mlp(), join(root, 'x'), { includeOptimizer: true })).rejects.toThrow(/was never compiled/);
    const custom = mlp();
    compile(custom, { optimizer: 'sgd', loss: (a, b) => mean(square(sub(a, b))) });
    await expect(saveModel(custom, join(root, 'x'), { includeOptimizer: true })).rejects.toThrow(
      /cannot save the training config: the loss includes the function/,
    );
  });

  test('optimizer weights that do not fit the optimizer are refused', async () => {
    const model = mlp();
    compile(model, { optimizer: 'adam', loss: 'mse' });
    trainOnBatch(model, x(), y());
    await saveModel(model, join(root, 'opt'), { includeOptimizer: true });
    const file = join(root, 'opt', 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.trainingConfig.optimizer_config = { class_name: 'SGD', config: { learning_rate: 0.1 } };
    await writeFile(file, JSON.stringify(json));
    await expect(loadModel(join(root, 'opt'))).rejects.toThrow(
      /cannot restore the training config and optimizer state: SGD\.setWeights: expected 1 weights.*\{ compile: false \}/,
    );
    const uncompiled = await loadModel(join(root, 'opt'), { compile: false });
    expect(uncompiled.compiled).toBeNull();
    expect(uncompiled.weights.length).toBe(4);
  });
});
