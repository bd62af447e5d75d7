import * as T from '@horn/tensor';
import { beforeAll, describe, expect, test } from 'vitest';
import { setUpWasm } from './test-support/parity.js';

beforeAll(async () => {
  await setUpWasm();
  T.setBackend('wasm');
});

describe('string tensors with the wasm backend active', () => {
  test('string data stays on cpu; numbers stay on wasm', () => {
    const before = T.memory();
    const s = T.tensor(['a', 'bb', 'c']);
    expect(T.getBackend()).toBe('wasm');
    expect(s.ref.backend.name).toBe('cpu');
    const after = T.memory();
    expect((after.backends.cpu?.numBytes ?? 0) - (before.backends.cpu?.numBytes ?? 0)).toBe(4);
    expect(after.backends.wasm?.numBytes ?? 0).toBe(before.backends.wasm?.numBytes ?? 0);
    s.dispose();
    expect(T.memory().numBytes).toBe(before.numBytes);
  });

  test('shape ops on strings run on cpu, with int32 indices moved from wasm', () => {
    const s = T.tensor(['a', 'b', 'c', 'd'], [2, 2]);
    const idx = T.tensor([1, 1, 0], [3], 'int32');
    expect(idx.ref.backend.name).toBe('wasm');
    const g = T.gather(s, idx);
    expect(g.ref.backend.name).toBe('cpu');
    expect(g.arraySync<'string'>()).toEqual([
      ['c', 'd'],
      ['c', 'd'],
      ['a', 'b'],
    ]);
    const r = T.reshape(T.transpose(s), [4]);
    expect(r.ref.backend.name).toBe('cpu');
    expect(r.dataSync<'string'>()).toEqual(['a', 'c', 'b', 'd']);
    const eq = T.equal(s, 'b');
    expect(eq.ref.backend.name).toBe('wasm');
    expect(eq.arraySync()).toEqual([
      [0, 1],
      [0, 0],
    ]);
    T.dispose([s, idx, g, r, eq]);
  });

  test('numeric ops refuse strings by name with wasm active', () => {
    const s = T.tensor(['a']);
    expect(() => T.add(s, s)).toThrow(/add: expected a numeric tensor/);
    expect(() => T.relu(s)).toThrow(/relu: expected a numeric tensor/);
    expect(() => T.cast(s, 'int32')).toThrow(T.DTypeError);
    s.dispose();
  });
});
