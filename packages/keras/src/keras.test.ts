import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import * as keras from './index.js';

const mnistPath = fileURLToPath(new URL('../../../../shared/data/mnist', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'horn-keras-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('@horn/keras runs the issue example end to end', () => {
  test('picks the wasm backend by default; the GPU only in a browser with a hardware GPU', () => {
    expect(keras.wasmUnavailable).toBeNull();
    expect(keras.getBackend()).toBe('wasm');
    expect(keras.defaultBackend()).toBe('wasm');
    expect(keras.gpuUnavailable).toMatch(/not a browser/);
    expect(keras.ops.listBackends()).not.toContain('gpu');
  });

  test('Sequential CNN: compile, summary, fit, evaluate, save, loadModel', async () => {
    keras.setSeed(42);
    const [[xTrain, yTrain], [xTest, yTest]] = await keras.datasets.mnist.loadData({ path: mnistPath });
    expect(xTrain.shape).toEqual([60000, 28, 28]);
    const prepare = (x: keras.ops.Tensor, n: number) =>
      keras.ops.slice(x, [0, 0, 0], [n, -1, -1]).reshape([n, 28, 28, 1]).cast('float32').div(255);
    const x = prepare(xTrain, 4000);
    const y = keras.ops.slice(yTrain, [0], [4000]);
    const model = new keras.Sequential([
      keras.Input({ shape: [28, 28, 1] }),
      new keras.layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
      new keras.layers.MaxPooling2D({ poolSize: 2 }),
      new keras.layers.Flatten(),
      new keras.layers.Dense({ units: 10, activation: 'softmax' }),
    ]);
    model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
    const lines: string[] = [];
    model.summary(undefined, (line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('Total params: 54,410');
    expect(text).toMatch(/conv2d.*\(None, 26, 26, 32\)\s+│\s+320/);
    const history = await model.fit(x, y, { epochs: 4, batchSize: 128, validationSplit: 0.1, verbose: 0 });
    expect(history.history.loss.length).toBe(4);
    expect(history.history.val_accuracy.at(-1)).toBeGreaterThan(0.85);
    expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
    const xt = prepare(xTest, 1000);
    const yt = keras.ops.slice(yTest, [0], [1000]);
    const [loss, acc] = (await model.evaluate(xt, yt, { verbose: 0 })) as number[];
    expect(acc).toBeGreaterThan(0.85);
    expect(loss).toBeLessThan(0.45);
    const path = join(dir, 'mnist-cnn');
    await model.save(path);
    const again = await keras.models.loadModel(path);
    const before = (model.predict(xt, { verbose: 0 }) as keras.ops.Tensor).dataSync();
    const after = (again.predict(xt, { verbose: 0 }) as keras.ops.Tensor).dataSync();
    expect([...after]).toEqual([...before]);
  }, 120_000);

  test('namespaces resolve Keras ids in both spellings', () => {
    expect(keras.optimizers.get('adam')).toBeInstanceOf(keras.optimizers.Adam);
    expect(keras.losses.get('categorical_crossentropy')).toBeInstanceOf(keras.losses.CategoricalCrossentropy);
    expect(keras.activations.get('leaky_relu')).toBe(keras.activations.leakyRelu);
    expect(keras.regularizers.l2(0.01)).toBeInstanceOf(keras.regularizers.L2);
    expect(new keras.initializers.GlorotUniform({ seed: 1 }).apply([2, 2]).shape).toEqual([2, 2]);
    expect(keras.callbacks.EarlyStopping).toBeTypeOf('function');
    expect(keras.preprocessing.padSequences([[1], [2, 3]], { maxlen: 3 }).arraySync()).toEqual([
      [0, 0, 1],
      [0, 2, 3],
    ]);
  });
});
