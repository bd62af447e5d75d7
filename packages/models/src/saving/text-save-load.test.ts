import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Dense,
  Embedding,
  GlobalAveragePooling1D,
  Input,
  IntegerLookup,
  StringLookup,
  TextVectorization,
} from '@horn/layers';
import { setSeed, type Tensor, tensor } from '@horn/tensor';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadModel, Model, Sequential, saveModel } from '../index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'horn-text-'));
  setSeed(5);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const texts = ['Great phone, great price!', 'The worst purchase ever.', 'Not great, not bad', 'I love it'];

/** Raw text in, a probability out: TextVectorization inside the model. */
function textModel(outputMode: 'int' | 'tf_idf'): Model {
  const vectorize = new TextVectorization(
    outputMode === 'int' ? { maxTokens: 20, outputSequenceLength: 5 } : { maxTokens: 12, outputMode, ngrams: 2 },
  );
  vectorize.adapt(texts);
  const input = Input({ shape: [1], dtype: 'string', name: 'text' });
  let x = vectorize.apply(input);
  if (outputMode === 'int') {
    x = new Embedding({ inputDim: vectorize.vocabularySize(), outputDim: 3 }).apply(x);
    x = new GlobalAveragePooling1D().apply(x);
  }
  return new Model({ inputs: input, outputs: new Dense({ units: 1, activation: 'sigmoid' }).apply(x) });
}

describe('the vocabulary layers save and load inside a model (TF.js Layers format)', () => {
  test.each(['int', 'tf_idf'] as const)(
    'a model on raw text (%s) predicts the same after a round trip',
    async (mode) => {
      const model = textModel(mode);
      const batch = tensor([['great price'], ['worst phone ever'], ['unseen words only']]);
      const before = model.predict(batch) as Tensor;
      const dir = join(root, mode);
      await saveModel(model, dir);
      const json = await readFile(join(dir, 'model.json'), 'utf8');
      expect(json).toContain('"class_name":"TextVectorization"');
      expect(json).toContain('"great"'); // the learned vocabulary travels in the config
      const loaded = await loadModel(dir);
      expect(loaded.getConfig()).toEqual(model.getConfig());
      expect([...(loaded.predict(batch) as Tensor).dataSync()]).toEqual([...before.dataSync()]);
    },
  );

  test('StringLookup and IntegerLookup models round-trip', async () => {
    const s = Input({ shape: [2], dtype: 'string' });
    const lookup = new StringLookup({ outputMode: 'multi_hot' });
    lookup.adapt([
      ['red', 'blue'],
      ['red', 'green'],
    ]);
    const i = Input({ shape: [2], dtype: 'int32' });
    const ints = new IntegerLookup({ vocabulary: [3, 5, 7], outputMode: 'count', numOovIndices: 2 });
    const model = new Model({ inputs: [s, i], outputs: [lookup.apply(s), ints.apply(i)] });
    const inputs = [tensor([['red', 'pink']]), tensor([[5, 8]], undefined, 'int32')];
    const before = (model.predict(inputs) as Tensor[]).map((t) => t.arraySync());
    expect(before).toEqual([[[1, 1, 0, 0]], [[1, 0, 0, 1, 0]]]);
    await saveModel(model, join(root, 'lookups'));
    const loaded = await loadModel(join(root, 'lookups'));
    expect((loaded.predict(inputs) as Tensor[]).map((t) => t.arraySync())).toEqual(before);
  });

  test('a Sequential model that starts with TextVectorization takes strings and round-trips', async () => {
    const vectorize = new TextVectorization({ outputSequenceLength: 4 });
    vectorize.adapt(texts);
    const model = new Sequential([
      vectorize,
      new Embedding({ inputDim: vectorize.vocabularySize(), outputDim: 2 }),
      new GlobalAveragePooling1D(),
      new Dense({ units: 1 }),
    ]);
    const before = model.predict(['great phone', 'worst']) as Tensor;
    expect(before.shape).toEqual([2, 1]);
    await saveModel(model, join(root, 'sequential'));
    const loaded = await loadModel(join(root, 'sequential'));
    expect([...(loaded.predict(['great phone', 'worst']) as Tensor).dataSync()]).toEqual([...before.dataSync()]);
  });
});
