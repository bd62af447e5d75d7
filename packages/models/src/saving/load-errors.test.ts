import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchNormalization,
  Conv2D,
  Dense,
  Flatten,
  Input,
  LeakyReLU,
  MaxPooling2D,
  registerClass,
  unregisterClass,
} from '@horn/layers';
import { setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type IOHandler, loadModel, ModelFileError, modelToJSON, Sequential, saveModel } from '../index.js';
import { shardPath } from '../test-support/shard-names.js';

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

const values = (t: Tensor | Tensor[]) => (Array.isArray(t) ? t : [t]).map((x) => [...x.dataSync()]);
describe('loadModel refuses broken saves before building anything', () => {
  async function saved(): Promise<string> {
    const dir = join(root, 'm');
    await saveModel(cnn(), dir);
    return dir;
  }
  const editJSON = async (
    dir: string,
    edit: (json: {
      modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
      weightsManifest: { weights: unknown[] }[];
    }) => void,
  ) => {
    const file = join(dir, 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    edit(json);
    await writeFile(file, JSON.stringify(json));
  };

  test('a truncated model.json or shard', async () => {
    const dir = await saved();
    const shard = await shardPath(dir, 'group1-shard1of1.bin');
    const bytes = await readFile(shard);
    await writeFile(shard, bytes.subarray(0, bytes.length - 4));
    await expect(loadModel(dir)).rejects.toThrow(/group1-shard1of1\.[0-9a-f]{16}\.bin are too short/);
    await writeFile(shard, bytes);
    const text = await readFile(join(dir, 'model.json'), 'utf8');
    await writeFile(join(dir, 'model.json'), text.slice(0, 100));
    await expect(loadModel(dir)).rejects.toThrow(/model\.json: cannot read the model: it is not valid JSON/);
  });

  test('an unknown layer class names the known ones and the way to register', async () => {
    const dir = await saved();
    await editJSON(dir, (json) => {
      json.modelTopology.config.layers[2].class_name = 'FancyPooling';
    });
    await expect(loadModel(dir)).rejects.toThrow(ModelFileError);
    await expect(loadModel(dir)).rejects.toThrow(
      /unknown layer class 'FancyPooling' \(layer 2 'max_pooling2d.*'\); register custom layers with registerClass\(cls\).*Known layer classes: .*Conv2D.*Dense.*MaxPooling2D.*Sequential/,
    );
  });

  test('a registered custom layer loads', async () => {
    class Doubler extends Dense {
      static override readonly className = 'Doubler';
      override call(x: Tensor): Tensor {
        return super.call(x).mul(2);
      }
    }
    const model = new Sequential([Input({ shape: [2] }), new Doubler({ units: 1 })]);
    await saveModel(model, join(root, 'custom'));
    await expect(loadModel(join(root, 'custom'))).rejects.toThrow(/unknown layer class 'Doubler'/);
    registerClass(Doubler);
    try {
      const loaded = await loadModel(join(root, 'custom'));
      const x = tensor([[1, 2]]);
      expect(values(loaded.apply(x))).toEqual(values(model.apply(x)));
    } finally {
      unregisterClass('Doubler');
    }
  });

  test('a bad layer config, a weight of the wrong shape, a missing weight', async () => {
    const dir = await saved();
    await editJSON(dir, (json) => {
      json.modelTopology.config.layers[4].config.units = -1;
    });
    await expect(loadModel(dir)).rejects.toThrow(
      /m\/model\.json: cannot build the model: Dense: units must be a positive integer, got -1/,
    );
    await saved();
    await editJSON(dir, (json) => {
      json.modelTopology.config.layers[4].config.units = 9;
    });
    await expect(loadModel(dir)).rejects.toThrow(
      /weight 'dense(_\d+)?\/kernel' has shape \[12,8\] in the file, but the model's/,
    );
    await saved();
    await editJSON(dir, (json) => {
      json.weightsManifest[0].weights.pop();
    });
    await expect(loadModel(dir)).rejects.toThrow(/too long/);
  });

  test('a graph model, a topology without weights', async () => {
    const model = cnn();
    const graph: IOHandler = { load: async () => ({ modelTopology: new ArrayBuffer(4), format: 'graph-model' }) };
    await expect(loadModel(graph)).rejects.toThrow(/the IOHandler: this is a TF.js graph model/);
    const bare: IOHandler = { load: async () => ({ modelTopology: JSON.parse(modelToJSON(model)) }) };
    await expect(loadModel(bare)).rejects.toThrow(/has no weights \(use modelFromJSON/);
  });
});
