import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input, type InputDTypes, Layer, registerClass } from '@horn/layers';
import { type DType, dispose, memory, setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadModel, Model, Sequential, saveModel } from '../index.js';

/** Maps each string to its length / 10: the tiny string-to-number layer of these tests. */
class StringLength extends Layer {
  static override readonly className = 'StringLength';
  readonly inputDTypes: InputDTypes = ['string'];
  override call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    return tensor(
      Float32Array.from(x.dataSync<'string'>(), (s) => s.length / 10),
      x.shape as number[],
    );
  }
  computeOutputDType(): DType {
    return 'float32';
  }
}
registerClass(StringLength);

// Strings longer than 4 characters are class 1.
const words = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh', 'i', 'jj', 'kkkkkkk', 'llllllllll'];
const labels = words.map((w) => [w.length > 4 ? 1 : 0]);

function stringModel(): Model {
  const x = Input({ shape: [1], dtype: 'string', name: 'text' });
  const h = new StringLength({ name: 'length' }).apply(x);
  const y = new Dense({ units: 1, activation: 'sigmoid', name: 'out', kernelInitializer: 'zeros' }).apply(h);
  return new Model({ inputs: x, outputs: y });
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-strings-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('models with string inputs', () => {
  test('fit, evaluate and predict take a string tensor or nested string arrays, and leak nothing', async () => {
    setSeed(1);
    const model = stringModel();
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const x = tensor(words.map((w) => [w]));
    const y = tensor(labels);
    const start = (await model.evaluate(x, y, { verbose: 0 })) as number[];
    await model.fit(x, y, { epochs: 1, validationSplit: 0.25, verbose: 0 }); // builds optimizer slots and metrics
    const before = memory().numTensors;
    const history = await model.fit(x, y, {
      epochs: 60,
      batchSize: 4,
      shuffle: true,
      validationSplit: 0.25,
      verbose: 0,
    });
    const losses = history.history.loss as number[];
    expect(losses.at(-1)).toBeLessThan(losses[0]);
    expect(history.history.val_loss).toHaveLength(60);
    const end = (await model.evaluate(
      words.map((w) => [w]),
      labels,
      { verbose: 0 },
    )) as number[];
    expect(end[0]).toBeLessThan(start[0]);
    const p = model.predict([['abcdefghij'], ['a']], { batchSize: 1 }) as Tensor;
    expect(p.shape).toEqual([2, 1]);
    const [long, short] = p.dataSync();
    expect(long).toBeGreaterThan(short);
    p.dispose();
    const one = tensor([['abcdefghij']]);
    const q = model.predictOnBatch(one) as Tensor;
    expect(q.dataSync()[0]).toBeCloseTo(long, 6);
    dispose([one, q]);
    expect(memory().numTensors).toBe(before);
    x.dispose();
    y.dispose();
  });

  test('a Sequential model whose first layer takes strings builds from string data', () => {
    const model = new Sequential([new StringLength(), new Dense({ units: 1, kernelInitializer: 'ones' })]);
    const out = model.predict(tensor([['abc'], ['a']])) as Tensor;
    expect(out.dataSync()[0]).toBeCloseTo(0.3, 6);
    expect(out.dataSync()[1]).toBeCloseTo(0.1, 6);
  });

  test('saveModel / loadModel round-trip a model whose Input is a string', async () => {
    const model = stringModel();
    model.setWeights([tensor([[2]]), tensor([-1])]);
    const dir = join(root, 'text');
    await saveModel(model, dir);
    const loaded = (await loadModel(dir)) as Model;
    expect(loaded.inputs[0].dtype).toBe('string');
    const config = loaded.getConfig() as { layers: { config: { dtype?: string } }[] };
    expect(config.layers[0].config.dtype).toBe('string');
    const x = tensor([['hello'], ['hi']]);
    expect([...(loaded.predict(x) as Tensor).dataSync()]).toEqual([...(model.predict(x) as Tensor).dataSync()]);
    // A flat string[] goes into Input({ shape: [1] }) as Keras adjusts the rank: [n] -> [n, 1].
    const flat = loaded.predict(['hello', 'hi']) as Tensor;
    expect(flat.shape).toEqual([2, 1]);
    expect([...flat.dataSync()]).toEqual([...(model.predict(x) as Tensor).dataSync()]);
  });
});
