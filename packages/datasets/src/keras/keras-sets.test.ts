import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValueError } from '@horn/tensor';
import { afterAll, describe, expect, test } from 'vitest';
import { bostonHousing, cifar10, imdb, NumpyRandomState } from '../index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const CIFAR_1000 = fileURLToPath(
  new URL('../../../../../shared/data/cifar10/test_batch_first1000.bin', import.meta.url),
);
const temp = mkdtempSync(join(tmpdir(), 'horn-keras-sets-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test("NumpyRandomState shuffles like NumPy's RandomState (values from NumPy 2.4)", () => {
  expect(Array.from(new NumpyRandomState(113).permutation(10))).toEqual([9, 3, 6, 1, 0, 7, 4, 8, 2, 5]);
  expect(Array.from(new NumpyRandomState(113).permutation(25000).slice(0, 8))).toEqual([
    7798, 13226, 18078, 793, 17499, 23003, 574, 19638,
  ]);
  expect(Array.from(new NumpyRandomState(113).permutation(506).slice(0, 8))).toEqual([
    22, 202, 368, 335, 461, 323, 382, 143,
  ]);
});

describe('cifar10.loadData', () => {
  test('reads six batch files from a path (the real first 1,000 test records in each)', async () => {
    const dir = join(temp, 'cifar-bins', 'cifar-10-batches-bin');
    mkdirSync(dir, { recursive: true });
    for (const name of ['data_batch_1', 'data_batch_2', 'data_batch_3', 'data_batch_4', 'data_batch_5', 'test_batch']) {
      copyFileSync(CIFAR_1000, join(dir, `${name}.bin`));
    }
    const [[xTrain, yTrain], [xTest, yTest]] = await cifar10.loadData({ path: join(temp, 'cifar-bins') });
    expect(xTrain.shape).toEqual([5000, 32, 32, 3]);
    expect(yTrain.shape).toEqual([5000]);
    expect(xTest.shape).toEqual([1000, 32, 32, 3]);
    expect(Array.from(yTest.dataSync().slice(0, 10))).toEqual([3, 8, 8, 0, 6, 6, 1, 6, 3, 1]);
    expect(yTrain.dataSync()[1000]).toBe(3);
    expect(Array.from(xTest.dataSync().slice(0, 3))).toEqual([158, 112, 49]);
  });

  test('reads cifar-10-binary.tar.gz from a path', async () => {
    const dir = join(temp, 'cifar-tar');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'cifar-10-binary.tar.gz'), join(dir, 'cifar-10-binary.tar.gz'));
    const [[xTrain, yTrain], [xTest, yTest]] = await cifar10.loadData({ path: dir });
    expect(xTrain.shape).toEqual([10, 32, 32, 3]);
    expect(Array.from(yTrain.dataSync())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(yTest.dataSync())).toEqual([0, 1]);
    // Record r of a fixture batch holds (channel * 100 + p + r) % 256 at pixel p of each plane.
    const px = xTest.dataSync();
    expect(Array.from(px.slice(0, 6))).toEqual([0, 100, 200, 1, 101, 201]);
    expect(Array.from(px.slice(3072, 3075))).toEqual([1, 101, 201]);
  });
});

describe('imdb.loadData (tiny imdb.npz in the real format; expected values from Keras load_data code)', () => {
  const path = FIXTURES;

  test('defaults: shuffle with seed 113, start 1, indexFrom 3, largest index becomes OOV as in Keras', async () => {
    const [[xTrain, yTrain], [xTest, yTest]] = await imdb.loadData({ path });
    expect(xTrain).toEqual([
      [1, 7, 8],
      [1, 4, 5, 6],
      [1, 10],
      [1, 9, 4, 4, 5],
      [1, 5, 12, 6, 7, 8],
      [1, 11, 11],
    ]);
    expect(Array.from(yTrain.dataSync())).toEqual([0, 1, 0, 1, 1, 0]);
    expect(yTrain.dtype).toBe('int32');
    expect(xTest).toEqual([
      [1, 4, 5, 6, 7],
      [1, 6, 6, 4],
      [1, 12, 2],
      [1, 9, 10],
      [1, 8],
    ]);
    expect(Array.from(yTest.dataSync())).toEqual([0, 0, 1, 1, 1]);
  });

  test('numWords, skipTop, oovChar null, maxlen, startChar null, seed', async () => {
    const [[a], [b]] = await imdb.loadData({ path, numWords: 8 });
    expect(a).toEqual([
      [1, 7, 2],
      [1, 4, 5, 6],
      [1, 2],
      [1, 2, 4, 4, 5],
      [1, 5, 2, 6, 7, 2],
      [1, 2, 2],
    ]);
    expect(b).toEqual([
      [1, 4, 5, 6, 7],
      [1, 6, 6, 4],
      [1, 2, 2],
      [1, 2, 2],
      [1, 2],
    ]);
    const [[c], [d]] = await imdb.loadData({ path, numWords: 8, oovChar: null, skipTop: 4 });
    expect(c).toEqual([[7], [4, 5, 6], [], [4, 4, 5], [5, 6, 7], []]);
    expect(d).toEqual([[4, 5, 6, 7], [6, 6, 4], [], [], []]);
    const [[e, ye], [f, yf]] = await imdb.loadData({ path, maxlen: 4 });
    expect(e).toEqual([
      [1, 7, 8],
      [1, 10],
      [1, 11, 11],
    ]);
    expect(Array.from(ye.dataSync())).toEqual([0, 0, 0]);
    expect(f).toEqual([
      [1, 12, 2],
      [1, 9, 10],
      [1, 8],
    ]);
    expect(Array.from(yf.dataSync())).toEqual([1, 1, 1]);
    const [[g, yg]] = await imdb.loadData({ path, startChar: null, indexFrom: 0, seed: 1 });
    expect(g).toEqual([[6, 1, 1, 2], [4, 5], [2, 9, 3, 4, 5], [1, 2, 3], [7], [8, 8]]);
    expect(Array.from(yg.dataSync())).toEqual([1, 0, 1, 1, 0, 0]);
    await expect(imdb.loadData({ path, maxlen: 1 })).rejects.toThrow(/maxlen=1 removes every review/);
  });
});

describe('bostonHousing.loadData (tiny boston_housing.npz; expected values from Keras load_data code)', () => {
  test('shuffles with seed 113 and keeps floor(n * 0.8) rows for training', async () => {
    const [[xTrain, yTrain], [xTest, yTest]] = await bostonHousing.loadData({ path: FIXTURES });
    expect(xTrain.shape).toEqual([9, 13]);
    expect(xTest.shape).toEqual([3, 13]);
    expect(xTrain.dtype).toBe('float32');
    expect(Array.from(yTrain.dataSync())).toEqual([16, 14.5, 23.5, 22, 11.5, 10, 26.5, 20.5, 19]);
    expect(Array.from(yTest.dataSync())).toEqual([25, 13, 17.5]);
    expect(Array.from(xTrain.dataSync().slice(0, 3))).toEqual([13, 13.25, 13.5]);
  });

  test('testSplit and seed', async () => {
    const [[, yTrain], [, yTest]] = await bostonHousing.loadData({ path: FIXTURES, testSplit: 0.5, seed: 7 });
    expect(Array.from(yTrain.dataSync())).toEqual([20.5, 25, 13, 17.5, 10, 11.5]);
    expect(Array.from(yTest.dataSync())).toEqual([26.5, 22, 14.5, 19, 23.5, 16]);
    await expect(bostonHousing.loadData({ path: FIXTURES, testSplit: 1 })).rejects.toThrow(ValueError);
  });
});
