import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { breastCancer, diabetes, digits, iris, wine } from '../index.js';
import { BREAST_CANCER_CSV } from './data/breast-cancer.js';
import { DIABETES_DATA_CSV_GZ_BASE64 } from './data/diabetes-data.js';
import { DIABETES_TARGET_CSV_GZ_BASE64 } from './data/diabetes-target.js';
import { DIGITS_CSV_GZ_BASE64 } from './data/digits.js';
import { IRIS_CSV } from './data/iris.js';
import { WINE_CSV } from './data/wine.js';
import { base64ToBytes } from './toy-dataset.js';

const sklearnFile = (name: string) =>
  readFileSync(new URL(`../../../../../shared/data/sklearn/${name}`, import.meta.url));
const counts = (values: ArrayLike<number>) => {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out[values[i]] = (out[values[i]] ?? 0) + 1;
  return out;
};

test("the shipped data is byte-for-byte scikit-learn's files", () => {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const text = (s: string) => new TextEncoder().encode(s);
  expect(sha(text(BREAST_CANCER_CSV))).toBe('fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed');
  expect(sha(text(IRIS_CSV))).toBe('f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449');
  expect(sha(text(WINE_CSV))).toBe('10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede');
  expect(sha(base64ToBytes(DIGITS_CSV_GZ_BASE64))).toBe(
    '46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a',
  );
  expect(base64ToBytes(DIABETES_DATA_CSV_GZ_BASE64)).toEqual(new Uint8Array(sklearnFile('diabetes_data_raw.csv.gz')));
  expect(base64ToBytes(DIABETES_TARGET_CSV_GZ_BASE64)).toEqual(new Uint8Array(sklearnFile('diabetes_target.csv.gz')));
});

describe('toy sets load with no network, like sklearn load_*', () => {
  test('breastCancer: 569 x 30, 212 malignant (0) / 357 benign (1)', () => {
    const { data, target, featureNames, targetNames } = breastCancer.loadData();
    expect(data.shape).toEqual([569, 30]);
    expect(data.dtype).toBe('float32');
    expect(target.dtype).toBe('int32');
    expect(counts(target.dataSync())).toEqual([212, 357]);
    expect(targetNames).toEqual(['malignant', 'benign']);
    expect(featureNames.length).toBe(30);
    expect([featureNames[0], featureNames[10], featureNames[29]]).toEqual([
      'mean radius',
      'radius error',
      'worst fractal dimension',
    ]);
    expect(Array.from(data.dataSync().slice(0, 4))).toEqual([
      Math.fround(17.99),
      Math.fround(10.38),
      Math.fround(122.8),
      1001,
    ]);
  });

  test('iris: 150 x 4, 50 per class', () => {
    const { data, target, featureNames, targetNames } = iris.loadData();
    expect(data.shape).toEqual([150, 4]);
    expect(counts(target.dataSync())).toEqual([50, 50, 50]);
    expect(targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(Array.from(data.dataSync().slice(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });

  test('digits: 1797 x 64 and 8x8 images, values 0..16', () => {
    const { data, images, target, featureNames, targetNames } = digits.loadData();
    expect(data.shape).toEqual([1797, 64]);
    expect(images.shape).toEqual([1797, 8, 8]);
    expect(counts(target.dataSync())).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(Math.max(...data.dataSync())).toBe(16);
    expect(Array.from(data.dataSync().slice(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect([featureNames[0], featureNames[9], featureNames[63]]).toEqual(['pixel_0_0', 'pixel_1_1', 'pixel_7_7']);
    expect(targetNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  test('wine: 178 x 13, classes 59 / 71 / 48', () => {
    const { data, target, featureNames, targetNames } = wine.loadData();
    expect(data.shape).toEqual([178, 13]);
    expect(counts(target.dataSync())).toEqual([59, 71, 48]);
    expect(targetNames).toEqual(['class_0', 'class_1', 'class_2']);
    expect(featureNames[12]).toBe('proline');
  });

  test("diabetes: 442 x 10, scaled as scikit-learn's load_diabetes (documented first row)", () => {
    const { data, target, featureNames, targetNames } = diabetes.loadData();
    expect(data.shape).toEqual([442, 10]);
    expect(target.dtype).toBe('float32');
    expect(Array.from(target.dataSync().slice(0, 3))).toEqual([151, 75, 141]);
    expect(featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(targetNames).toEqual([]);
    // scikit-learn 1.2.1 scales the raw file (NumPy: (x - mean) / std / sqrt(442)); older releases
    // shipped pre-scaled data that differs in the 7th decimal for bp and s5.
    const first = [
      0.03807591, 0.05068012, 0.06169621, 0.02187239, -0.0442235, -0.03482076, -0.04340085, -0.00259226, 0.01990749,
      -0.01764613,
    ];
    const row = data.dataSync().slice(0, 10);
    for (let i = 0; i < 10; i++) expect(row[i]).toBeCloseTo(first[i], 7);
    // Each scaled column has zero mean and unit norm.
    const values = data.dataSync();
    let sum = 0;
    let squares = 0;
    for (let r = 0; r < 442; r++) {
      sum += values[r * 10];
      squares += values[r * 10] ** 2;
    }
    expect(sum).toBeCloseTo(0, 5);
    expect(squares).toBeCloseTo(1, 5);
    const raw = diabetes.loadData({ scaled: false }).data.dataSync();
    expect(Array.from(raw.slice(0, 3))).toEqual([59, 2, Math.fround(32.1)]);
  });
});
