import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchNormalization, Concatenate, Conv2D, Dense, Flatten, Input, LeakyReLU, MaxPooling2D } from '@horn/layers';
import { randomNormal, randomUniform, setSeed, type Tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  fileSystemHandler,
  type IOHandler,
  loadModel,
  loadWeights,
  Model,
  type ModelArtifacts,
  ModelFileError,
  modelFromJSON,
  modelToJSON,
  Sequential,
  saveModel,
  saveWeights,
} from '../index.js';
import { plainEntries, shardPath } from '../test-support/shard-names.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-model-'));
  setSeed(7);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function cnn(): Sequential {
  return new Sequential([
    Input({ shape: [6, 6, 1] }),
    new Conv2D({ filters: 3, kernelSize: 3, activation: 'relu' }),
    new MaxPooling2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 8, kernelRegularizer: 'l2' }),
    new LeakyReLU({ negativeSlope: 0.2 }),
    new BatchNormalization(),
    new Dense({ units: 4, activation: 'softmax' }),
  ]);
}

function twoInputModel(): Model {
  const image = Input({ shape: [3], name: 'features' });
  const extra = Input({ shape: [2], name: 'extra' });
  const hidden = new Dense({ units: 4, activation: 'tanh', name: 'hidden' }).apply(image);
  const merged = new Concatenate({ name: 'merge' }).apply([hidden, extra]);
  const score = new Dense({ units: 1, activation: 'sigmoid', name: 'score' }).apply(merged);
  const klass = new Dense({ units: 3, activation: 'softmax', name: 'klass' }).apply(merged);
  return new Model({ inputs: [image, extra], outputs: [score, klass], name: 'two_inputs' });
}

const values = (t: Tensor | Tensor[]) => (Array.isArray(t) ? t : [t]).map((x) => [...x.dataSync()]);

/** Gives every weight random values, so that a load that missed one would show. */
function randomizeWeights(model: Model): void {
  model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: 0.1, max: 0.9 })));
}

describe('saveModel -> loadModel round trip', () => {
  test('a Sequential CNN predicts bit-identically after loading', async () => {
    const model = cnn();
    randomizeWeights(model);
    const x = randomNormal([2, 6, 6, 1]);
    const dir = join(root, 'cnn');
    const result = await saveModel(model, dir);
    expect(result.modelArtifactsInfo.weightDataBytes).toBe(model.countParams() * 4);
    expect(await plainEntries(dir)).toEqual(['group1-shard1of1.bin', 'model.json']);
    const loaded = await loadModel(dir);
    expect(loaded).toBeInstanceOf(Sequential);
    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect(loaded.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.name));
    expect(values(loaded.apply(x))).toEqual(values(model.apply(x)));
    // 'file://' URLs and the model.json path work too.
    const viaUrl = await loadModel(`file://${join(dir, 'model.json')}`);
    expect(values(viaUrl.apply(x))).toEqual(values(model.apply(x)));
  });

  test('a functional two-input, two-output model predicts bit-identically after loading', async () => {
    const model = twoInputModel();
    randomizeWeights(model);
    const inputs = [randomNormal([4, 3]), randomNormal([4, 2])];
    await saveModel(model, `file://${join(root, 'functional')}`);
    const loaded = await loadModel(join(root, 'functional'));
    expect(loaded.inputNames).toEqual(['features', 'extra']);
    expect(loaded.outputNames).toEqual(['score', 'klass']);
    expect(values(loaded.apply(inputs))).toEqual(values(model.apply(inputs)));
  });

  test('a model nested as a layer, and weights over 4 MiB split into TF.js-sized shards', async () => {
    const input = Input({ shape: [1100] });
    const inner = new Model({ inputs: input, outputs: new Dense({ units: 1000 }).apply(input), name: 'inner' });
    const model = new Sequential([Input({ shape: [1100] }), inner, new Dense({ units: 2 })]);
    const x = randomNormal([2, 1100]);
    await saveModel(model, join(root, 'big'));
    const json = JSON.parse(await readFile(join(root, 'big', 'model.json'), 'utf8'));
    expect(json.weightsManifest[0].paths).toEqual((await readdir(join(root, 'big'))).filter((n) => n.endsWith('.bin')));
    expect(await plainEntries(join(root, 'big'))).toEqual([
      'group1-shard1of2.bin',
      'group1-shard2of2.bin',
      'model.json',
    ]);
    expect((await readFile(await shardPath(join(root, 'big'), 'group1-shard1of2.bin'))).byteLength).toBe(
      4 * 1024 * 1024,
    );
    const loaded = await loadModel(join(root, 'big'));
    expect(loaded.layers[0]).toBeInstanceOf(Model);
    expect(values(loaded.apply(x))).toEqual(values(model.apply(x)));
  });

  test('a subclassed model has no topology to save, but its weights save and load', async () => {
    class Scorer extends Model {
      readonly hidden = new Dense({ units: 3, activation: 'relu' });
      readonly score = new Dense({ units: 1 });
      override call(x: Tensor | Tensor[]): Tensor {
        return this.score.apply(this.hidden.apply(x as Tensor));
      }
    }
    const x = randomNormal([2, 4]);
    const model = new Scorer();
    model.apply(x);
    await expect(saveModel(model, join(root, 'sub'))).rejects.toThrow(
      /subclassed model has no config; save its weights/,
    );
    await saveWeights(model, join(root, 'sub-weights'));
    const again = new Scorer();
    again.apply(x);
    await loadWeights(again, join(root, 'sub-weights'));
    expect(values(again.apply(x))).toEqual(values(model.apply(x)));
    await expect(loadWeights(new Scorer(), join(root, 'sub-weights'))).rejects.toThrow(
      /the model has no weights yet: build it/,
    );
  });

  test('model.json holds the Keras topology TF.js writes and the manifest in weight order', async () => {
    const model = cnn();
    await saveModel(model, join(root, 'cnn'));
    const json = JSON.parse(await readFile(join(root, 'cnn', 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.generatedBy).toMatch(/^Horn @horn\/models v/);
    expect(json.convertedBy).toBeNull();
    expect(json.modelTopology.class_name).toBe('Sequential');
    const layers = json.modelTopology.config.layers;
    expect(layers[1]).toMatchObject({
      class_name: 'Conv2D',
      config: { kernel_size: [3, 3], data_format: 'channels_last', activation: 'relu', use_bias: true },
    });
    expect(layers[4].config.kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.01 } });
    expect(layers[5].config.alpha).toBe(0.2);
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual(
      model.weights.map((w) => w.name),
    );
  });

  test('toJSON / modelFromJSON rebuild the architecture with fresh weights', () => {
    const model = twoInputModel();
    const json = modelToJSON(model);
    expect(JSON.parse(json)).toMatchObject({
      class_name: 'Model',
      keras_version: expect.stringMatching(/^horn-models/),
    });
    for (const copy of [
      modelFromJSON(json),
      modelFromJSON(JSON.parse(json)),
      modelFromJSON({ modelTopology: JSON.parse(json) }),
    ]) {
      expect(copy.getConfig()).toEqual(model.getConfig());
      expect(copy.weights.map((w) => w.shape)).toEqual(model.weights.map((w) => w.shape));
    }
    expect(() => modelFromJSON('{"class_name": "Model"')).toThrow(/modelFromJSON: the text is not valid JSON/);
    expect(() => modelFromJSON({ class_name: 'Dense', config: { units: 1 } })).toThrow(/class 'Dense' is not a model/);
  });

  test('any IOHandler (save(artifacts) / load()) plugs in', async () => {
    let stored: ModelArtifacts | undefined;
    const memory: IOHandler = {
      save: async (artifacts) => {
        stored = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      },
      load: async () => stored as ModelArtifacts,
    };
    const model = cnn();
    const x = randomNormal([1, 6, 6, 1]);
    await saveModel(model, memory);
    expect(stored?.weightSpecs?.length).toBe(model.weights.length);
    expect(values((await loadModel(memory)).apply(x))).toEqual(values(model.apply(x)));
    await expect(saveModel(model, { load: memory.load })).rejects.toThrow(/the IOHandler has no save\(\) method/);
    await expect(saveModel(model, 'indexeddb://m')).rejects.toThrow(/'indexeddb:\/\/m': this runtime has no IndexedDB/);
    await expect(loadModel('downloads://m')).rejects.toThrow(/'downloads:\/\/' can only save/);
    await expect(saveModel(model, 'localstorage://m')).rejects.toThrow(/use 'indexeddb:\/\/'/);
    await expect(loadModel('ftp://host/model.json')).rejects.toThrow(/unknown URL scheme/);
  });
});

describe('the Model methods', () => {
  test('model.save / toJSON / saveWeights / loadWeights delegate to the saving functions', async () => {
    const model = cnn();
    randomizeWeights(model);
    const x = randomNormal([1, 6, 6, 1]);
    const result = await model.save(join(root, 'm'));
    expect(result.modelArtifactsInfo.modelTopologyType).toBe('JSON');
    expect(values((await loadModel(join(root, 'm'))).apply(x))).toEqual(values(model.apply(x)));
    expect(model.toJSON()).toBe(modelToJSON(model));
    expect(JSON.parse(JSON.stringify({ model }))).toEqual({ model: modelToJSON(model) });
    await model.saveWeights(join(root, 'w'));
    const copy = modelFromJSON(model.toJSON());
    await copy.loadWeights(join(root, 'w'));
    expect(values(copy.apply(x))).toEqual(values(model.apply(x)));
    await expect(model.save(join(root, 'm'), { overwrite: false })).rejects.toThrow(/overwrite is false/);
  });
});

describe('saveWeights / loadWeights', () => {
  test('weights go into another instance of the architecture, by name or by order', async () => {
    const model = twoInputModel();
    randomizeWeights(model);
    const inputs = [randomNormal([2, 3]), randomNormal([2, 2])];
    await saveWeights(model, join(root, 'w'));
    expect(await plainEntries(join(root, 'w'))).toEqual(['group1-shard1of1.bin', 'weights.json']);
    const sameNames = modelFromJSON(modelToJSON(model));
    await loadWeights(sameNames, join(root, 'w'));
    expect(values(sameNames.apply(inputs))).toEqual(values(model.apply(inputs)));
    // A model built from scratch gets other automatic names (dense_3, ...): weights go by order.
    const sequential = cnn();
    randomizeWeights(sequential);
    await saveWeights(sequential, join(root, 'cnn'));
    const other = cnn();
    expect(other.weights[0].name).not.toBe(sequential.weights[0].name);
    await loadWeights(other, join(root, 'cnn'));
    const x = randomNormal([1, 6, 6, 1]);
    expect(values(other.apply(x))).toEqual(values(sequential.apply(x)));
  });

  test('loadWeights reads a full model save, and refuses weights that do not fit', async () => {
    const model = cnn();
    randomizeWeights(model);
    await saveModel(model, join(root, 'full'));
    const copy = cnn();
    await loadWeights(copy, join(root, 'full'));
    expect(values(copy.getWeights())).toEqual(values(model.getWeights()));
    const before = values(copy.getWeights());
    await expect(loadWeights(twoInputModel(), join(root, 'full'))).rejects.toThrow(ModelFileError);
    await expect(loadWeights(twoInputModel(), join(root, 'full'))).rejects.toThrow(/it has 6 weights, the file 10/);
    const wider = new Sequential([Input({ shape: [6, 6, 1] }), new Conv2D({ filters: 4, kernelSize: 3 })]);
    const small = new Sequential([Input({ shape: [6, 6, 1] }), new Conv2D({ filters: 3, kernelSize: 3 })]);
    await saveWeights(small, join(root, 'small'));
    await expect(loadWeights(wider, join(root, 'small'))).rejects.toThrow(
      /has shape \[3,3,1,3\] in the file, but the model's .* has shape \[3,3,1,4\]/,
    );
    expect(values(copy.getWeights())).toEqual(before);
  });
});

describe('saves through a handler with a failing disk', () => {
  test('the previous model save stays loadable', async () => {
    const { nodeFileSystem } = await import('./index.js');
    const fs = await nodeFileSystem();
    const model = cnn();
    const dir = join(root, 'm');
    await saveModel(model, dir);
    const failing = fileSystemHandler(dir, {
      fileSystem: { ...fs, writeFile: async () => Promise.reject(new Error('EIO: i/o error')) },
    });
    await expect(saveModel(cnn(), failing)).rejects.toThrow(/could not write .*EIO/);
    const x = randomNormal([1, 6, 6, 1]);
    expect(values((await loadModel(dir)).apply(x))).toEqual(values(model.apply(x)));
    expect(await readdir(root)).toEqual(['m']);
  });
});
