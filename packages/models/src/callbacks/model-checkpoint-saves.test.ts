import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Input } from '@horn/layers';
import { setSeed, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, loadWeights, Sequential } from '../index.js';
import { plainEntries } from '../test-support/shard-names.js';
import { ModelCheckpoint } from './index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-ckpt-'));
  setSeed(5);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const model = () => {
  const m = new Sequential([Input({ shape: [2] }), new Dense({ units: 1 })]);
  m.compile({ optimizer: { className: 'Adam', config: { learningRate: 0.1 } }, loss: 'mse', metrics: ['mae'] });
  return m;
};
const x = () =>
  tensor([
    [1, 2],
    [0, 1],
    [2, -1],
    [1, 1],
  ]);
const y = () => tensor([[1], [0], [2], [1]]);

describe('ModelCheckpoint with real saves', () => {
  test('checkpoints come back compiled with the optimizer state of their epoch (as Keras)', async () => {
    const m = model();
    const ckpt = new ModelCheckpoint(join(root, 'ckpt-{epoch}'));
    // 4 samples in batches of 2: two steps per epoch.
    await m.fit(x(), y(), { epochs: 2, batchSize: 2, shuffle: false, verbose: 0, callbacks: [ckpt] });
    expect(ckpt.saved).toEqual([join(root, 'ckpt-1'), join(root, 'ckpt-2')]);
    const first = await loadModel(join(root, 'ckpt-1'));
    expect(first.compiled?.optimizer.className).toBe('Adam');
    expect(first.compiled?.optimizer.iterations).toBe(2);
    expect(first.compiled?.metricsNames).toEqual(['loss', 'mae']);
    const last = await loadModel(join(root, 'ckpt-2'));
    expect(last.compiled?.optimizer.iterations).toBe(4);
    const [a, b] = [last.compiled!.optimizer.getWeights(), m.compiled!.optimizer.getWeights()];
    expect(a.map((t) => [...t.dataSync()])).toEqual(b.map((t) => [...t.dataSync()]));
  });

  test('saveWeightsOnly writes the weights alone', async () => {
    const m = model();
    const dir = join(root, 'weights');
    await m.fit(x(), y(), {
      epochs: 1,
      batchSize: 2,
      verbose: 0,
      callbacks: [new ModelCheckpoint(dir, { saveWeightsOnly: true })],
    });
    expect(await plainEntries(dir)).toEqual(['group1-shard1of1.bin', 'weights.json']);
    const json = JSON.parse(await readFile(join(dir, 'weights.json'), 'utf8'));
    expect(json.trainingConfig).toBeUndefined();
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual(m.weights.map((v) => v.name));
    const again = model();
    await loadWeights(again, dir);
    expect(again.getWeights().map((t) => [...t.dataSync()])).toEqual(m.getWeights().map((t) => [...t.dataSync()]));
  });

  test('a Keras-style .keras or .weights.h5 filepath is refused when the callback is made', () => {
    expect(() => new ModelCheckpoint('best.keras')).toThrow(
      "ModelCheckpoint: 'best.keras' ends in '.keras', the Keras 3 zip format, which Horn cannot write yet; save to a directory path such as 'best' instead",
    );
    expect(() => new ModelCheckpoint('ckpt-{epoch:02d}.weights.h5', { saveWeightsOnly: true })).toThrow(
      /ends in '\.h5'.*such as 'ckpt-\{epoch:02d\}' instead: it gets weights\.json/,
    );
  });
});
