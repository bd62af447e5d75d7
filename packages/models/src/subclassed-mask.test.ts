import { readFileSync } from 'node:fs';
import { Dense, Embedding, getKerasMask, Input, LSTM } from '@horn/layers';
import { type NestedArray, type Tensor, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model } from './index.js';

// Keras 3 (JAX) goldens: packages/models/fixtures/make-subclassed-mask.py.
const golden = JSON.parse(
  readFileSync(new URL('./fixtures/subclassed-mask-goldens.json', import.meta.url), 'utf8'),
) as {
  embeddings: NestedArray;
  lstmWeights: NestedArray[];
  input: number[][];
  symbolicHasMask: boolean;
  passThroughSymbolicHasMask: boolean;
  eagerMask: boolean[][];
  predict: NestedArray;
  unmasked: NestedArray;
};

class Sub extends Model {
  emb = new Embedding({ inputDim: 5, outputDim: 3, maskZero: true });
  override call(x: Tensor): Tensor {
    return this.emb.apply(x);
  }
}

class Plain extends Model {
  dense = new Dense({ units: 2 });
  override call(x: Tensor): Tensor {
    return this.dense.apply(x);
  }
}

function expectClose(got: Tensor, want: NestedArray): void {
  const w = tensor(want);
  expect(got.shape).toEqual(w.shape);
  const [a, b] = [got.dataSync(), w.dataSync()];
  a.forEach((v, i) => {
    expect(v).toBeCloseTo(b[i], 5);
  });
}

describe('the mask of a subclassed model, as Keras 3', () => {
  test('its symbolic output has no mask, its eager output has its call mask, and a functional model uses it', () => {
    const input = Input({ shape: [4], dtype: 'int32' });
    const sub = new Sub();
    const h = sub.apply(input);
    // Keras traces the call for the output spec: no mask on the symbolic output.
    expect(h.hasMask).toBe(golden.symbolicHasMask);
    expect(h.hasMask).toBe(false);
    const lstm = new LSTM({ units: 2 });
    const model = new Model({ inputs: input, outputs: lstm.apply(h) });
    sub.emb.setWeights([tensor(golden.embeddings)]);
    lstm.setWeights(golden.lstmWeights.map((w) => tensor(w)));
    const x = tensor(golden.input, undefined, 'int32');
    const eager = sub.apply(x);
    expect(getKerasMask(eager)?.arraySync()).toEqual(golden.eagerMask.map((row) => row.map(Number)));
    // The eager mask reaches the LSTM when the functional model runs (masked, not the unmasked numbers).
    expectClose(model.predictOnBatch(x) as Tensor, golden.predict);
    expectClose(model.apply(x) as Tensor, golden.predict);
    expectClose(lstm.apply(eager.clone()) as Tensor, golden.unmasked);
    expect(Math.abs((golden.predict as number[][])[0][0] - (golden.unmasked as number[][])[0][0])).toBeGreaterThan(
      0.01,
    );
  });

  test('a subclassed model on a masked symbolic input gives no symbolic mask either', () => {
    const masked = new Embedding({ inputDim: 5, outputDim: 3, maskZero: true }).apply(
      Input({ shape: [4], dtype: 'int32' }),
    );
    expect(masked.hasMask).toBe(true);
    expect(new Plain().apply(masked).hasMask).toBe(golden.passThroughSymbolicHasMask);
  });
});
