import { describe, expect, test } from 'vitest';
import {
  add,
  conv2d,
  type FusedActivation,
  fusedConv2d,
  ones,
  randomNormal,
  relu,
  ShapeError,
  tensor,
  ValueError,
} from '../index.js';

describe('fusedConv2d', () => {
  test('the docs example: relu(conv + bias) by hand', () => {
    const y = fusedConv2d(tensor([1, -2, 3, -4], [1, 2, 2, 1]), ones([1, 1, 1, 1]), { bias: [1], activation: 'relu' });
    expect(y.arraySync()).toEqual([
      [
        [[2], [0]],
        [[4], [0]],
      ],
    ]);
  });

  test('bit-identical to conv2d, then add, then relu, over paddings, strides and dilations', () => {
    let seed = 3;
    const cases: [number[], number[], Parameters<typeof conv2d>[2]][] = [
      [[2, 7, 6, 3], [3, 3, 3, 5], {}],
      [[1, 8, 8, 2], [3, 2, 2, 4], { padding: 'same', strides: 2 }],
      [
        [2, 9, 7, 1],
        [2, 3, 1, 6],
        {
          padding: [
            [1, 0],
            [2, 1],
          ],
          dilations: [2, 1],
        },
      ],
      [[1, 5, 5, 4], [1, 1, 4, 3], {}],
    ];
    for (const [xs, fs, opts] of cases) {
      const x = randomNormal(xs, { seed: seed++ });
      const f = randomNormal(fs, { seed: seed++ });
      const b = randomNormal([fs[3]], { seed: seed++ });
      const z = add(conv2d(x, f, opts), b);
      for (const activation of ['linear', 'relu'] as FusedActivation[]) {
        const want = activation === 'relu' ? relu(z) : z;
        const got = fusedConv2d(x, f, { ...opts, bias: b, activation });
        expect(got.shape).toEqual(want.shape);
        expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
      }
      expect(Array.from(fusedConv2d(x, f, opts).dataSync())).toEqual(Array.from(conv2d(x, f, opts).dataSync()));
    }
  });

  test('one image without a batch axis; NaN survives relu', () => {
    const y = fusedConv2d(tensor([Number.NaN, -1], [1, 2, 1]), ones([1, 1, 1, 1]), { activation: 'relu' });
    expect(y.shape).toEqual([1, 2, 1]);
    const v = y.dataSync();
    expect(v[0]).toBeNaN();
    expect(v[1]).toBe(0);
  });

  test('bad activation, bias shape and channels throw, naming what was expected', () => {
    const x = ones([1, 3, 3, 2]);
    const f = ones([2, 2, 2, 4]);
    expect(() => fusedConv2d(x, f, { activation: 'tanh' as FusedActivation })).toThrow(ValueError);
    expect(() => fusedConv2d(x, f, { activation: 'tanh' as FusedActivation })).toThrow(
      /fusedConv2d: activation must be one of 'linear', 'relu', got "tanh"/,
    );
    expect(() => fusedConv2d(x, f, { bias: ones([3]) })).toThrow(ShapeError);
    expect(() => fusedConv2d(x, f, { bias: ones([3]) })).toThrow(/bias must have shape \[4\] .* got \[3\]/);
    expect(() => fusedConv2d(ones([1, 3, 3, 3]), f)).toThrow(/fusedConv2d: input \[1,3,3,3\] has 3 channels/);
  });
});
