import { ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { MinMaxScaler, NotFittedError, percentile, RobustScaler, StandardScaler } from './index.js';

describe('StandardScaler (scikit-learn documentation example)', () => {
  test('fit, transform, inverseTransform', () => {
    const data = [
      [0, 0],
      [0, 0],
      [1, 1],
      [1, 1],
    ];
    const scaler = new StandardScaler().fit(data);
    expect(scaler.mean).toEqual([0.5, 0.5]);
    expect(scaler.variance).toEqual([0.25, 0.25]);
    expect(scaler.scale).toEqual([0.5, 0.5]);
    expect(scaler.nFeaturesIn).toBe(2);
    expect(scaler.nSamplesSeen).toBe(4);
    expect(scaler.transform(data).arraySync()).toEqual([
      [-1, -1],
      [-1, -1],
      [1, 1],
      [1, 1],
    ]);
    expect(scaler.transform([[2, 2]]).arraySync()).toEqual([[3, 3]]);
    expect(scaler.inverseTransform([[3, -1]]).arraySync()).toEqual([[2, 0]]);
  });

  test("uses the population std (the course's formula) and scale 1 for a constant feature", () => {
    // Feature 0: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and population std exactly 2.
    const x = tensor(
      [2, 4, 4, 4, 5, 5, 7, 9].flatMap((v) => [v, 3]),
      [8, 2],
    );
    const scaler = new StandardScaler();
    const z = scaler.fitTransform(x);
    expect(scaler.scale).toEqual([2, 1]);
    expect(scaler.variance).toEqual([4, 0]);
    expect(z.dtype).toBe('float32');
    expect(Array.from(z.dataSync().slice(0, 4))).toEqual([-1.5, 0, -0.5, 0]);
  });

  test('withMean / withStd', () => {
    const s = new StandardScaler({ withMean: false }).fit([[1], [3]]);
    expect(s.mean).toBeNull();
    expect(s.transform([[3]]).arraySync()).toEqual([[3]]);
    const t = new StandardScaler({ withStd: false }).fit([[1], [3]]);
    expect(t.transform([[3]]).arraySync()).toEqual([[1]]);
  });
});

describe('MinMaxScaler (scikit-learn documentation example)', () => {
  const data = [
    [-1, 2],
    [-0.5, 6],
    [0, 10],
    [1, 18],
  ];

  test('maps each feature to [0, 1]', () => {
    const scaler = new MinMaxScaler().fit(data);
    expect(scaler.dataMin).toEqual([-1, 2]);
    expect(scaler.dataMax).toEqual([1, 18]);
    expect(scaler.transform(data).arraySync()).toEqual([
      [0, 0],
      [0.25, 0.25],
      [0.5, 0.5],
      [1, 1],
    ]);
    expect(scaler.transform([[2, 2]]).arraySync()).toEqual([[1.5, 0]]);
    expect(scaler.inverseTransform([[0.5, 0.5]]).arraySync()).toEqual([[0, 10]]);
  });

  test('featureRange, clip, constant features', () => {
    const scaler = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit(data);
    expect(
      scaler
        .transform([
          [0, 10],
          [2, 2],
        ])
        .arraySync(),
    ).toEqual([
      [0, 0],
      [1, -1],
    ]);
    expect(new MinMaxScaler().fitTransform([[5], [5]]).arraySync()).toEqual([[0], [0]]);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(/featureRange minimum must be smaller/);
  });
});

describe('RobustScaler (scikit-learn documentation example)', () => {
  test('median and interquartile range with linear interpolation', () => {
    const x = [
      [1, -2, 2],
      [-2, 1, 3],
      [4, 1, -2],
    ];
    const scaler = new RobustScaler().fit(x);
    expect(scaler.center).toEqual([1, 1, 2]);
    expect(scaler.scale).toEqual([3, 1.5, 2.5]);
    const z = scaler.transform(x).arraySync() as number[][];
    const expected = [
      [0, -2, 0],
      [-1, 0, 0.4],
      [1, 0, -1.6],
    ];
    z.forEach((row, r) => {
      row.forEach((v, c) => {
        expect(v).toBeCloseTo(expected[r][c], 6);
      });
    });
  });

  test('percentile matches numpy.percentile (linear)', () => {
    const v = Float64Array.from([1, 2, 3, 4]);
    expect(percentile(v, 25)).toBe(1.75);
    expect(percentile(v, 50)).toBe(2.5);
    expect(percentile(v, 100)).toBe(4);
    expect(percentile(Float64Array.from([7]), 75)).toBe(7);
  });
});

describe('scaler errors', () => {
  test('transform before fit is a NotFittedError naming the class', () => {
    expect(() => new StandardScaler().transform([[1]])).toThrow(NotFittedError);
    expect(() => new StandardScaler().transform([[1]])).toThrow(/StandardScaler: this instance is not fitted yet/);
    expect(() => new MinMaxScaler().inverseTransform([[1]])).toThrow(/MinMaxScaler: .*before inverseTransform/);
    expect(() => new RobustScaler().transform([[1]])).toThrow(ValueError);
  });

  test('a feature-count mismatch and a non-matrix are ShapeErrors', () => {
    const scaler = new StandardScaler().fit([
      [1, 2],
      [3, 4],
    ]);
    expect(() => scaler.transform([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => scaler.transform([[1, 2, 3]])).toThrow(/x has 3 features, but the scaler was fitted with 2/);
    expect(() => new StandardScaler().fit([1, 2, 3])).toThrow(
      /expected 'x' of shape \[nSamples, nFeatures\], got \[3\]/,
    );
    expect(() => new StandardScaler().fit(tensor([], [0, 2]))).toThrow(/0 samples/);
  });
});
