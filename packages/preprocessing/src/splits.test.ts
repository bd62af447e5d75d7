import { readFileSync } from 'node:fs';
import { tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { crossValidate, KFold, StratifiedKFold, splitIndices, trainTestSplit } from './index.js';

// Breast cancer labels straight from scikit-learn's CSV (last column; 0 malignant, 1 benign).
const csv = readFileSync(new URL('../../../../shared/data/sklearn/breast_cancer.csv', import.meta.url), 'utf8');
const rows = csv.trim().split('\n').slice(1);
const target = tensor(
  rows.map((r) => Number(r.split(',').at(-1))),
  [rows.length],
  'int32',
);
const data = tensor(
  rows.flatMap((r) => r.split(',').slice(0, 30).map(Number)),
  [rows.length, 30],
);
const countClasses = (t: { dataSync(): ArrayLike<number> }) => {
  const c = [0, 0];
  for (const v of Array.from(t.dataSync())) c[v]++;
  return c;
};

describe('trainTestSplit', () => {
  test("the course's stratified split of breast cancer: 455 / 114, then 364 / 91", () => {
    expect(countClasses(target)).toEqual([212, 357]);
    const [xTrainAll, xTest, yTrainAll, yTest] = trainTestSplit(data, target, {
      testSize: 0.2,
      stratify: target,
      seed: 42,
    });
    expect(xTrainAll.shape).toEqual([455, 30]);
    expect(xTest.shape).toEqual([114, 30]);
    // scikit-learn's allocation: train 170 / 285, test 42 / 72 (proportions 0.3726 kept).
    expect(countClasses(yTrainAll)).toEqual([170, 285]);
    expect(countClasses(yTest)).toEqual([42, 72]);
    const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xTrainAll, yTrainAll, {
      testSize: 0.2,
      stratify: yTrainAll,
      seed: 42,
    });
    expect([xTrain.shape[0], xVal.shape[0]]).toEqual([364, 91]);
    expect(countClasses(yTrain)).toEqual([136, 228]);
    expect(countClasses(yVal)).toEqual([34, 57]);
  });

  test('rows stay paired, every sample lands in exactly one part, the seed repeats the split', () => {
    const x = tensor(Array.from({ length: 20 }, (_, i) => [i, i * 10]));
    const y = tensor(
      Array.from({ length: 20 }, (_, i) => i),
      [20],
      'int32',
    );
    const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.25, seed: 3 });
    expect([xTrain.shape, xTest.shape, yTrain.shape, yTest.shape]).toEqual([[15, 2], [5, 2], [15], [5]]);
    const trainIds = Array.from(yTrain.dataSync());
    const all = [...trainIds, ...Array.from(yTest.dataSync())].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const xt = xTrain.dataSync();
    trainIds.forEach((id, r) => {
      expect([xt[2 * r], xt[2 * r + 1]]).toEqual([id, id * 10]);
    });
    expect(Array.from(trainTestSplit(x, y, { testSize: 0.25, seed: 3 })[2].dataSync())).toEqual(trainIds);
    expect(trainIds).not.toEqual([...trainIds].sort((a, b) => a - b));
  });

  test('sizes as scikit-learn: ceil for the test fraction, counts, trainSize, default 0.25, no shuffle', () => {
    const sizes = (n: number, o: object) => splitIndices(n, o).map((p) => p.length);
    expect(sizes(10, { testSize: 0.33 })).toEqual([6, 4]);
    expect(sizes(10, { testSize: 3 })).toEqual([7, 3]);
    expect(sizes(10, {})).toEqual([7, 3]);
    expect(sizes(10, { trainSize: 0.5 })).toEqual([5, 5]);
    expect(sizes(10, { trainSize: 4, testSize: 2 })).toEqual([4, 2]);
    const [train, test] = splitIndices(5, { testSize: 2, shuffle: false });
    expect([Array.from(train), Array.from(test)]).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  test('bad sizes, stratify without shuffle, a class with one member: clear errors', () => {
    const x = tensor([[1], [2], [3], [4]]);
    const y = tensor([0, 0, 1, 1]);
    expect(() => trainTestSplit(x, y, { testSize: 0 })).toThrow(ValueError);
    expect(() => trainTestSplit(x, y, { testSize: 1.5 })).toThrow(/testSize=1.5 should be a fraction in \(0, 1\)/);
    expect(() => trainTestSplit(x, y, { testSize: -0.2 })).toThrow(ValueError);
    expect(() => trainTestSplit(x, y, { testSize: 4 })).toThrow(/whole count in \[1, 3\] \(n = 4 samples\)/);
    expect(() => trainTestSplit(x, y, { trainSize: 3, testSize: 2 })).toThrow(/exceed the 4 samples/);
    expect(() => trainTestSplit(x, y, { stratify: y, shuffle: false })).toThrow(/needs shuffle=true/);
    expect(() => trainTestSplit(x, y, { stratify: [0, 1, 1, 1], testSize: 2 })).toThrow(/label 0\) has only 1 member/);
    expect(() => trainTestSplit(x, tensor([1, 2, 3]))).toThrow(/'x' has 4 samples but 'y' has 3/);
  });
});

describe('KFold / StratifiedKFold', () => {
  const folds = (it: Iterable<[Int32Array, Int32Array]>) => [...it].map(([a, b]) => [Array.from(a), Array.from(b)]);

  test('KFold: consecutive folds, the first n % k one larger (scikit-learn docs: 4 samples, 2 folds)', () => {
    expect(folds(new KFold({ nSplits: 2 }).split(4))).toEqual([
      [
        [2, 3],
        [0, 1],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ]);
    expect(
      folds(new KFold({ nSplits: 3 }).split(tensor([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]]))).map(
        (f) => f[1],
      ),
    ).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  test('KFold shuffle: folds of the same sizes that cover every sample once, repeatable by seed', () => {
    const a = folds(new KFold({ nSplits: 3, shuffle: true, seed: 1 }).split(10));
    expect(a.map((f) => f[1].length)).toEqual([4, 3, 3]);
    expect(a.flatMap((f) => f[1]).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(folds(new KFold({ nSplits: 3, shuffle: true, seed: 1 }).split(10))).toEqual(a);
    expect(a.map((f) => f[1])).not.toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  test('StratifiedKFold: scikit-learn docs example and class balance per fold', () => {
    expect(folds(new StratifiedKFold({ nSplits: 2 }).split(4, [0, 0, 1, 1]))).toEqual([
      [
        [1, 3],
        [0, 2],
      ],
      [
        [0, 2],
        [1, 3],
      ],
    ]);
    // scikit-learn's _make_test_folds on labels 1,1,0,0,0,2,2,1,0,2,2,0 (computed with NumPy).
    expect(
      folds(new StratifiedKFold({ nSplits: 3 }).split(12, [1, 1, 0, 0, 0, 2, 2, 1, 0, 2, 2, 0])).map((f) => f[1]),
    ).toEqual([
      [0, 2, 3, 5],
      [1, 4, 6, 8],
      [7, 9, 10, 11],
    ]);
    const labels = Array.from(target.dataSync());
    const result = folds(new StratifiedKFold({ nSplits: 5, shuffle: true, seed: 0 }).split(data, target));
    for (const [, test] of result) {
      const malignant = test.filter((i) => labels[i] === 0).length;
      expect(malignant === 42 || malignant === 43).toBe(true);
      expect(test.length === 113 || test.length === 114).toBe(true);
    }
    expect(result.flatMap((f) => f[1]).length).toBe(569);
  });

  test('k larger than the samples, k < 2, missing labels: clear errors', () => {
    expect(() => [...new KFold({ nSplits: 5 }).split(3)]).toThrow(/nSplits=5 greater than the number of samples n=3/);
    expect(() => new KFold({ nSplits: 1 })).toThrow(/at least 2/);
    expect(() => [...new StratifiedKFold({ nSplits: 2 }).split(4)]).toThrow(/labels y are required/);
    expect(() => [...new StratifiedKFold({ nSplits: 3 }).split(4, [0, 0, 1, 1])]).toThrow(
      /nSplits=3 cannot be greater than the number of members in each class/,
    );
  });
});

describe('crossValidate', () => {
  test('calls the callback once per fold with the fold data and averages the scores', async () => {
    const x = tensor(Array.from({ length: 10 }, (_, i) => [i]));
    const y = tensor(
      Array.from({ length: 10 }, (_, i) => i % 2),
      [10],
      'int32',
    );
    const seen: number[][] = [];
    const result = await crossValidate(
      async (xTrain, _yTrain, xVal, yVal) => {
        seen.push(Array.from(xVal.dataSync()));
        expect(xTrain.shape[0] + xVal.shape[0]).toBe(10);
        expect(yVal.shape[0]).toBe(xVal.shape[0]);
        return xVal.shape[0];
      },
      x,
      y,
      { k: 3 },
    );
    expect(seen).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(result.scores).toEqual([4, 3, 3]);
    expect(result.mean).toBeCloseTo(10 / 3, 12);
    expect(result.std).toBeCloseTo(Math.sqrt(2) / 3, 12);
  });

  test('stratified folds keep both classes in every validation fold', async () => {
    const { scores } = await crossValidate(
      (_xt, _yt, _xv, yVal) => Array.from(yVal.dataSync()).reduce((a, b) => a + b, 0) / yVal.shape[0],
      data,
      target,
      { k: 5, stratified: true, seed: 7 },
    );
    expect(scores.length).toBe(5);
    for (const s of scores) expect(s).toBeGreaterThan(0.6);
    for (const s of scores) expect(s).toBeLessThan(0.65);
    await expect(crossValidate(() => 0, tensor([[1], [2]]), tensor([1, 2]), { k: 3 })).rejects.toThrow(/nSplits=3/);
  });
});
