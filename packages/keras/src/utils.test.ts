import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIdx } from '@horn/datasets';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as keras from './index.js';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
let root: string;

// 40 MNIST test images, the first 20 zeros and the first 20 ones, as grayscale PNGs in class folders.
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'horn-keras-utils-'));
  const images = parseIdx(readFileSync(join(DATA, 'mnist/t10k-images-idx3-ubyte.gz')));
  const labels = parseIdx(readFileSync(join(DATA, 'mnist/t10k-labels-idx1-ubyte.gz')));
  const count = [0, 0];
  for (let i = 0; count[0] + count[1] < 40; i++) {
    const label = labels.values[i];
    if (label > 1 || count[label] >= 20) continue;
    count[label]++;
    const png = new PNG({ width: 28, height: 28 });
    for (let p = 0; p < 784; p++) {
      const v = images.values[i * 784 + p];
      png.data.set([v, v, v, 255], p * 4);
    }
    mkdirSync(join(root, label === 0 ? 'zero' : 'one'), { recursive: true });
    writeFileSync(join(root, label === 0 ? 'zero' : 'one', `${i}.png`), PNG.sync.write(png, { colorType: 0 }));
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('keras.utils', () => {
  test('toCategorical and normalize give Keras numbers', () => {
    // keras.utils.to_categorical([0, 2, 1], 3)
    expect(keras.utils.toCategorical([0, 2, 1], 3).arraySync()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    // keras.utils.normalize(np.array([[3., 4.], [0., 0.]]))
    const n = keras.utils
      .normalize([
        [3, 4],
        [0, 0],
      ])
      .dataSync();
    expect(Array.from(n, (v: number) => Number(v.toFixed(6)))).toEqual([0.6, 0.8, 0, 0]);
  });

  test('imageDatasetFromDirectory feeds model.fitDataset; plotModel draws the model', async () => {
    keras.setSeed(7);
    const [train, val] = await keras.utils.imageDatasetFromDirectory(root, {
      imageSize: [28, 28],
      colorMode: 'grayscale',
      batchSize: 8,
      validationSplit: 0.25,
      subset: 'both',
      seed: 11,
      verbose: false,
    });
    expect(train.classNames).toEqual(['one', 'zero']);
    expect(train.filePaths).toHaveLength(30);
    expect(val.filePaths).toHaveLength(10);
    const model = new keras.Sequential([
      keras.Input({ shape: [28, 28, 1] }),
      new keras.layers.Rescaling({ scale: 1 / 255 }),
      new keras.layers.Flatten(),
      new keras.layers.Dense({ units: 2, activation: 'softmax' }),
    ]);
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fitDataset(train, { epochs: 4, verbose: 0, validationData: val });
    const loss = history.history.loss as number[];
    expect(loss).toHaveLength(4);
    expect(loss[3]).toBeLessThan(loss[0]);
    expect((history.history.val_accuracy as number[])[3]).toBeGreaterThanOrEqual(0.8); // zeros vs ones: 9 of 10 here (seeded)
    const svg = await keras.utils.plotModel(model, { showShapes: true });
    expect(svg.match(/<g class="layer"/g)).toHaveLength(3);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(2);
    expect(svg).toContain('Output shape: (None, 784)');
  });

  test('textDatasetFromDirectory and getFile are there', async () => {
    const dir = join(root, 'texts');
    mkdirSync(join(dir, 'neg'), { recursive: true });
    mkdirSync(join(dir, 'pos'), { recursive: true });
    writeFileSync(join(dir, 'neg', 'a.txt'), 'Not sure who was more lost.');
    writeFileSync(join(dir, 'pos', 'b.txt'), 'Wasted two hours? Not at all.');
    const ds = await keras.utils.textDatasetFromDirectory(dir, { shuffle: false, verbose: false });
    const batches = [];
    for await (const batch of ds) batches.push(batch);
    expect(batches[0].xs).toEqual(['Not sure who was more lost.', 'Wasted two hours? Not at all.']);
    expect(Array.from(batches[0].ys.dataSync())).toEqual([0, 1]);
    const source = join(dir, 'neg', 'a.txt');
    const path = await keras.utils.getFile('copy.txt', `file://${source}`, { cacheDir: join(root, 'cache') });
    expect(readFileSync(path, 'utf8')).toBe('Not sure who was more lost.');
  });
});
