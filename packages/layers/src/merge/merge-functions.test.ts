import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  add,
  average,
  concatenate,
  dot,
  Input,
  maximum,
  minimum,
  multiply,
  SymbolicTensor,
  subtract,
} from '../index.js';

const a = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
const b = () =>
  tensor([
    [10, 20, 30],
    [-1, 0.5, 2],
  ]);

describe('merge functional forms (keras.layers.add([a, b]) ...)', () => {
  test('eager tensors in, the merged tensor out (Keras: add -> [[11, 22, 33], [3, 5.5, 8]])', () => {
    expect(add([a(), b()]).arraySync()).toEqual([
      [11, 22, 33],
      [3, 5.5, 8],
    ]);
    expect(subtract([a(), b()]).arraySync()).toEqual([
      [-9, -18, -27],
      [5, 4.5, 4],
    ]);
    expect(multiply([a(), b()]).arraySync()).toEqual([
      [10, 40, 90],
      [-4, 2.5, 12],
    ]);
    expect(average([a(), b()]).arraySync()).toEqual([
      [5.5, 11, 16.5],
      [1.5, 2.75, 4],
    ]);
    expect(maximum([a(), b()]).arraySync()).toEqual([
      [10, 20, 30],
      [4, 5, 6],
    ]);
    expect(minimum([a(), b()]).arraySync()).toEqual([
      [1, 2, 3],
      [-1, 0.5, 2],
    ]);
    expect(concatenate([a(), b()], 0).shape).toEqual([4, 3]);
    expect(dot([a(), b()], 1).arraySync()).toEqual([[140], [10.5]]);
    expect(dot([a(), b()]).arraySync()).toEqual([[140], [10.5]]); // axes=-1 by default, as Keras' dot()
  });

  test("symbolic tensors in, a symbolic tensor out, with the layer's options", () => {
    const x = Input({ shape: [3] });
    const y = Input({ shape: [3] });
    const sum = add([x, y], { name: 'my_add' });
    expect(sum).toBeInstanceOf(SymbolicTensor);
    expect(sum.shape).toEqual([null, 3]);
    expect(sum.name.startsWith('my_add')).toBe(true);
    expect(concatenate([x, y], { axis: -1 }).shape).toEqual([null, 6]);
    expect(concatenate([x, y]).shape).toEqual([null, 6]);
    expect(dot([x, y], { axes: 1, normalize: true }).shape).toEqual([null, 1]);
    expect(subtract([x, y]).shape).toEqual([null, 3]);
  });

  test('bad input names the layer', () => {
    expect(() => subtract([a(), b(), a()])).toThrow(/Subtract 'subtract(_\d+)?': expected exactly 2 inputs, got 3/);
    expect(() => concatenate([a(), tensor([[1, 2]])], 0)).toThrow(/Concatenate/);
  });
});
