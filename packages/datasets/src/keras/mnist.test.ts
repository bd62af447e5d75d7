import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ValueError } from '@horn/tensor';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fashionMnist, mnist } from '../index.js';

const MNIST_DIR = fileURLToPath(new URL('../../../../../shared/data/mnist', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

afterEach(() => vi.unstubAllEnvs());

describe('mnist.loadData', () => {
  test('loads the real 70,000 digits from a path', async () => {
    const [[xTrain, yTrain], [xTest, yTest]] = await mnist.loadData({ path: MNIST_DIR });
    expect(xTrain.shape).toEqual([60000, 28, 28]);
    expect(yTrain.shape).toEqual([60000]);
    expect(xTest.shape).toEqual([10000, 28, 28]);
    expect(yTest.shape).toEqual([10000]);
    expect([xTrain.dtype, yTrain.dtype, xTest.dtype, yTest.dtype]).toEqual(['int32', 'int32', 'int32', 'int32']);
    expect(yTrain.dataSync()[0]).toBe(5);
    expect(yTest.dataSync()[0]).toBe(7);

    // The first test image's pixel sum, computed independently from the raw file bytes.
    const raw = gunzipSync(await readFile(join(MNIST_DIR, 't10k-images-idx3-ubyte.gz')));
    let expected = 0;
    for (let i = 16; i < 16 + 784; i++) expected += raw[i];
    const pixels = xTest.dataSync();
    let sum = 0;
    for (let i = 0; i < 784; i++) sum += pixels[i];
    expect(sum).toBe(expected);
    expect(sum).toBe(18454);

    const train = xTrain.dataSync();
    let total = 0;
    let max = 0;
    for (let i = 0; i < train.length; i++) {
      total += train[i];
      if (train[i] > max) max = train[i];
    }
    expect(total).toBe(1567298545);
    expect(max).toBe(255);
    const counts = new Array(10).fill(0);
    for (const label of yTest.dataSync()) counts[label]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  test('HORN_MNIST_PATH and HORN_DATA_PATH point at the files without a path option', async () => {
    vi.stubEnv('HORN_MNIST_PATH', MNIST_DIR);
    const [, [, yTest]] = await mnist.loadData();
    expect(yTest.dataSync()[1]).toBe(2);
    vi.unstubAllEnvs();
    vi.stubEnv('HORN_HOME', join(tmpdir(), 'horn-no-such-home'));
    vi.stubEnv('HORN_DATASETS_URL', 'http://127.0.0.1:9');
    vi.stubEnv('HORN_DATA_PATH', join(MNIST_DIR, '..'));
    const [[xTrain]] = await mnist.loadData();
    expect(xTrain.shape).toEqual([60000, 28, 28]);
  });

  test("reads Keras's mnist.npz layout from a path", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'horn-mnist-npz-'));
    try {
      copyFileSync(join(FIXTURES, 'mnist.npz'), join(dir, 'mnist.npz'));
      const [[xTrain, yTrain], [xTest, yTest]] = await mnist.loadData({ path: dir });
      expect(xTrain.shape).toEqual([3, 28, 28]);
      expect(Array.from(yTrain.dataSync())).toEqual([5, 0, 4]);
      expect(Array.from(yTest.dataSync())).toEqual([7, 2]);
      const sum = (values: ArrayLike<number>, from: number) => {
        let s = 0;
        for (let i = from; i < from + 784; i++) s += values[i];
        return s;
      };
      expect(sum(xTrain.dataSync(), 0)).toBe(97534);
      expect(sum(xTest.dataSync(), 784)).toBe(101088);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a path without the files names what it expected', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'horn-empty-'));
    try {
      await expect(mnist.loadData({ path: empty })).rejects.toThrow(ValueError);
      await expect(mnist.loadData({ path: empty })).rejects.toThrow(
        /mnist: no complete set of files in '.*horn-empty-\w+'; expected: train-images-idx3-ubyte.gz, .* \| or \| mnist.npz/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

test('fashionMnist.loadData reads IDX files from a path (label files real, images stand-ins)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'horn-fashion-'));
  try {
    const fashion = fileURLToPath(new URL('../../../../../shared/data/fashion-mnist', import.meta.url));
    for (const f of ['train-labels-idx1-ubyte.gz', 't10k-labels-idx1-ubyte.gz'])
      copyFileSync(join(fashion, f), join(dir, f));
    // Only the labels are real here; images of the right count come from MNIST's files.
    copyFileSync(join(MNIST_DIR, 'train-images-idx3-ubyte.gz'), join(dir, 'train-images-idx3-ubyte.gz'));
    copyFileSync(join(MNIST_DIR, 't10k-images-idx3-ubyte.gz'), join(dir, 't10k-images-idx3-ubyte.gz'));
    const [[, yTrain], [, yTest]] = await fashionMnist.loadData({ path: dir });
    expect(yTrain.shape).toEqual([60000]);
    expect(Array.from(yTest.dataSync().slice(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
