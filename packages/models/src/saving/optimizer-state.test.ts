import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { mean, setSeed, square, sub, type Tensor, tensor, ValueError } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
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

  test('the training config and Adam state round trip and training continues identically', async () => {
    const model = mlp();
    compile(model, {
      optimizer: { className: 'Adam', config: { learningRate: 0.05, beta1: 0.8 } },
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    });
    for (let i = 0; i < 3; i++) trainOnBatch(model, x(), y());
    await saveModel(model, join(root, 'opt'));
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
    expect(optimizerSpecs[0]).toEqual({ name: 'iter', shape: [], dtype: 'int32', group: 'optimizer' });
    // As TF.js' Adam.getWeights(): iter, every first moment, then every second moment.
    const names = model.trainableWeights.map((v) => v.name);
    expect(names).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
    expect(optimizerSpecs.map((w: { name: string }) => w.name)).toEqual([
      'iter',
      ...names.map((n) => `${n}/momentum`),
      ...names.map((n) => `${n}/velocity`),
    ]);
    expect(optimizerSpecs.slice(1).map((w: { shape: number[] }) => w.shape)).toEqual([
      ...model.trainableWeights.map((v) => v.shape),
      ...model.trainableWeights.map((v) => v.shape),
    ]);

    const loaded = await loadModel(join(root, 'opt'));
    expect(loaded.compiled?.optimizer.iterations).toBe(3);
    expect(loaded.compiled?.optimizer.getConfig()).toEqual(model.compiled?.optimizer.getConfig());
    for (let i = 0; i < 3; i++) {
      expect(trainOnBatch(loaded, x(), y())).toEqual(trainOnBatch(model, x(), y()));
    }
    expect(values(loaded.getWeights())).toEqual(values(model.getWeights()));
  });

  test('the training config is saved by default; includeOptimizer: false and uncompiled models save none', async () => {
    const model = mlp();
    compile(model, { optimizer: 'sgd', loss: 'mse' });
    await saveModel(model, join(root, 'default'));
    const json = JSON.parse(await readFile(join(root, 'default', 'model.json'), 'utf8'));
    // 'mse' is written as TF.js' loss map names it (TF.js has no 'mse' loss).
    expect(json.trainingConfig).toMatchObject({
      loss: 'mean_squared_error',
      metrics: [],
      optimizer_config: { class_name: 'SGD' },
    });
    // SGD without momentum has no slots: its state is `iter` alone, 0 before any step.
    const specs = json.weightsManifest[0].weights.filter((w: { group?: string }) => w.group === 'optimizer');
    expect(specs).toEqual([{ name: 'iter', shape: [], dtype: 'int32', group: 'optimizer' }]);
    const loaded = await loadModel(join(root, 'default'));
    expect(loaded.compiled?.optimizer.className).toBe('SGD');
    expect(loaded.compiled?.optimizer.iterations).toBe(0);

    await saveModel(model, join(root, 'plain'), { includeOptimizer: false });
    const plain = JSON.parse(await readFile(join(root, 'plain', 'model.json'), 'utf8'));
    expect(plain.trainingConfig).toBeUndefined();
    expect(plain.weightsManifest[0].weights.some((w: { group?: string }) => w.group === 'optimizer')).toBe(false);
    expect((await loadModel(join(root, 'plain'))).compiled).toBeNull();

    await saveModel(mlp(), join(root, 'uncompiled'));
    expect(JSON.parse(await readFile(join(root, 'uncompiled', 'model.json'), 'utf8')).trainingConfig).toBeUndefined();
    await expect(saveModel(mlp(), join(root, 'x'), { includeOptimizer: true })).rejects.toThrow(ValueError);
    await expect(saveModel(mlp(), join(root, 'x'), { includeOptimizer: true })).rejects.toThrow(/was never compiled/);
    await expect(saveModel(mlp(), join(root, 'x'), { includeOptimizer: 'yes' as never })).rejects.toThrow(
      /includeOptimizer must be true or false, got yes/,
    );
  });

  test('a loss given as a function: saved without the training config and a warning, or refused when asked for', async () => {
    const custom = mlp();
    compile(custom, {
      optimizer: 'adam',
      loss: function myLoss(a, b) {
        return mean(square(sub(a, b)));
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await saveModel(custom, join(root, 'custom'));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(
        /the loss includes the function 'myLoss'.*Saved model '.*' without its training config and optimizer state: loadModel will return it uncompiled/,
      );
    } finally {
      warn.mockRestore();
    }
    const json = JSON.parse(await readFile(join(root, 'custom', 'model.json'), 'utf8'));
    expect(json.trainingConfig).toBeUndefined();
    expect((await loadModel(join(root, 'custom'))).compiled).toBeNull();
    await expect(saveModel(custom, join(root, 'x'), { includeOptimizer: true })).rejects.toThrow(
      /cannot save the training config: the loss includes the function 'myLoss'/,
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
