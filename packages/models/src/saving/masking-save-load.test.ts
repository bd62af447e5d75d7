import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Concatenate, Dense, Embedding, GlobalAveragePooling1D, getKerasMask, Input, Masking } from '@horn/layers';
import { setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, Model, Sequential, saveModel } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-masking-'));
  setSeed(5);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('masked models save and load (TF.js Layers format)', () => {
  test('Masking -> Dense and Embedding(maskZero) -> Dense, joined on time, pooled: the same predictions and masks', async () => {
    const features = Input({ shape: [null, 2], name: 'features' });
    const words = Input({ shape: [null], dtype: 'int32', name: 'words' });
    const a = new Dense({ units: 3 }).apply(new Masking({ maskValue: -1 }).apply(features));
    const b = new Dense({ units: 3 }).apply(new Embedding({ inputDim: 6, outputDim: 2, maskZero: true }).apply(words));
    const joined = new Concatenate({ axis: 1 }).apply([a, b]);
    const model = new Model({ inputs: [features, words], outputs: new GlobalAveragePooling1D().apply(joined) });
    const inputs = [
      tensor([
        [
          [1, 2],
          [-1, -1],
        ],
        [
          [0.5, 0],
          [3, 1],
        ],
      ]),
      tensor(
        [
          [2, 0, 0],
          [1, 5, 0],
        ],
        [2, 3],
        'int32',
      ),
    ];
    const before = model.predict(inputs) as Tensor;
    const dir = join(root, 'masked');
    await saveModel(model, dir);
    const text = await readFile(join(dir, 'model.json'), 'utf8');
    expect(text).toContain('"class_name":"Masking"');
    expect(text).toContain('"mask_value":-1');
    expect(text).toContain('"mask_zero":true');
    const loaded = await loadModel(dir);
    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect([...(loaded.predict(inputs) as Tensor).dataSync()]).toEqual([...before.dataSync()]);
    // The first sample's padding does not count: it equals the sample cut to its real steps.
    const cut = loaded.predict([tensor([[[1, 2]]]), tensor([[2]], [1, 1], 'int32')]) as Tensor;
    const first = Array.from(before.dataSync().slice(0, 3));
    Array.from(cut.dataSync()).forEach((v, i) => {
      expect(v).toBeCloseTo(first[i], 5);
    });
  });

  test('a Sequential Embedding(maskZero) -> Dense keeps its output mask after load', async () => {
    const model = new Sequential([
      Input({ shape: [4], dtype: 'int32' }),
      new Embedding({ inputDim: 5, outputDim: 3, maskZero: true }),
      new Dense({ units: 2 }),
    ]);
    const dir = join(root, 'seq');
    await saveModel(model, dir);
    const loaded = await loadModel(dir);
    const out = loaded.apply(tensor([[0, 1, 2, 0]], [1, 4], 'int32')) as Tensor;
    expect(getKerasMask(out)?.arraySync()).toEqual([[0, 1, 1, 0]]);
    expect(loaded.outputs[0].hasMask).toBe(true);
  });
});
