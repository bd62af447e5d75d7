import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Dot, Input, runLayerTest } from '../index.js';

const close = (got: number[], want: number[], digits = 5) => {
  expect(got).toHaveLength(want.length);
  for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], digits);
};

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
// x3 = arange(24).reshape(2, 3, 4) / 10, y3 = arange(30).reshape(2, 5, 3) / 7 - 1, z3 = arange(32).reshape(2, 4, 4) / 9 - 1.5
const x3 = () =>
  tensor(
    Array.from({ length: 24 }, (_, i) => i / 10),
    [2, 3, 4],
  );
const y3 = () =>
  tensor(
    Array.from({ length: 30 }, (_, i) => i / 7 - 1),
    [2, 5, 3],
  );
const z3 = () =>
  tensor(
    Array.from({ length: 32 }, (_, i) => i / 9 - 1.5),
    [2, 4, 4],
  );

// Expected numbers from Keras 3.15.1: keras.layers.Dot(axes=..., normalize=...)([x, y]).
describe('Dot', () => {
  test('follows the layer contract', () => {
    runLayerTest(Dot, {
      config: { axes: 1 },
      inputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [2, 1],
    });
    runLayerTest(Dot, {
      config: { axes: [1, 2], normalize: true },
      inputShape: [
        [2, 3, 4],
        [2, 5, 3],
      ],
      expectedOutputShape: [2, 4, 5],
    });
  });

  test('2-D inputs give [batch, 1]; normalize gives the cosine', () => {
    const plain = new Dot({ axes: 1 }).apply([a(), b()]);
    expect(plain.shape).toEqual([2, 1]);
    close(Array.from(plain.dataSync()), [140, 10.5]);
    close(Array.from(new Dot({ axes: 1, normalize: true }).apply([a(), b()]).dataSync()), [0.99999994, 0.52223301]);
  });

  test('axes [1, 2] on 3-D inputs: [2, 4, 5], as Keras', () => {
    const out = new Dot({ axes: [1, 2] }).apply([x3(), y3()]);
    expect(out.shape).toEqual([2, 4, 5]);
    const v = out.dataSync();
    close(
      [v[0], v[1], v[4], v[5], v[19], v[20], v[39]],
      [-0.914286, -0.4, 1.142857, -1.171428, 1.914286, 6.285714, 17.214285],
      4,
    );
  });

  test('negative axes count per input; normalize along axis 2', () => {
    const out = new Dot({ axes: -1 }).apply([x3(), z3()]);
    expect(out.shape).toEqual([2, 3, 4]);
    const v = out.dataSync();
    close([v[0], v[3], v[4], v[12], v[23]], [-0.744444, 0.055556, -2.877778, 2.455556, 15.344444], 4);
    const n = new Dot({ axes: 2, normalize: true }).apply([x3(), z3()]).dataSync();
    close([n[0], n[3], n[11], n[12], n[23]], [-0.742887, 0.597614, 0.116881, 0.982019, 0.999841], 5);
  });

  test('symbolic: shapes inferred; config round-trips', () => {
    expect(new Dot({ axes: 1 }).apply([Input({ shape: [3] }), Input({ shape: [3] })]).shape).toEqual([null, 1]);
    expect(new Dot({ axes: [1, 2] }).apply([Input({ shape: [3, 4] }), Input({ shape: [5, 3] })]).shape).toEqual([
      null,
      4,
      5,
    ]);
    const config = new Dot({ axes: [1, 2], normalize: true, name: 'd' }).getConfig();
    expect(config).toMatchObject({ name: 'd', axes: [1, 2], normalize: true });
    expect(Dot.configKeys).toEqual(['axes', 'normalize']);
  });

  test('bad input: axes, normalize, the batch axis, mismatched sizes, three inputs', () => {
    expect(() => new Dot({ axes: 1.5 })).toThrow(
      /Dot: axes must be an integer or a pair of integers \[a1, a2\], got 1.5/,
    );
    expect(() => new Dot({ axes: [1] as unknown as [number, number] })).toThrow(ValueError);
    expect(() => new Dot({ axes: 1, normalize: 1 as unknown as boolean })).toThrow(
      /normalize must be a boolean, got 1/,
    );
    expect(() => new Dot({ axes: 0 }).apply([a(), b()])).toThrow(
      /must name a non-batch axis of each input, got shapes \[2, 3\] and \[2, 3\]/,
    );
    expect(() => new Dot({ axes: 1 }).apply([x3(), y3()])).toThrow(ShapeError);
    expect(() => new Dot({ axes: 1 }).apply([x3(), y3()])).toThrow(
      /axis 1 of the first input \(3\) differs from axis 1 of the second \(5\)/,
    );
    expect(() => new Dot({ axes: 1 }).apply([a(), b(), a()])).toThrow(/expected exactly 2 inputs, got 3/);
  });
});
