import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchNormalization, Concatenate, Conv2D, Dense, Flatten, Input, LeakyReLU, MaxPooling2D } from '@horn/layers';
import { randomNormal, randomUniform, setSeed, type Tensor, tensor } from '@horn/tensor';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compile, loadModel, Model, type ModelJSON, Sequential, saveModel, trainOnBatch } from '../index.js';

// These tests use @tensorflow/tfjs 4.x itself (cpu backend, no tfjs-node) as the reference reader
// and writer of the Layers format.

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-tfjs-'));
  setSeed(3);
  await tf.setBackend('cpu');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The artifacts TF.js' own save produces (captured with tf.io.withSaveHandler). */
async function tfjsArtifacts(model: tf.LayersModel, includeOptimizer = false): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
    { includeOptimizer },
  );
  return captured as tf.io.ModelArtifacts;
}

/** Writes artifacts as tfjs-node's `file://` handler does: model.json + weights.bin. */
async function writeAsTfjsNode(artifacts: tf.io.ModelArtifacts, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const json = {
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
  };
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  await writeFile(join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
}

/** Reads a directory Horn saved, without Horn's reader, into artifacts for tf.io.fromMemory. */
async function readForTfjs(dir: string): Promise<tf.io.ModelArtifacts> {
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelJSON;
  const parts = await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(dir, p))));
  const bytes = Buffer.concat(parts);
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    ...(json.trainingConfig ? { trainingConfig: json.trainingConfig as tf.io.TrainingConfig } : {}),
  };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

const seededInput = (shape: number[]) => randomNormal(shape, { seed: 11 });
const toTf = (t: Tensor) => tf.tensor(t.dataSync() as Float32Array, [...t.shape]);

/** Sets every TF.js weight to seeded values (variances positive), so nothing is at its initial value. */
function randomizeTfjs(model: tf.LayersModel): void {
  model.setWeights(model.weights.map((w, i) => tf.randomUniform(w.shape as number[], 0.1, 0.9, 'float32', 100 + i)));
}

function randomizeHorn(model: Model): void {
  model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: 0.1, max: 0.9 })));
}

function tfjsCnn(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [8, 8, 1],
        filters: 4,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: 'glorotNormal',
      }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({
        units: 16,
        activation: 'relu',
        kernelInitializer: 'leCunNormal',
        kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }),
      }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.batchNormalization(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

describe('models written by @tensorflow/tfjs load into Horn', () => {
  test('a Sequential CNN saved by tfjs predicts what tfjs predicts', async () => {
    const tfModel = tfjsCnn();
    randomizeTfjs(tfModel);
    const dir = join(root, 'tfjs-cnn');
    await writeAsTfjsNode(await tfjsArtifacts(tfModel), dir);
    const model = await loadModel(`file://${dir}`);
    expect(model).toBeInstanceOf(Sequential);
    expect(model.layers.map((l) => l.className)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'LeakyReLU',
      'BatchNormalization',
      'Dense',
    ]);
    const x = seededInput([3, 8, 8, 1]);
    const expected = (tfModel.predict(toTf(x)) as tf.Tensor).dataSync();
    expect(maxDiff((model.apply(x) as Tensor).dataSync(), expected)).toBeLessThanOrEqual(1e-5);
    // The exceptions TF.js' own file exercises: VarianceScaling 'normal', L1L2, LeakyReLU alpha.
    const config = model.getConfig() as { layers: { config: Record<string, unknown> }[] };
    const dense = model.layers[3] as Dense;
    expect(dense.kernelRegularizer?.className).toBe('L2');
    expect(dense.kernelInitializer.getConfig()).toEqual({
      scale: 1,
      mode: 'fanIn',
      distribution: 'truncatedNormal',
      seed: null,
    });
    expect((model.layers[4] as LeakyReLU).getConfig().negativeSlope).toBe(0.2);
    expect(config.layers.length).toBeGreaterThan(0);
  });

  test('a functional model with two inputs and two outputs saved by tfjs', async () => {
    const a = tf.input({ shape: [3], name: 'a' });
    const b = tf.input({ shape: [2], name: 'b' });
    const hidden = tf.layers.dense({ units: 4, activation: 'tanh', name: 'hidden' }).apply(a) as tf.SymbolicTensor;
    const merged = tf.layers.concatenate({ name: 'merged' }).apply([hidden, b]) as tf.SymbolicTensor;
    const out1 = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'out1' }).apply(merged) as tf.SymbolicTensor;
    const out2 = tf.layers.dense({ units: 2, name: 'out2' }).apply(hidden) as tf.SymbolicTensor;
    const tfModel = tf.model({ inputs: [a, b], outputs: [out1, out2] });
    randomizeTfjs(tfModel);
    const dir = join(root, 'tfjs-functional');
    await writeAsTfjsNode(await tfjsArtifacts(tfModel), dir);
    const model = await loadModel(join(dir, 'model.json'));
    expect(model.inputNames).toEqual(['a', 'b']);
    expect(model.outputNames).toEqual(['out1', 'out2']);
    const xa = seededInput([5, 3]);
    const xb = randomNormal([5, 2], { seed: 12 });
    const expected = (tfModel.predict([toTf(xa), toTf(xb)]) as tf.Tensor[]).map((t) => t.dataSync());
    const got = model.call([xa, xb], {}) as Tensor[];
    for (const [i, t] of got.entries()) expect(maxDiff(t.dataSync(), expected[i])).toBeLessThanOrEqual(1e-5);
  });

  test("tfjs' training config and Adam state load into Horn's compile and optimizer", async () => {
    const tfModel = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [3], units: 2, activation: 'softmax' })],
    });
    tfModel.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    await tfModel.fit(
      tf.tensor2d([
        [1, 2, 3],
        [0, 1, 0],
      ]),
      tf.tensor2d([
        [1, 0],
        [0, 1],
      ]),
      { epochs: 2, verbose: 0 },
    );
    const dir = join(root, 'tfjs-adam');
    const artifacts = await tfjsArtifacts(tfModel, true);
    await writeAsTfjsNode(artifacts, dir);
    const model = await loadModel(dir);
    const compiled = model.compiled!;
    expect(compiled.optimizer.className).toBe('Adam');
    expect(compiled.optimizer.getConfig()).toMatchObject({ learningRate: 0.01, beta1: 0.9, beta2: 0.999 });
    expect(compiled.losses[0]?.className).toBe('CategoricalCrossentropy');
    expect(compiled.optimizer.iterations).toBe(2);
    // TF.js' first moments (after 'iter') are Horn's 'momentum' slots, in the same order.
    const tfWeights = await tfModel.optimizer.getWeights();
    const hornWeights = compiled.optimizer.getWeights();
    expect(hornWeights.length).toBe(tfWeights.length);
    hornWeights.slice(1).forEach((w, i) => {
      expect(maxDiff(w.dataSync(), tfWeights[i + 1].tensor.dataSync())).toBe(0);
    });
  });
});

describe('models written by Horn load into @tensorflow/tfjs', () => {
  function hornCnn(): Sequential {
    return new Sequential([
      Input({ shape: [8, 8, 1] }),
      new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: 'lecunUniform' }),
      new MaxPooling2D({ poolSize: 2 }),
      new Flatten(),
      new Dense({ units: 16, activation: 'relu', kernelRegularizer: { className: 'L2', config: { l2: 0.02 } } }),
      new LeakyReLU({ negativeSlope: 0.1 }),
      new BatchNormalization({ epsilon: 0.01 }),
      new Dense({ units: 10, activation: 'softmax' }),
    ]);
  }

  test('a Sequential CNN saved by Horn predicts the same in tfjs', async () => {
    const model = hornCnn();
    randomizeHorn(model);
    const dir = join(root, 'horn-cnn');
    await saveModel(model, dir);
    const tfModel = await tf.loadLayersModel(tf.io.fromMemory(await readForTfjs(dir)));
    // Horn writes Sequential models with their InputLayer first, as Keras 3; TF.js keeps it as a layer.
    expect(tfModel.layers.map((l) => l.getClassName())).toEqual([
      'InputLayer',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'LeakyReLU',
      'BatchNormalization',
      'Dense',
    ]);
    expect(tfModel.layers[5].getConfig().alpha).toBe(0.1);
    const x = seededInput([3, 8, 8, 1]);
    const got = (tfModel.predict(toTf(x)) as tf.Tensor).dataSync();
    expect(maxDiff(got, (model.apply(x) as Tensor).dataSync())).toBeLessThanOrEqual(1e-5);
  });

  test('a functional two-input model saved by Horn predicts the same in tfjs', async () => {
    const a = Input({ shape: [3], name: 'a' });
    const b = Input({ shape: [2], name: 'b' });
    const hidden = new Dense({ units: 4, activation: 'tanh', name: 'hidden' }).apply(a);
    const merged = new Concatenate({ name: 'merged' }).apply([hidden, b]);
    const out = new Dense({ units: 2, activation: 'softmax', name: 'out' }).apply(merged);
    const model = new Model({ inputs: [a, b], outputs: out });
    randomizeHorn(model);
    const dir = join(root, 'horn-functional');
    await saveModel(model, dir);
    const tfModel = await tf.loadLayersModel(tf.io.fromMemory(await readForTfjs(dir)));
    const xa = seededInput([4, 3]);
    const xb = randomNormal([4, 2], { seed: 5 });
    const got = (tfModel.predict([toTf(xa), toTf(xb)]) as tf.Tensor).dataSync();
    expect(maxDiff(got, (model.apply([xa, xb]) as Tensor).dataSync())).toBeLessThanOrEqual(1e-5);
  });

  test("Horn's training config and Adam state load into tfjs", async () => {
    const model = new Sequential([Input({ shape: [3] }), new Dense({ units: 2, activation: 'softmax' })]);
    compile(model, {
      optimizer: { className: 'Adam', config: { learningRate: 0.02 } },
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    });
    for (let i = 0; i < 2; i++)
      trainOnBatch(
        model,
        tensor([
          [1, 2, 3],
          [0, 1, 0],
        ]),
        tensor([
          [1, 0],
          [0, 1],
        ]),
      );
    const dir = join(root, 'horn-adam');
    await saveModel(model, dir, { includeOptimizer: true });
    const tfModel = await tf.loadLayersModel(tf.io.fromMemory(await readForTfjs(dir)));
    expect(tfModel.optimizer.getClassName()).toBe('Adam');
    expect(tfModel.optimizer.getConfig()).toMatchObject({ learningRate: 0.02, beta1: 0.9, beta2: 0.999 });
    expect(tfModel.loss).toBe('categoricalCrossentropy');
    const tfWeights = await tfModel.optimizer.getWeights();
    const hornWeights = model.compiled!.optimizer.getWeights();
    expect(tfWeights[0].tensor.dataSync()[0]).toBe(2);
    expect(tfWeights.length).toBe(hornWeights.length);
    for (const [i, w] of tfWeights.entries()) {
      if (i > 0) expect(maxDiff(w.tensor.dataSync(), hornWeights[i].dataSync())).toBe(0);
    }
    // tfjs can go on training the loaded model.
    await tfModel.fit(tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[1, 0]]), { epochs: 1, verbose: 0 });
  });
});

describe("tf.io's handlers and Horn's are interchangeable", () => {
  test('saveModel into tf.io.withSaveHandler, loadModel from tf.io.fromMemory', async () => {
    const model = new Sequential([
      Input({ shape: [4] }),
      new Dense({ units: 3, activation: 'relu' }),
      new Dense({ units: 2 }),
    ]);
    randomizeHorn(model);
    let captured: tf.io.ModelArtifacts | undefined;
    const result = await saveModel(
      model,
      tf.io.withSaveHandler(async (artifacts) => {
        captured = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    expect(result.modelArtifactsInfo.modelTopologyType).toBe('JSON');
    const x = seededInput([2, 4]);
    const again = await loadModel(tf.io.fromMemory(captured as tf.io.ModelArtifacts));
    expect([...(again.apply(x) as Tensor).dataSync()]).toEqual([...(model.apply(x) as Tensor).dataSync()]);
    const tfModel = await tf.loadLayersModel(tf.io.fromMemory(captured as tf.io.ModelArtifacts));
    const got = (tfModel.predict(toTf(x)) as tf.Tensor).dataSync();
    expect(maxDiff(got, (model.apply(x) as Tensor).dataSync())).toBeLessThanOrEqual(1e-5);
  });
});

describe('a default save (training config and optimizer state) loads into @tensorflow/tfjs', () => {
  test("loss 'mse' and RMSprop with momentum: tfjs compiles it and takes the state in Horn's order", async () => {
    const model = new Sequential([Input({ shape: [3] }), new Dense({ units: 2 })]);
    compile(model, { optimizer: { className: 'RMSprop', config: { momentum: 0.5 } }, loss: 'mse', metrics: ['mae'] });
    const x = tensor([
      [1, 2, 3],
      [0, 1, 0],
    ]);
    const y = tensor([
      [1, 0],
      [0, 1],
    ]);
    for (let i = 0; i < 3; i++) trainOnBatch(model, x, y);
    const dir = join(root, 'horn-default');
    await saveModel(model, dir);
    const tfModel = await tf.loadLayersModel(tf.io.fromMemory(await readForTfjs(dir)));
    expect(tfModel.optimizer.getClassName()).toBe('RMSProp');
    expect(tfModel.optimizer.getConfig()).toMatchObject({ learningRate: 0.001, momentum: 0.5, centered: false });
    expect(tfModel.loss).toBe('meanSquaredError');
    // tfjs' RMSprop state is iter, every `rms`, then every `momentum`: Horn's velocity and momentum slots.
    const tfWeights = await tfModel.optimizer.getWeights();
    const hornWeights = model.compiled!.optimizer.getWeights();
    expect(tfWeights[0].tensor.dataSync()[0]).toBe(3);
    expect(tfWeights.length).toBe(hornWeights.length);
    for (const [i, w] of tfWeights.entries()) {
      if (i > 0) expect(maxDiff(w.tensor.dataSync(), hornWeights[i].dataSync())).toBe(0);
    }
  });
});
