import { readFileSync } from 'node:fs';
import { type Tensor, tensor, ValueError } from '@horn/tensor';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  Add,
  Concatenate,
  Conv1D,
  Dense,
  Dot,
  Embedding,
  Flatten,
  GlobalAveragePooling1D,
  GlobalMaxPooling1D,
  getKerasMask,
  Input,
  Layer,
  layerCases,
  Masking,
  MaxPooling1D,
  setKerasMask,
} from '../index.js';

const ids = (rows: number[][]) => tensor(rows, [rows.length, rows[0].length], 'int32');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('masks ride on tensors (Keras _keras_mask)', () => {
  test('setKerasMask / getKerasMask; null clears; a mask must be bool', () => {
    const x = tensor([[1, 2]]);
    expect(getKerasMask(x)).toBeNull();
    setKerasMask(x, tensor([[true, false]], [1, 2], 'bool'));
    expect(getKerasMask(x)?.arraySync()).toEqual([[1, 0]]);
    setKerasMask(x, null);
    expect(getKerasMask(x)).toBeNull();
    expect(() => setKerasMask(x, tensor([[1, 0]]))).toThrow(/a mask must be a bool tensor, got dtype 'float32'/);
  });

  test('Embedding({ maskZero }) puts its mask on its output; Dense passes it on; Flatten drops it with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const emb = new Embedding({ inputDim: 5, outputDim: 3, maskZero: true });
    const e = emb.apply(ids([[0, 2, 3]]));
    expect(getKerasMask(e)?.arraySync()).toEqual([[0, 1, 1]]);
    const d = new Dense({ units: 2 }).apply(e);
    expect(getKerasMask(d)?.arraySync()).toEqual([[0, 1, 1]]);
    const flatten = new Flatten({ name: 'flat' });
    const f = flatten.apply(d);
    flatten.apply(d);
    expect(getKerasMask(f)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/Layer 'flat' \(of type Flatten\) was passed an input with a mask/);
  });

  test('Embedding without maskZero does not support masking (Keras: supports_masking = mask_zero)', () => {
    expect(new Embedding({ inputDim: 3, outputDim: 2 }).supportsMasking).toBe(false);
    expect(new Embedding({ inputDim: 3, outputDim: 2, maskZero: true }).supportsMasking).toBe(true);
  });

  test('call receives the carried mask; an explicit mask wins', () => {
    const seen: (Tensor | null | undefined)[] = [];
    class Spy extends Layer {
      static override readonly className = 'Spy';
      override call(x: Tensor | Tensor[], options: { mask?: unknown }): Tensor {
        seen.push(options.mask as Tensor | undefined);
        return x as Tensor;
      }
    }
    const x = tensor([[[1], [0]]]);
    setKerasMask(x, tensor([[true, false]], [1, 2], 'bool'));
    const spy = new Spy();
    spy.apply(x);
    spy.apply(x, { mask: tensor([[false, true]], [1, 2], 'bool') });
    spy.apply(tensor([[[1], [0]]]));
    expect(seen[0]?.arraySync()).toEqual([[1, 0]]);
    expect(seen[1]?.arraySync()).toEqual([[0, 1]]);
    expect(seen[2]).toBeUndefined();
  });

  test('a class that overrides computeMask supports masking by default (Keras 3)', () => {
    class Halve extends Layer {
      static override readonly className = 'Halve';
      override call(x: Tensor | Tensor[]): Tensor {
        return (x as Tensor).mul(0.5);
      }
      override computeMask(): Tensor {
        return tensor([[true, true]], [1, 2], 'bool');
      }
    }
    const layer = new Halve();
    expect(layer.supportsMasking).toBe(true);
    expect(getKerasMask(layer.apply(tensor([[[1], [2]]])))?.arraySync()).toEqual([[1, 1]]);
  });

  test('a mask that is not a tensor: a ValueError', () => {
    expect(() => new Masking().apply(tensor([[[1]]]), { mask: 3 as never })).toThrow(ValueError);
    expect(() => new Masking({ name: 'm' }).apply(tensor([[[1]]]), { mask: 3 as never })).toThrow(
      "Masking 'm': mask must be a bool Tensor or null, got number",
    );
  });
});

describe('supportsMasking is exactly Keras 3 supports_masking', () => {
  test('for every layer class both have (the recurrent and wrapper layers are tested with them)', () => {
    const keras = (
      JSON.parse(readFileSync(new URL('./fixtures/masking-goldens.json', import.meta.url), 'utf8')) as {
        supportsMasking: Record<string, boolean>;
      }
    ).supportsMasking;
    const ours: Record<string, boolean> = {};
    for (const k of layerCases()) {
      if (k.cls.className in keras && !(k.cls.className in ours)) {
        ours[k.cls.className] = new (k.cls as unknown as new (c: unknown) => Layer)(k.options().config).supportsMasking;
      }
    }
    expect(Object.keys(ours).length).toBe(Object.keys(keras).length);
    expect(ours).toEqual(keras);
  });
});

describe('Conv1D, MaxPooling1D, GlobalMaxPooling1D drop a mask (Keras 3: supports_masking False)', () => {
  test('eagerly and symbolically, each warning once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const emb = new Embedding({ inputDim: 10, outputDim: 4, maskZero: true });
    const e = emb.apply(ids([[1, 2, 0, 0]]));
    const sym = emb.apply(Input({ shape: [null], dtype: 'int32' }));
    for (const layer of [
      new Conv1D({ filters: 2, kernelSize: 2 }),
      new MaxPooling1D({ poolSize: 2 }),
      new GlobalMaxPooling1D(),
    ]) {
      expect(layer.supportsMasking).toBe(false);
      expect(getKerasMask(layer.apply(e))).toBeNull();
      expect(layer.apply(sym).hasMask).toBe(false);
    }
    expect(warn).toHaveBeenCalledTimes(3);
  });
});

describe('symbolic tensors know whether they carry a mask', () => {
  test('Embedding(maskZero) -> Dense carries; -> Flatten does not; no mask without maskZero', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const x = Input({ shape: [4], dtype: 'int32' });
    const e = new Embedding({ inputDim: 5, outputDim: 3, maskZero: true }).apply(x);
    const d = new Dense({ units: 2 }).apply(e);
    const f = new Flatten().apply(d);
    expect([x.hasMask, e.hasMask, d.hasMask, f.hasMask]).toEqual([false, true, true, false]);
    expect(new Embedding({ inputDim: 5, outputDim: 3 }).apply(x).hasMask).toBe(false);
    expect(new Masking().apply(Input({ shape: [4, 2] })).hasMask).toBe(true);
  });

  test('merge layers: Add needs every input masked, Concatenate any; Dot and GlobalAveragePooling1D end the mask', () => {
    const a = new Masking().apply(Input({ shape: [4, 2] }));
    const b = new Masking().apply(Input({ shape: [4, 2] }));
    const plain = Input({ shape: [4, 2] });
    expect(new Add().apply([a, b]).hasMask).toBe(true);
    expect(new Add().apply([a, plain]).hasMask).toBe(false);
    expect(new Concatenate({ axis: 1 }).apply([a, plain]).hasMask).toBe(true);
    expect(new Dot({ axes: 2 }).apply([a, b]).hasMask).toBe(false);
    expect(new GlobalAveragePooling1D().apply(a).hasMask).toBe(false);
  });
});

describe('a subclassed layer with its own computeOutputShape builds its sub-layers symbolically', () => {
  test('its weights exist after a symbolic call (Keras runs call on symbolic inputs)', () => {
    class Block extends Layer {
      static override readonly className = 'BlockWithShape';
      readonly inner = new Dense({ units: 3 });
      override call(x: Tensor | Tensor[]): Tensor {
        return this.inner.apply(x as Tensor);
      }
      override computeOutputShape(shape: (number | null)[]): (number | null)[] {
        return [...shape.slice(0, -1), 3];
      }
    }
    const block = new Block();
    const y = block.apply(Input({ shape: [4] }));
    expect(y.shape).toEqual([null, 3]);
    expect(block.inner.built).toBe(true);
    expect(block.weights.map((w) => w.shape)).toEqual([[4, 3], [3]]);
  });
});
