import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Tensor, ValueError } from '@horn/tensor';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageDatasetFromDirectory, parseIdx, textDatasetFromDirectory } from '../index.js';

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
interface Order {
  paths: string[];
  labels: number[];
}
interface KerasOrder {
  sorted: Order;
  shuffled: Order;
  training: Order;
  validation: Order;
  classNames: string[];
  seed: number;
  validationSplit: number;
}
// Produced by scripts/directory-order-fixture.py from Keras 3.15.1's index_directory.
const keras = JSON.parse(readFileSync(new URL('./keras-directory-order.json', import.meta.url), 'utf8')) as {
  images: KerasOrder;
  texts: KerasOrder;
};
const quiet = { verbose: false } as const;
let root: string;
let digits: string;
let cifar: string;
let texts: string;
let mnist: Uint8Array; // the first 24 test images, 28 x 28 each
let cifarHwc: Uint8Array[]; // the first 4 CIFAR-10 test images, 32 x 32 x 3
let sentences: string[];

function png(width: number, height: number, rgba: Uint8Array, colorType: 0 | 2 | 6): Buffer {
  const image = new PNG({ width, height });
  image.data = Buffer.from(rgba);
  return PNG.sync.write(image, { colorType });
}

function rgbaOf(pixels: Uint8Array, channels: 1 | 3): Uint8Array {
  const n = pixels.length / channels;
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = pixels[i * channels + (channels === 1 ? 0 : c)];
    out[i * 4 + 3] = 255;
  }
  return out;
}

// The layouts of scripts/directory-order-fixture.py, with real pixels and sentences in the files.
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'horn-dir-datasets-'));
  const images = parseIdx(readFileSync(join(DATA, 'mnist/t10k-images-idx3-ubyte.gz')));
  const labels = parseIdx(readFileSync(join(DATA, 'mnist/t10k-labels-idx1-ubyte.gz')));
  mnist = Uint8Array.from(images.values.subarray(0, 24 * 784));
  digits = join(root, 'digits');
  for (let i = 0; i < 24; i++) {
    const folder = join(digits, `digit_${labels.values[i]}`, i % 5 === 0 ? 'more' : '');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `img_${String(i).padStart(2, '0')}.png`),
      png(28, 28, rgbaOf(mnist.subarray(i * 784, (i + 1) * 784), 1), 0),
    );
  }
  const cifarBytes = readFileSync(join(DATA, 'cifar10/test_batch_first1000.bin'));
  cifarHwc = [0, 1, 2, 3].map((k) => {
    const chw = cifarBytes.subarray(k * 3073 + 1, (k + 1) * 3073);
    const hwc = new Uint8Array(3072);
    for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) hwc[p * 3 + c] = chw[c * 1024 + p];
    return hwc;
  });
  cifar = join(root, 'cifar');
  mkdirSync(join(cifar, 'a'), { recursive: true });
  mkdirSync(join(cifar, 'b'), { recursive: true });
  writeFileSync(join(cifar, 'a', 'x0.png'), png(32, 32, rgbaOf(cifarHwc[0], 3), 2));
  writeFileSync(join(cifar, 'a', 'x1.PNG'), png(32, 32, rgbaOf(cifarHwc[1], 3), 6));
  writeFileSync(
    join(cifar, 'b', 'x2.jpg'),
    jpeg.encode({ width: 32, height: 32, data: rgbaOf(cifarHwc[2], 3) }, 100).data,
  );
  writeFileSync(join(cifar, 'b', 'notes.md'), 'not an image');
  sentences = readFileSync(join(DATA, 'sentiment-sentences/imdb_labelled.txt'), 'utf8').split('\n').slice(0, 40);
  texts = join(root, 'texts');
  sentences.forEach((line, i) => {
    const [sentence, label] = line.split('\t');
    const folder = join(texts, label.trim() === '1' ? 'pos' : 'neg');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `s_${String(i).padStart(2, '0')}.txt`), sentence);
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const rel = (dir: string, paths: readonly string[]) => paths.map((p) => relative(dir, p));
const indexOf = (path: string) => Number(/img_(\d+)/.exec(path)?.[1]);
async function collect<E>(dataset: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const e of dataset) out.push(e);
  return out;
}

describe('imageDatasetFromDirectory (Keras image_dataset_from_directory)', () => {
  test("Keras's class order and file order, sorted and seeded-shuffled", async () => {
    const sorted = await imageDatasetFromDirectory(digits, { ...quiet, shuffle: false, imageSize: 28 });
    expect(sorted.classNames).toEqual(keras.images.classNames);
    expect(rel(digits, sorted.filePaths)).toEqual(keras.images.sorted.paths);
    const shuffled = await imageDatasetFromDirectory(digits, { ...quiet, seed: keras.images.seed, imageSize: 28 });
    expect(rel(digits, shuffled.filePaths)).toEqual(keras.images.shuffled.paths);
  });

  test('pixels equal the source images; batch shapes; int labels', async () => {
    const ds = await imageDatasetFromDirectory(digits, {
      ...quiet,
      shuffle: false,
      imageSize: [28, 28],
      colorMode: 'grayscale',
      batchSize: 10,
    });
    const batches = await collect(ds);
    expect(ds.length).toBe(3);
    expect(batches.map((b) => b.xs.shape)).toEqual([
      [10, 28, 28, 1],
      [10, 28, 28, 1],
      [4, 28, 28, 1],
    ]);
    expect(batches[0].xs.dtype).toBe('float32');
    expect(batches[0].ys.dtype).toBe('int32');
    const labels = batches.flatMap((b) => Array.from(b.ys.dataSync()));
    expect(labels).toEqual(keras.images.sorted.labels);
    const pixels = batches.flatMap((b) => Array.from(b.xs.dataSync()));
    ds.filePaths.forEach((path, k) => {
      const i = indexOf(path);
      expect(pixels.slice(k * 784, (k + 1) * 784)).toEqual(Array.from(mnist.subarray(i * 784, (i + 1) * 784)));
    });
  });

  test('validationSplit with subset both takes the last fraction of the shuffled files', async () => {
    const [train, val] = await imageDatasetFromDirectory(digits, {
      ...quiet,
      seed: keras.images.seed,
      validationSplit: keras.images.validationSplit,
      subset: 'both',
      imageSize: 28,
      batchSize: 4,
    });
    expect(rel(digits, train.filePaths)).toEqual(keras.images.training.paths);
    expect(rel(digits, val.filePaths)).toEqual(keras.images.validation.paths);
    const valLabels = (await collect(val)).flatMap((b) => Array.from(b.ys.dataSync()));
    expect(valLabels).toEqual(keras.images.validation.labels); // the validation set is not reshuffled
    const trainBatches = await collect(train);
    expect(trainBatches.map((b) => b.xs.shape[0])).toEqual([4, 4, 4, 4, 2]);
    // Each pass reshuffles the training files: the same 18 files, a new order, from the seed.
    const firstPass = trainBatches.flatMap((b) => Array.from(b.ys.dataSync()));
    expect([...firstPass].sort()).toEqual([...keras.images.training.labels].sort());
    const training = await imageDatasetFromDirectory(digits, {
      ...quiet,
      seed: keras.images.seed,
      validationSplit: 0.25,
      subset: 'training',
      imageSize: 28,
    });
    expect(rel(digits, training.filePaths)).toEqual(keras.images.training.paths);
  });

  test('categorical and binary labels; classNames picks and orders classes', async () => {
    const [batch] = await collect(
      await imageDatasetFromDirectory(digits, {
        ...quiet,
        shuffle: false,
        labelMode: 'categorical',
        imageSize: 28,
        batchSize: 4,
      }),
    );
    expect(batch.ys.shape).toEqual([4, 9]);
    expect(batch.ys.arraySync()).toEqual(
      [0, 0, 0, 1].map((k) => Array.from({ length: 9 }, (_, c) => (c === k ? 1 : 0))),
    );
    await expect(imageDatasetFromDirectory(digits, { ...quiet, labelMode: 'binary' })).rejects.toThrow(
      /exactly 2 classes/,
    );
    const binary = await imageDatasetFromDirectory(digits, {
      ...quiet,
      shuffle: false,
      labelMode: 'binary',
      classNames: ['digit_1', 'digit_0'],
      imageSize: 28,
    });
    const [b] = await collect(binary);
    expect(b.ys.shape).toEqual([6, 1]);
    expect(Array.from(b.ys.dataSync())).toEqual([0, 0, 0, 1, 1, 1]);
    expect(rel(digits, binary.filePaths)[0]).toBe('digit_1/img_02.png');
    const none = await imageDatasetFromDirectory(digits, {
      ...quiet,
      labels: null,
      shuffle: false,
      imageSize: 28,
      batchSize: 24,
    });
    expect(none.classNames).toBeNull();
    const [only] = await collect(none);
    expect((only as Tensor).shape).toEqual([24, 28, 28, 3]);
  });

  test('RGB, RGBA and grayscale PNGs, JPEG, resizing, and unbatched samples', async () => {
    const ds = await imageDatasetFromDirectory(cifar, { ...quiet, shuffle: false, imageSize: 32, batchSize: null });
    expect(rel(cifar, ds.filePaths)).toEqual(['a/x0.png', 'a/x1.PNG', 'b/x2.jpg']);
    const samples = await collect(ds);
    expect(samples[0].xs.shape).toEqual([32, 32, 3]);
    expect(samples[0].ys.shape).toEqual([]);
    expect(Array.from(samples[0].xs.dataSync())).toEqual(Array.from(cifarHwc[0]));
    expect(Array.from(samples[1].xs.dataSync())).toEqual(Array.from(cifarHwc[1]));
    const jpegPixels = samples[2].xs.dataSync();
    const meanError =
      Array.from(jpegPixels).reduce((s, v, i) => s + Math.abs(v - cifarHwc[2][i]), 0) / jpegPixels.length;
    expect(meanError).toBeLessThan(2); // quality-100 JPEG: lossy, but within a couple of levels
    const rgba = await collect(
      await imageDatasetFromDirectory(cifar, {
        ...quiet,
        shuffle: false,
        imageSize: 32,
        colorMode: 'rgba',
        batchSize: 1,
      }),
    );
    expect(rgba[0].xs.shape).toEqual([1, 32, 32, 4]);
    expect(rgba[0].xs.dataSync()[3]).toBe(255);
    const gray = await collect(
      await imageDatasetFromDirectory(cifar, { ...quiet, shuffle: false, imageSize: 32, colorMode: 'grayscale' }),
    );
    const [r, g, b] = cifarHwc[0];
    expect(gray[0].xs.dataSync()[0]).toBe((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16); // PIL's convert('L')
    const small = await collect(
      await imageDatasetFromDirectory(cifar, { ...quiet, shuffle: false, imageSize: [16, 8], batchSize: 1 }),
    );
    expect(small[0].xs.shape).toEqual([1, 16, 8, 3]);
    // Bilinear 32 -> 16 rows, 32 -> 8 columns: output (0, 0) mixes input rows 0-1 and columns 1-2 equally.
    const at = (y: number, x: number) => cifarHwc[0][(y * 32 + x) * 3];
    expect(small[0].xs.dataSync()[0]).toBeCloseTo((at(0, 1) + at(0, 2) + at(1, 1) + at(1, 2)) / 4, 4);
  });

  test('explicit labels follow path order; linked class folders and files count, as os.path.isdir / os.walk', async () => {
    const labels = keras.images.sorted.paths.map((_, i) => (i % 3 === 0 ? 7 : 2));
    const ds = await imageDatasetFromDirectory(digits, {
      ...quiet,
      labels,
      shuffle: false,
      imageSize: 28,
      batchSize: 24,
    });
    expect(ds.classNames).toEqual(['2', '7']); // Keras: the sorted labels, as strings
    const [batch] = await collect(ds);
    expect(Array.from(batch.ys.dataSync())).toEqual(labels);
    symlinkSync(join(cifar, 'a'), join(cifar, 'c'), 'dir');
    symlinkSync(join(cifar, 'a', 'x0.png'), join(cifar, 'b', 'y.png'));
    try {
      const linked = await imageDatasetFromDirectory(cifar, { ...quiet, shuffle: false, imageSize: 32 });
      expect(linked.classNames).toEqual(['a', 'b', 'c']);
      expect(rel(cifar, linked.filePaths)).toEqual([
        'a/x0.png',
        'a/x1.PNG',
        'b/x2.jpg',
        'b/y.png',
        'c/x0.png',
        'c/x1.PNG',
      ]);
    } finally {
      rmSync(join(cifar, 'c'));
      rmSync(join(cifar, 'b', 'y.png'));
    }
  });

  test("a real image's pixels equal Keras's loader (PIL decode and convert, ops.image.resize): PNG, BMP, GIF", async () => {
    // Produced by scripts/load-image-fixture.py (Keras 3.15.1 _load_image_grain, jax backend, Pillow 9.4).
    const cases = JSON.parse(readFileSync(new URL('./keras-load-image.json', import.meta.url), 'utf8')) as {
      file?: string;
      colorMode: 'grayscale' | 'rgb' | 'rgba';
      imageSize: [number, number];
      interpolation: 'bilinear' | 'nearest';
      cropToAspectRatio: boolean;
      pixels: number[];
    }[];
    for (const { pixels, file, ...options } of cases) {
      // The PNG is written here; the BMP and GIF (a 64-color GIF with a transparent color) are Pillow's files.
      const one = mkdtempSync(join(root, 'one-'));
      mkdirSync(join(one, 'only'));
      const bytes = file
        ? readFileSync(new URL(`./fixtures/${file}`, import.meta.url))
        : png(32, 32, rgbaOf(cifarHwc[0], 3), 2);
      writeFileSync(join(one, 'only', file ?? 'x.png'), bytes);
      const [batch] = await collect(await imageDatasetFromDirectory(one, { ...quiet, ...options }));
      const actual = batch.xs.dataSync();
      expect(actual.length).toBe(pixels.length);
      pixels.forEach((v, i) => {
        expect(Math.abs(actual[i] - v)).toBeLessThan(2e-3);
      });
    }
  });

  test('refuses what it does not handle, by name', async () => {
    writeFileSync(join(cifar, 'b', 'x3.png'), 'not a png at all');
    try {
      const ds = await imageDatasetFromDirectory(cifar, { ...quiet, shuffle: false, imageSize: 32 });
      await expect(collect(ds)).rejects.toThrow(/x3.png is not a PNG, JPEG, GIF or BMP image/);
    } finally {
      rmSync(join(cifar, 'b', 'x3.png'));
    }
    const bad = (o: object) => imageDatasetFromDirectory(digits, { ...quiet, ...o });
    await expect(bad({ interpolation: 'bicubic' })).rejects.toThrow(/interpolation must be 'bilinear' or 'nearest'/);
    await expect(bad({ padToAspectRatio: true })).rejects.toThrow(/unsupported option 'padToAspectRatio'/);
    await expect(bad({ validationSplit: 0.2, subset: 'training' })).rejects.toThrow(/pass a seed/);
    await expect(bad({ validationSplit: 0.2 })).rejects.toThrow(/subset and validationSplit must be given together/);
    await expect(bad({ validationSplit: 1.5, subset: 'training', seed: 1 })).rejects.toThrow(/between 0 and 1/);
    await expect(bad({ classNames: ['digit_0', 'cats'] })).rejects.toThrow(/classNames must name sub-folders/);
    await expect(bad({ colorMode: 'cmyk' })).rejects.toThrow(ValueError);
    await expect(bad({ labels: [0, 1] })).rejects.toThrow(/one label per file/);
  });
});

describe('textDatasetFromDirectory (Keras text_dataset_from_directory)', () => {
  test("Keras's order and split; string batches equal the files; int labels", async () => {
    const [train, val] = await textDatasetFromDirectory(texts, {
      ...quiet,
      seed: keras.texts.seed,
      validationSplit: keras.texts.validationSplit,
      subset: 'both',
      batchSize: 5,
    });
    expect(train.classNames).toEqual(['neg', 'pos']);
    expect(rel(texts, train.filePaths)).toEqual(keras.texts.training.paths);
    expect(rel(texts, val.filePaths)).toEqual(keras.texts.validation.paths);
    const batches = await collect(val);
    expect(batches.map((b) => b.xs.length)).toEqual([5, 3]);
    const all = batches.flatMap((b) => b.xs);
    expect(all).toEqual(val.filePaths.map((p) => sentences[Number(/s_(\d+)/.exec(p)?.[1])].split('\t')[0]));
    expect(batches.flatMap((b) => Array.from(b.ys.dataSync()))).toEqual(keras.texts.validation.labels);
  });

  test('maxLength keeps that many UTF-8 bytes; labels null gives bare string batches', async () => {
    const ds = await textDatasetFromDirectory(texts, {
      ...quiet,
      shuffle: false,
      maxLength: 10,
      labels: null,
      batchSize: 40,
    });
    expect(rel(texts, ds.filePaths)).toEqual(keras.texts.sorted.paths);
    const [batch] = await collect(ds);
    expect(batch[0]).toBe(sentences[Number(/s_(\d+)/.exec(ds.filePaths[0])?.[1])].slice(0, 10));
    const one = await textDatasetFromDirectory(texts, {
      ...quiet,
      shuffle: false,
      batchSize: null,
      labelMode: 'binary',
    });
    const [first] = await collect(one);
    expect(typeof first.xs).toBe('string');
    expect(first.ys.shape).toEqual([1]);
    await expect(textDatasetFromDirectory(texts, { ...quiet, maxLength: -1 })).rejects.toThrow(/maxLength/);
  });
});
