import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dense, Input } from '../index.js';

describe('layer.input and layer.output (Keras 3: the first symbolic call, node 0)', () => {
  test('a layer called once gives the tensors of that call', () => {
    const x = Input({ shape: [4] });
    const dense = new Dense({ units: 3 });
    const y = dense.apply(x);
    expect(dense.input).toBe(x);
    expect(dense.output).toBe(y);
    expect(x.sourceLayer.output).toBe(x);
    // Keras 3.15.1: InputLayer.input == []
    expect(x.sourceLayer.input).toEqual([]);
  });

  test('a shared layer gives its first call, as Keras 3 (not an error as Keras 2)', () => {
    const a = Input({ shape: [4] });
    const b = Input({ shape: [4] });
    const dense = new Dense({ units: 3 });
    const ya = dense.apply(a);
    dense.apply(b);
    expect(dense.output).toBe(ya);
    expect(dense.input).toBe(a);
  });

  test('a layer never called symbolically: a ValueError naming it', () => {
    const dense = new Dense({ units: 3, name: 'lonely' });
    expect(() => dense.output).toThrow(ValueError);
    expect(() => dense.input).toThrow(
      "Dense 'lonely': input: the layer has never been called on a symbolic tensor (from Input()), so it has no input",
    );
  });
});
