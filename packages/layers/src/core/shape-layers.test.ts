import { range, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Activation, Flatten, Permute, RepeatVector, Reshape, runLayerTest } from '../index.js';

describe('Activation', () => {
  test('follows the layer contract and applies the function', () => {
    runLayerTest(Activation, { config: { activation: 'tanh' }, inputShape: [2, 3], expectedOutputShape: [2, 3] });
    const y = new Activation({ activation: 'hard_sigmoid' }).apply(tensor([[-4, 0, 1.5, 4]]));
    expect(Array.from(y.dataSync())).toEqual([0, 0.5, 0.75, 1]);
    expect(new Activation({ activation: 'hard_sigmoid' }).getConfig().activation).toBe('hardSigmoid');
    expect(() => new Activation({ activation: 'nope' })).toThrow(ValueError);
  });
});

describe('Flatten', () => {
  test('follows the layer contract and keeps the batch', () => {
    runLayerTest(Flatten, { config: {}, inputShape: [2, 3, 4], expectedOutputShape: [2, 12] });
    runLayerTest(Flatten, { config: {}, inputShape: [5], expectedOutputShape: [5, 1] });
    const f = new Flatten();
    expect(f.computeOutputShape([null, 28, 28, 1])).toEqual([null, 784]);
    expect(f.computeOutputShape([null, null, 3])).toEqual([null, null]);
  });

  test('channelsFirst moves channels last before flattening, as Keras', () => {
    const x = range(0, 8).reshape([1, 2, 2, 2]);
    expect(new Flatten().apply(x).arraySync()).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
    // [c, h, w] = [2, 2, 2] -> [h, w, c]: 0 4 1 5 2 6 3 7
    expect(new Flatten({ dataFormat: 'channelsFirst' }).apply(x).arraySync()).toEqual([[0, 4, 1, 5, 2, 6, 3, 7]]);
  });
});

describe('Reshape', () => {
  test('follows the layer contract, with and without -1', () => {
    runLayerTest(Reshape, { config: { targetShape: [3, 4] }, inputShape: [2, 12], expectedOutputShape: [2, 3, 4] });
    runLayerTest(Reshape, { config: { targetShape: [-1, 2] }, inputShape: [2, 3, 4], expectedOutputShape: [2, 6, 2] });
    expect(new Reshape({ targetShape: [-1, 2] }).computeOutputShape([null, 3, 4])).toEqual([null, 6, 2]);
  });

  test('keeps the values in order', () => {
    const y = new Reshape({ targetShape: [2, 2] }).apply(tensor([[1, 2, 3, 4]]));
    expect(y.arraySync()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
  });

  test('bad target shapes give clear errors', () => {
    expect(() => new Reshape({ targetShape: [-1, -1] })).toThrow(
      'Reshape: targetShape may have only one -1, got [-1,-1]',
    );
    expect(() => new Reshape({ targetShape: [-2] })).toThrow(ValueError);
    const r = new Reshape({ targetShape: [5], name: 'r' });
    expect(() => r.apply(tensor([[1, 2, 3, 4]]))).toThrow(ShapeError);
    expect(() => r.apply(tensor([[1, 2, 3, 4]]))).toThrow(
      "Reshape 'r': an input of shape [1, 4] cannot be reshaped to [batch, 5]",
    );
    expect(() => new Reshape({ targetShape: [3, -1] }).apply(tensor([[1, 2, 3, 4]]))).toThrow(ShapeError);
  });
});

describe('Permute', () => {
  test('follows the layer contract with 1-based dims', () => {
    runLayerTest(Permute, { config: { dims: [2, 1] }, inputShape: [5, 3, 4], expectedOutputShape: [5, 4, 3] });
    runLayerTest(Permute, { config: { dims: [3, 1, 2] }, inputShape: [2, 3, 4, 5], expectedOutputShape: [2, 5, 3, 4] });
  });

  test('moves the values', () => {
    const y = new Permute({ dims: [2, 1] }).apply(
      tensor([
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ]),
    );
    expect(y.arraySync()).toEqual([
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    ]);
  });

  test('dims must be a permutation of 1..n matching the input rank', () => {
    expect(() => new Permute({ dims: [0, 1] })).toThrow(
      'Permute: dims must be a permutation of 1..2 (1-based, the batch axis excluded), got [0,1]',
    );
    expect(() => new Permute({ dims: [1, 1, 3] })).toThrow(ValueError);
    expect(() => new Permute({ dims: [2, 1], name: 'p' }).apply(tensor([[1, 2]]))).toThrow(
      "Permute 'p': expected input of rank 3, got [1, 2]",
    );
  });
});

describe('RepeatVector', () => {
  test('follows the layer contract', () => {
    runLayerTest(RepeatVector, { config: { n: 3 }, inputShape: [2, 4], expectedOutputShape: [2, 3, 4] });
  });

  test('repeats each sample n times', () => {
    const y = new RepeatVector({ n: 2 }).apply(
      tensor([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(y.arraySync()).toEqual([
      [
        [1, 2],
        [1, 2],
      ],
      [
        [3, 4],
        [3, 4],
      ],
    ]);
    expect(() => new RepeatVector({ n: 0 })).toThrow('RepeatVector: n must be a positive integer, got 0');
    expect(() => new RepeatVector({ n: 2, name: 'rv' }).apply(tensor([[[1]]]))).toThrow(
      "RepeatVector 'rv': expected input of rank 2, got [1, 1, 1]",
    );
  });
});
