import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input, Layer, type SymbolicTensor } from '@horn/layers';
import { MeanAbsoluteError } from '@horn/metrics';
import { Adam } from '@horn/optimizers';
import { memory, setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  EarlyStopping,
  loadModel,
  Model,
  type ModelArtifacts,
  modelArtifacts,
  modelFromJSON,
  Sequential,
  saveModel,
} from '../index.js';

// Hostile and careless inputs to saving, loading and dispose (issue 14): each case says what held.

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-hostile-'));
  setSeed(14);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const x = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
    [0, -1, 2],
  ]);
const y = () => tensor([[1], [0], [1]]);
const net = () => new Sequential([Input({ shape: [3] }), new Dense({ units: 4 }), new Dense({ units: 1 })]);

async function trained(optimizer: 'adam' | Adam): Promise<Sequential> {
  const model = net();
  model.compile({ optimizer, loss: 'mse', metrics: ['mae'] });
  const [xs, ys] = [x(), y()];
  await model.fit(xs, ys, { epochs: 2, batchSize: 2, verbose: 0 });
  xs.dispose();
  ys.dispose();
  return model;
}

describe('model.dispose() frees everything the model owns', () => {
  for (const kind of ['a name (compile makes the optimizer)', 'an Adam the caller made'] as const) {
    test(`Adam after fit, given as ${kind}`, async () => {
      const before = memory();
      const adam = kind.startsWith('a name') ? 'adam' : new Adam({ learningRate: 0.01 });
      const model = await trained(adam);
      // 4 weights, Adam's 2 slots for each of them.
      expect(memory().numTensors).toBeGreaterThanOrEqual(before.numTensors + 4 + 8);
      model.dispose();
      expect(memory()).toMatchObject({ numTensors: before.numTensors, numBytes: before.numBytes });
      if (adam instanceof Adam) expect(adam.getWeightNames()).toEqual(['iter']);
    });
  }

  test("a shared optimizer keeps the other model's slots", async () => {
    const adam = new Adam();
    const [first, second] = [await trained(adam), await trained(adam)];
    const secondSlots = adam.getWeightNames().length - 1;
    first.dispose();
    expect(adam.getWeightNames().length - 1).toBe(secondSlots / 2);
    const [xs, ys] = [x(), y()];
    await second.fit(xs, ys, { epochs: 1, verbose: 0 });
    second.dispose();
    expect(adam.getWeightNames()).toEqual(['iter']);
  });
});

describe('a refused load frees what it built', () => {
  const tamper: Record<string, (a: ModelArtifacts) => ModelArtifacts> = {
    'an optimizer slot of the wrong shape': (a) => {
      const specs = structuredClone(a.weightSpecs!);
      specs[specs.length - 1].shape = [1, 1];
      return { ...a, weightSpecs: specs };
    },
    'an unknown optimizer': (a) => ({
      ...a,
      trainingConfig: { ...a.trainingConfig!, optimizer_config: { class_name: 'Nope', config: {} } },
    }),
    'a layer that cannot be built': (a) => {
      const t = structuredClone(a.modelTopology) as { config: { layers: { config: { units: number } }[] } };
      t.config.layers[2].config.units = -3;
      return { ...a, modelTopology: t };
    },
    'weight data too short': (a) => ({ ...a, weightData: (a.weightData as ArrayBuffer).slice(0, 8) }),
  };
  for (const [name, change] of Object.entries(tamper)) {
    test(name, async () => {
      const model = await trained(new Adam());
      const bad = change(modelArtifacts(model));
      model.dispose();
      const before = memory();
      await expect(loadModel({ load: async () => bad })).rejects.toThrow(/the IOHandler: /);
      expect(memory()).toMatchObject({ numTensors: before.numTensors, numBytes: before.numBytes });
    });
  }
});

class Unserializable extends Layer {
  static override readonly className: string = 'Unserializable';
  override call(input: Tensor): Tensor {
    return input;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), when: 10n };
  }
}

describe('a failed save leaves the previous model intact', () => {
  async function savedModel(dir: string): Promise<{ prediction: number[]; entries: string[] }> {
    const model = await trained('adam');
    await saveModel(model, dir);
    const xs = x();
    const prediction = [...(model.predict(xs) as Tensor).dataSync()];
    xs.dispose();
    model.dispose();
    return { prediction, entries: (await readdir(dir)).sort() };
  }
  async function expectIntact(dir: string, saved: { prediction: number[]; entries: string[] }): Promise<void> {
    expect((await readdir(dir)).sort()).toEqual(saved.entries);
    const loaded = await loadModel(dir);
    const xs = x();
    expect([...(loaded.predict(xs) as Tensor).dataSync()]).toEqual(saved.prediction);
    xs.dispose();
    loaded.dispose();
  }

  test('a layer whose config cannot be written', async () => {
    const dir = join(root, 'm');
    const saved = await savedModel(dir);
    const model = new Sequential([Input({ shape: [3] }), new Unserializable(), new Dense({ units: 1 })]);
    await expect(saveModel(model, dir)).rejects.toThrow(/BigInt/);
    await expectIntact(dir, saved);
  });

  test('a path through a file, and a path that is a file', async () => {
    const dir = join(root, 'm');
    const saved = await savedModel(dir);
    await writeFile(join(root, 'file'), 'x');
    await expect(saveModel(net(), join(root, 'file', 'm'))).rejects.toThrow(/saveModel: could not write/);
    await expect(saveModel(net(), join(dir, 'model.json'))).rejects.toThrow(/is a file/);
    await expectIntact(dir, saved);
  });
});

// Names that Object.prototype holds must be unknown ids or absent entries, never its properties.
describe('lookups by name use own keys only', () => {
  test("compile({ optimizer: 'constructor' }), a loss 'toString', a metric '__proto__': unknown ids", () => {
    const model = net();
    expect(() => model.compile({ optimizer: 'constructor', loss: 'mse' })).toThrow(
      /getOptimizer: unknown optimizer id 'constructor'; valid ids: 'sgd', 'rmsprop', 'adam'/,
    );
    expect(() => model.compile({ optimizer: 'sgd', loss: 'toString' })).toThrow(
      /getLoss: unknown loss 'toString'; valid ids are mean_squared_error/,
    );
    expect(() => model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['__proto__'] })).toThrow(
      /getMetric: unknown metric '__proto__'; valid ids are accuracy/,
    );
  });

  test("an optimizer 'constructor' in a saved training config is refused by name", async () => {
    const model = await trained('adam');
    const artifacts = modelArtifacts(model);
    model.dispose();
    const bad = {
      ...artifacts,
      trainingConfig: { ...artifacts.trainingConfig!, optimizer_config: { class_name: 'constructor', config: {} } },
    };
    await expect(loadModel({ load: async () => bad })).rejects.toThrow(/unknown optimizer class name 'constructor'/);
  });

  function twoOutputs(second: string): Model {
    const input = Input({ shape: [3], name: 'constructor' });
    const a = new Dense({ units: 1, name: 'a' }).apply(input) as SymbolicTensor;
    const b = new Dense({ units: 1, name: second }).apply(input) as SymbolicTensor;
    return new Model({ inputs: input, outputs: [a, b] });
  }

  for (const second of ['toString', 'constructor_', 'valueOf', 'hasOwnProperty']) {
    test(`an output named '${second}' left out of per-output records gets no loss, weight or metric`, async () => {
      const model = twoOutputs(second);
      model.compile({ optimizer: 'sgd', loss: { a: 'mse' }, lossWeights: { a: 2 }, metrics: { a: ['mae'] } });
      const xs = { constructor: x() };
      const history = await model.fit(xs, [y(), y()], {
        epochs: 1,
        verbose: 0,
        sampleWeight: { a: tensor([1, 1, 1]) },
      });
      expect(Object.keys(history.history).sort()).toEqual(['a_loss', 'a_mae', 'loss']);
      expect(history.history.loss[0]).toBeCloseTo(2 * history.history.a_loss[0], 5);
      model.dispose();
    });
  }

  test("an input named 'constructor' missing from a record of inputs", async () => {
    const model = twoOutputs('b');
    expect(() => model.predict({} as never)).toThrow(/\['constructor'\] must be a Tensor, got undefined/);
  });

  test("a metric named '__proto__' is logged under that name; a monitor 'constructor' is not available", async () => {
    const model = net();
    model.compile({ optimizer: 'sgd', loss: 'mse', metrics: [new MeanAbsoluteError({ name: '__proto__' })] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = new EarlyStopping({ monitor: 'constructor', patience: 0 });
    const history = await model.fit(x(), y(), { epochs: 3, verbose: 0, callbacks: [stop] });
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(Object.hasOwn(history.history, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(history.history)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(history.history, '__proto__')?.value).toHaveLength(3);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/conditioned on metric 'constructor', which is not available/),
    );
    warn.mockRestore();
  });
});

describe('deep nesting', () => {
  test('a model nested 12,000 deep in a model.json gives a depth-limit error, not a stack overflow', async () => {
    const depth = 12_000;
    let text = '{"class_name":"Sequential","config":{"name":"leaf","layers":[]}}';
    for (let i = 0; i < depth; i++) text = `{"class_name":"Sequential","config":{"name":"m${i}","layers":[${text}]}}`;
    expect(() => modelFromJSON(text)).toThrow(/modelFromJSON: the topology nests deeper than 1000 levels/);
    const artifacts = { modelTopology: JSON.parse(text), weightSpecs: [], weightData: new ArrayBuffer(0) };
    await expect(loadModel({ load: async () => artifacts })).rejects.toThrow(/nests deeper than 1000 levels/);
    const cyclic: Record<string, unknown> = { class_name: 'Sequential', config: { name: 'c', layers: [] } };
    (cyclic.config as { layers: unknown[] }).layers.push(cyclic);
    expect(() => modelFromJSON(cyclic)).toThrow(/nests deeper than 1000 levels \(or is cyclic\)/);
  });

  test('a model nested 6 deep still loads', () => {
    let model: Model = net();
    for (let i = 0; i < 6; i++) model = new Sequential([Input({ shape: [3] }), model]);
    const copy = modelFromJSON(model.toJSON());
    expect(copy.countParams()).toBe(model.countParams());
  });
});
