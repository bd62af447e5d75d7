import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Embedding, getActivation, type LSTM } from '@horn/layers';
import { type Tensor, tensor } from '@horn/tensor';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { loadModel, modelFromJSON, saveModel } from '../index.js';
import { legacyActivations, writesLegacyHardSigmoid } from './legacy-activations.js';

// Made by packages/models/fixtures/make-tfjs-masked-lstm.mjs: Embedding(maskZero) -> LSTM -> Dense
// saved by @tensorflow/tfjs 4.22 with its own save, and TF.js' predictions.
const dir = fileURLToPath(new URL('./fixtures/tfjs-masked-lstm/', import.meta.url));
const golden = JSON.parse(readFileSync(`${dir}predictions.json`, 'utf8')) as Record<
  'full' | 'padded' | 'unpadded',
  { inputs: number[][]; predictions: number[] }
> & { tfjs: string };

function maxDiff(got: ArrayLike<number>, want: readonly number[]): number {
  expect(got.length).toBe(want.length);
  let d = 0;
  for (let i = 0; i < want.length; i++) d = Math.max(d, Math.abs(got[i] - want[i]));
  return d;
}

describe("'hard_sigmoid' means what its writer computed", () => {
  test("TF.js' and Keras 2's is clip(0.2x + 0.5, 0, 1): legacyHardSigmoid, equal to TF.js' own", async () => {
    await tf.setBackend('cpu');
    const xs = [-4, -2.5, -1, -0.3, 0, 0.4, 1, 2.5, 4];
    const layer = tf.layers.activation({ activation: 'hardSigmoid' });
    const want = [...(layer.apply(tf.tensor1d(xs)) as tf.Tensor).dataSync()];
    expect([...getActivation('legacyHardSigmoid')(tensor(xs)).dataSync()].map((v, i) => v - want[i])).toEqual(
      xs.map(() => expect.closeTo(0, 6)),
    );
    // Keras 3's (and Horn's) hard_sigmoid is another function: relu6(x + 3) / 6.
    expect(getActivation('hardSigmoid')(tensor([1])).dataSync()[0]).toBeCloseTo(4 / 6, 6);
  });

  test('the writer is read from keras_version: TF.js and Keras 1 / 2 old, Keras 3 and Horn new', () => {
    expect(['tfjs-layers 4.22.0', '2.15.0', '1.2.2'].map(writesLegacyHardSigmoid)).toEqual([true, true, true]);
    expect(['3.15.0', 'horn-models 0.1.0', undefined].map(writesLegacyHardSigmoid)).toEqual([false, false, false]);
    const lstm = { className: 'LSTM', config: { activation: 'hardSigmoid', recurrentActivation: 'hardSigmoid' } };
    expect(legacyActivations({ layers: [lstm], name: 'hardSigmoid' })).toEqual({
      layers: [
        { className: 'LSTM', config: { activation: 'legacyHardSigmoid', recurrentActivation: 'legacyHardSigmoid' } },
      ],
      name: 'hardSigmoid',
    });
  });

  test("the same file written by Keras 3 keeps Keras 3's hard_sigmoid", () => {
    const json = JSON.parse(readFileSync(`${dir}model.json`, 'utf8'));
    json.modelTopology.keras_version = '3.15.0';
    const model = modelFromJSON(JSON.stringify(json.modelTopology));
    expect((model.layers[1] as LSTM).getConfig().recurrentActivation).toBe('hardSigmoid');
  });
});

describe('a masked LSTM saved by @tensorflow/tfjs 4.22 loads into Horn', () => {
  test('the layers and their options come through', async () => {
    expect(golden.tfjs).toBe('4.22.0');
    const model = await loadModel(`file://${dir}`);
    expect(model.layers.map((l) => l.className)).toEqual(['Embedding', 'LSTM', 'Dense']);
    expect((model.layers[0] as Embedding).getConfig().maskZero).toBe(true);
    // TF.js' LSTM default gate activation, hard_sigmoid in the file, is TF.js' 0.2x + 0.5 one.
    expect((model.layers[1] as LSTM).getConfig().recurrentActivation).toBe('legacyHardSigmoid');
  });

  test('full-length rows (no padding) predict what TF.js predicts, also after Horn saves and reloads it', async () => {
    const model = await loadModel(`file://${dir}`);
    const got = (model.predict(tensor(golden.full.inputs)) as Tensor).dataSync();
    expect(maxDiff(got, golden.full.predictions)).toBeLessThan(1e-5);
    const root = await mkdtemp(join(tmpdir(), 'horn-tfjs-lstm-'));
    try {
      await saveModel(model, join(root, 'again'));
      expect(await readFile(join(root, 'again', 'model.json'), 'utf8')).toContain('"legacy_hard_sigmoid"');
      const again = await loadModel(join(root, 'again'));
      expect([...(again.predict(tensor(golden.full.inputs)) as Tensor).dataSync()]).toEqual([...got]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
