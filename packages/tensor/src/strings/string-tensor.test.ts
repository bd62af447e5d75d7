import { describe, expect, it } from 'vitest';
import {
  add,
  cast,
  concat,
  DTypeError,
  equal,
  expandDims,
  full,
  gather,
  memory,
  notEqual,
  reshape,
  slice,
  split,
  squeeze,
  stack,
  sum,
  tensor,
  tile,
  transpose,
  where,
} from '../index.js';

describe('string tensors', () => {
  it('tensor() makes string tensors that read back as strings', () => {
    const t = tensor([['a'], ['b']]);
    expect(t.dtype).toBe('string');
    expect(t.shape).toEqual([2, 1]);
    expect(t.dataSync<'string'>()).toEqual(['a', 'b']);
    expect(t.arraySync<'string'>()).toEqual([['a'], ['b']]);
    expect(tensor('x').arraySync<'string'>()).toBe('x');
    expect(tensor(['a', 'b', 'c', 'd'], [2, 2]).arraySync<'string'>()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('data() and array() resolve to strings', async () => {
    const t = tensor(['é', 'z']);
    expect(await t.data<'string'>()).toEqual(['é', 'z']);
    expect(await t.array<'string'>()).toEqual(['é', 'z']);
  });

  it('prints like NumPy', () => {
    expect(tensor(['a', 'bb', "it's"]).toString()).toBe(`['a' 'bb' "it's"]`);
    expect(tensor([['a'], ['bbb']]).toString()).toBe(`[['a']\n ['bbb']]`);
    expect(tensor('x').toString()).toBe('x');
  });

  it('shape ops work on strings', () => {
    const t = tensor(['a', 'b', 'c', 'd', 'e', 'f'], [2, 3]);
    expect(reshape(t, [3, 2]).arraySync<'string'>()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(transpose(t).arraySync<'string'>()).toEqual([
      ['a', 'd'],
      ['b', 'e'],
      ['c', 'f'],
    ]);
    expect(expandDims(t, 0).shape).toEqual([1, 2, 3]);
    expect(squeeze(tensor([['a'], ['b']])).arraySync<'string'>()).toEqual(['a', 'b']);
    expect(slice(t, [0, 1], [2, 2]).arraySync<'string'>()).toEqual([
      ['b', 'c'],
      ['e', 'f'],
    ]);
    expect(gather(t, tensor([1, 0, 1], undefined, 'int32')).arraySync<'string'>()).toEqual([
      ['d', 'e', 'f'],
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(concat([tensor(['a']), tensor(['b', 'c'])]).arraySync<'string'>()).toEqual(['a', 'b', 'c']);
    expect(stack([tensor(['a', 'b']), tensor(['c', 'd'])], 1).arraySync<'string'>()).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
    expect(split(t, 3, 1).map((p) => p.arraySync<'string'>())).toEqual([
      [['a'], ['d']],
      [['b'], ['e']],
      [['c'], ['f']],
    ]);
    expect(tile(tensor(['a', 'b']), [2]).arraySync<'string'>()).toEqual(['a', 'b', 'a', 'b']);
    expect(t.clone().arraySync<'string'>()).toEqual(t.arraySync<'string'>());
    expect(t.flip(1).arraySync<'string'>()).toEqual([
      ['c', 'b', 'a'],
      ['f', 'e', 'd'],
    ]);
    expect(tensor(['a', 'b']).broadcastTo([2, 2]).arraySync<'string'>()).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(full([2], 'z').arraySync<'string'>()).toEqual(['z', 'z']);
    expect(() =>
      t.pad([
        [0, 0],
        [1, 1],
      ]),
    ).toThrow(/Pad: input 'x' has dtype 'string'/);
    expect(where(tensor([true, false]), tensor(['x', 'y']), tensor(['p', 'q'])).arraySync<'string'>()).toEqual([
      'x',
      'q',
    ]);
  });

  it('equal and notEqual compare strings', () => {
    const t = tensor(['a', 'b', 'a']);
    expect(equal(t, 'a').arraySync()).toEqual([1, 0, 1]);
    expect(notEqual(t, tensor(['a', 'c', 'b'])).arraySync()).toEqual([0, 1, 1]);
  });

  it('numeric ops refuse strings by name', () => {
    const t = tensor(['a']);
    expect(() => add(t, t)).toThrow(DTypeError);
    expect(() => add(t, 1)).toThrow(/add: expected a numeric tensor for 'a', got dtype 'string'/);
    expect(() => sum(t)).toThrow(/sum: expected a numeric tensor/);
    expect(() => t.exp()).toThrow(/exp: expected a numeric tensor/);
    expect(() => cast(t, 'float32')).toThrow(/cast: cannot cast a 'string' tensor to 'float32'/);
    expect(() => tensor([['a']]).matmul(tensor([['b']]))).toThrow(/BatchMatMul: input 'a' has dtype 'string'/);
    expect(() => tensor(['a', 1] as never)).toThrow(/mixes strings with numbers/);
    expect(() => tensor(['a'], undefined, 'float32')).toThrow(DTypeError);
    expect(() => tensor([1], undefined, 'string')).toThrow(DTypeError);
  });

  it('memory() counts string bytes (UTF-8) on the cpu backend', () => {
    const before = memory().backends.cpu?.numBytes ?? 0;
    const t = tensor(['ab', 'é']);
    expect((memory().backends.cpu?.numBytes ?? 0) - before).toBe(4);
    t.dispose();
    expect(memory().backends.cpu?.numBytes ?? 0).toBe(before);
  });
});
