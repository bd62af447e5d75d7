import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdditiveAttention, Attention, Dense, Input, LayerNormalization, MultiHeadAttention } from '@horn/layers';
import { randomUniform, setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, Model, saveModel } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-attention-'));
  setSeed(11);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A functional model with every attention layer; the decoder-style MHA call is causal. */
function attentionModel(): Model {
  const query = Input({ shape: [4, 6], name: 'query' });
  const value = Input({ shape: [5, 6], name: 'value' });
  const selfAttention = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 2, name: 'self' });
  let x = selfAttention.apply([query, query], { useCausalMask: true });
  x = new LayerNormalization().apply(x);
  const cross = new MultiHeadAttention({ numHeads: 3, keyDim: 2, outputShape: 6, kernelRegularizer: 'l2' }).apply([
    x,
    value,
  ]);
  const dot = new Attention({ useScale: true, scoreMode: 'concat' }).apply([cross, value]);
  const additive = new AdditiveAttention({ dropout: 0.1, seed: 3 }).apply([dot, value, value]);
  const outputs = new Dense({ units: 2 }).apply(additive);
  return new Model({ inputs: [query, value], outputs, name: 'attention_model' });
}

describe('attention layers save and load (TF.js Layers format)', () => {
  test('config, weights and predictions round-trip exactly, the causal call included', async () => {
    const model = attentionModel();
    model.setWeights(model.weights.map((w) => randomUniform(w.shape, { min: -0.5, max: 0.5 })));
    const inputs = [randomUniform([2, 4, 6]), randomUniform([2, 5, 6])];
    const before = model.predict(inputs) as Tensor;
    const dir = join(root, 'attention');
    await saveModel(model, dir);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    const text = JSON.stringify(json);
    expect(text).toContain('"class_name":"MultiHeadAttention"');
    expect(text).toContain('"use_causal_mask":true');
    const loaded = await loadModel(dir);
    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect(loaded.weights.map((w) => w.name)).toEqual(model.weights.map((w) => w.name));
    const after = loaded.predict(inputs) as Tensor;
    expect([...after.dataSync()]).toEqual([...before.dataSync()]);
  });

  test('a reloaded causal self-attention still cannot see the future', async () => {
    const x = Input({ shape: [4, 3] });
    const y = new MultiHeadAttention({ numHeads: 2, keyDim: 2 }).apply([x, x], { useCausalMask: true });
    const model = new Model({ inputs: x, outputs: y });
    const dir = join(root, 'causal');
    await saveModel(model, dir);
    const loaded = await loadModel(dir);
    const a = tensor([
      [
        [1, 2, 3],
        [0, 1, 0],
        [2, 0, 1],
        [1, 1, 1],
      ],
    ]);
    const b = tensor([
      [
        [1, 2, 3],
        [0, 1, 0],
        [2, 0, 1],
        [-5, 3, 9],
      ],
    ]); // only the last step differs
    const [ya, yb] = [a, b].map((t) => (loaded.predict(t) as Tensor).arraySync() as number[][][]);
    expect(ya[0].slice(0, 3)).toEqual(yb[0].slice(0, 3));
    expect(ya[0][3]).not.toEqual(yb[0][3]);
  });
});
