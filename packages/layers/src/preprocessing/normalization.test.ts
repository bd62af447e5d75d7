import { ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Normalization, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = flat(t);
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};
const data = () =>
  tensor([
    [1, 2],
    [3, 6],
    [5, 10],
  ]);

describe('Normalization', () => {
  test('follows the layer contract, learned (non-trainable mean and variance) or given', () => {
    runLayerTest(Normalization, {
      config: {},
      inputShape: [4, 3],
      expectedOutputShape: [4, 3],
      expectedNumTrainableWeights: 0,
      expectedNumNonTrainableWeights: 2,
    });
    runLayerTest(Normalization, {
      config: { mean: [1, 2], variance: [4, 9] },
      inputShape: [2, 2],
      inputData: tensor([
        [3, 2],
        [1, 8],
      ]),
      expectedOutputShape: [2, 2],
      expectedNumNonTrainableWeights: 0,
      expectedOutput: [
        [1, 0],
        [0, 2],
      ],
    });
  });

  test('adapt learns the mean and the population variance of each feature', () => {
    const norm = new Normalization();
    norm.adapt(data());
    // column 0: 1, 3, 5 -> mean 3, variance (4 + 0 + 4) / 3; column 1: 2, 6, 10 -> mean 6, variance 32 / 3
    const [mean, variance] = norm.getWeights();
    close(mean, [3, 6]);
    close(variance, [8 / 3, 32 / 3]);
    close(norm.apply(data()), [
      -2 / Math.sqrt(8 / 3),
      -4 / Math.sqrt(32 / 3),
      0,
      0,
      2 / Math.sqrt(8 / 3),
      4 / Math.sqrt(32 / 3),
    ]);
    // adapting again replaces the statistics
    norm.adapt(
      tensor([
        [0, 0],
        [2, 2],
      ]),
    );
    close(norm.getWeights()[0], [1, 1]);
    close(norm.getWeights()[1], [1, 1]);
  });

  test('axis null learns one mean and variance; axis [1, 2] one per position', () => {
    const all = new Normalization({ axis: null });
    all.adapt(data());
    // values 1, 2, 3, 5, 6, 10: mean 4.5, variance (12.25 + 6.25 + 2.25 + 0.25 + 2.25 + 30.25) / 6
    close(all.getWeights()[0], [4.5]);
    close(all.getWeights()[1], [53.5 / 6]);
    const perPosition = new Normalization({ axis: [1, 2] });
    perPosition.adapt(
      tensor([
        [
          [1, 2],
          [3, 4],
        ],
        [
          [3, 6],
          [5, 0],
        ],
      ]),
    );
    expect(perPosition.getWeights()[0].shape).toEqual([2, 2]);
    close(perPosition.getWeights()[0], [2, 4, 4, 2]);
    close(perPosition.getWeights()[1], [1, 4, 1, 4]);
  });

  test('divides by max(sqrt(variance), 1e-7) as Keras, and invert undoes it', () => {
    const constant = new Normalization({ mean: 2, variance: 0 });
    const [same, above] = flat(constant.apply(tensor([[2, 2.5]])));
    expect(same).toBe(0);
    expect(above / 5e6).toBeCloseTo(1, 5); // 0.5 / 1e-7 (sqrt(max(0, 1e-7)) would give 1581)
    const norm = new Normalization({ mean: [1, 2], variance: [4, 9] });
    const inverse = new Normalization({ mean: [1, 2], variance: [4, 9], invert: true });
    const x = tensor([
      [3, -1],
      [0, 5],
    ]);
    close(inverse.apply(norm.apply(x)), flat(x));
    close(inverse.apply(tensor([[1, 1]])), [3, 5]);
    expect(inverse.getConfig()).toMatchObject({ axis: -1, mean: [1, 2], variance: [4, 9], invert: true });
  });

  test('rejects half-given statistics, adapt with fixed statistics, and mismatched shapes', () => {
    expect(() => new Normalization({ mean: 1 })).toThrow(ValueError);
    expect(() => new Normalization({ mean: 1 })).toThrow(/give both mean and variance, or neither/);
    expect(() => new Normalization({ axis: 1.5 })).toThrow(/axis must be an integer/);
    expect(() => new Normalization({ mean: 1, variance: 1 }).adapt(data())).toThrow(/cannot learn statistics/);
    expect(() => new Normalization({ mean: [1, 2, 3], variance: [1, 1, 1] }).apply(data())).toThrow(ShapeError);
    expect(() => new Normalization({ axis: 3 }).apply(data())).toThrow(
      /axis \[3\] does not fit an input of shape \[null, 2\]/,
    );
    const norm = new Normalization({ name: 'norm_errors' });
    norm.adapt(data());
    expect(() => norm.adapt(tensor([[1, 2, 3]]))).toThrow(
      /adapt\(\) expected data with sizes \[null, 2\], got \[1, 3\]/,
    );
    expect(() => norm.apply(tensor([[1, 2, 3]]))).toThrow(
      "Normalization 'norm_errors': expected input with dimension 2 at axis 1, got [1, 3]",
    );
  });
});
