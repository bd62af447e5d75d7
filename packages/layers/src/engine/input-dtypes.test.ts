import { type DType, DTypeError, type Tensor, tensor, tidy } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dense } from '../core/dense.js';
import { Embedding } from '../core/embedding.js';
import type { InputDTypes } from './input-dtypes.js';
import { Input } from './input-layer.js';
import { Layer } from './layer.js';

/** Strings in, their lengths out (float32): a stand-in for a preprocessing layer. */
class StringLength extends Layer {
  static override readonly className = 'StringLength';
  readonly inputDTypes: InputDTypes = ['string'];
  seen: DType | null = null;
  override call(inputs: Tensor | Tensor[]): Tensor {
    const x = inputs as Tensor;
    this.seen = x.dtype;
    const lengths = Float32Array.from(x.dataSync<'string'>(), (s) => s.length);
    return tensor(lengths, x.shape as number[]);
  }
  computeOutputDType(): DType {
    return 'float32';
  }
}

/** Keeps int32 (and casts other numbers to int32): what an integer lookup takes. */
class IntOnly extends Layer {
  static override readonly className = 'IntOnly';
  readonly inputDTypes: InputDTypes = ['int32'];
  seen: DType | null = null;
  override call(inputs: Tensor | Tensor[]): Tensor {
    this.seen = (inputs as Tensor).dtype;
    return inputs as Tensor;
  }
  computeOutputDType(dtypes: DType[]): DType {
    return dtypes[0];
  }
}

describe('input dtypes', () => {
  test('a layer that takes strings gets them eagerly, unconverted', () => {
    const layer = new StringLength();
    const out = layer.apply(tensor([['a'], ['abc']]));
    expect(layer.seen).toBe('string');
    expect(out.arraySync()).toEqual([[1], [3]]);
  });

  test('a layer keeps int32 when it takes int32, and casts float32 to it', () => {
    const layer = new IntOnly();
    tidy(() => layer.apply(tensor([[1, 2]], undefined, 'int32')));
    expect(layer.seen).toBe('int32');
    const out = layer.apply(tensor([[1.7, 2]]));
    expect(layer.seen).toBe('int32');
    expect(out.arraySync()).toEqual([[1, 2]]);
  });

  test('numeric layers cast ints to float32 and refuse strings by name', () => {
    const dense = new Dense({ units: 1, name: 'd' });
    expect(dense.apply(tensor([[1, 2]], undefined, 'int32')).dtype).toBe('float32');
    expect(() => dense.apply(tensor([['a', 'b']]))).toThrow(DTypeError);
    expect(() => dense.apply(tensor([['a', 'b']]))).toThrow(
      /Dense 'd': the input has dtype 'string', but this layer takes 'float32' inputs/,
    );
    expect(() => new IntOnly().apply(tensor([['a']]))).toThrow(/IntOnly .*: the input has dtype 'string'/);
  });

  test('symbolic tensors carry the dtype: string Input, checked and propagated', () => {
    const x = Input({ shape: [1], dtype: 'string' });
    expect(x.dtype).toBe('string');
    expect(() => new Dense({ units: 1, name: 'd2' }).apply(x)).toThrow(/Dense 'd2': the input has dtype 'string'/);
    const lengths = new StringLength().apply(x);
    expect(lengths.dtype).toBe('float32');
    const ids = Input({ shape: [2], dtype: 'int32' });
    expect(new IntOnly().apply(ids).dtype).toBe('int32');
    expect(new Embedding({ inputDim: 5, outputDim: 2 }).apply(ids).dtype).toBe('float32');
  });
});
