/**
 * The figures of the course's chapter 6 (convolution): the worked 3x3 image convolved with a 2x2
 * filter of ones, valid and same (6.1), its three feature maps for the filters 1 / 10 / −1, max
 * pooling of [[4, 3], [2, 1]] with stride 1, valid and same, the first MNIST digit
 * (`plt.imshow(img, cmap='gray')`) with its five feature maps after conv (2x2, stride 1, same) and
 * 2x2 max pooling (`plt.subplot(1, 5, i + 1)`), a grid of digits, and the filters and feature maps of
 * a small CNN trained on MNIST. Run: `node dist/figures/chapter6.js [dir]`.
 */
import * as keras from '@horn/keras';
import { imshow, linePlot, subplots } from '@horn/plot';
import { conv2d, maxPool2d, relu, type Tensor, tensor } from '@horn/tensor';
import { convolutionChapter } from '../chapters/convolution.js';
import { mnistSubset } from './chapter5.js';
import { type FigureRunOptions, type FigureWriter, runFiguresIfMain } from './figure-writer.js';

const rows = (t: Tensor, h: number, w: number): number[][] => {
  const v = Array.from(t.dataSync());
  return Array.from({ length: h }, (_, r) => v.slice(r * w, (r + 1) * w));
};

/** The `k`-th of `[1, h, w, c]` maps as an h x w matrix. */
function channel(maps: Tensor, k: number): number[][] {
  const [, h, w, c] = maps.shape;
  const v = maps.dataSync();
  return Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, col) => v[(r * w + col) * c + k]));
}

/** Draws chapter 6's figures. */
export async function chapter6Figures(writer: FigureWriter, options: FigureRunOptions = {}): Promise<void> {
  const fast = options.fast ?? false;
  const c = convolutionChapter();
  const image = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ];
  const valid = rows(c["conv2d(image, ones 2x2, 'valid')"], 2, 2);
  const same = rows(c["conv2d(image, ones 2x2, 'same')"], 3, 3);
  await writer.write(
    'ch6-conv2d-worked',
    '6.1',
    subplots(
      [
        imshow(image, { annotate: true, title: 'image (1, 3, 3, 1)' }),
        imshow(
          [
            [1, 1],
            [1, 1],
          ],
          { annotate: true, title: 'filter 2x2 of ones', vmin: 0, vmax: 2 },
        ),
        imshow(valid, { annotate: true, title: "padding='valid' → 2x2" }),
        imshow(same, { annotate: true, title: "padding='same' → 3x3" }),
      ],
      { title: 'Conv2D of the course’s 3x3 image (gray: plt.imshow(..., cmap="gray"))', spacing: 24 },
    ),
    { valid: valid.flat(), same: same.flat() },
  );

  const maps = c["conv2d(image, filters 1/10/-1, 'same') as maps"];
  const three = [0, 1, 2].map((k) => rows(maps.slice([k, 0, 0], [1, 3, 3]), 3, 3));
  await writer.write(
    'ch6-three-filters',
    '6.1',
    subplots(
      three.map((m, k) => imshow(m, { annotate: true, title: `filter of ${[1, 10, -1][k]}s` })),
      { title: "Three 2x2 filters, padding='same': one feature map each", spacing: 24 },
    ),
    { maps: three.flat(2) },
  );

  const pool = tensor([
    [
      [[4], [3]],
      [[2], [1]],
    ],
  ]);
  const pValid = maxPool2d(pool, { poolSize: 2, strides: 1, padding: 'valid' });
  const pSame = maxPool2d(pool, { poolSize: 2, strides: 1, padding: 'same' });
  await writer.write(
    'ch6-max-pooling',
    '6.2',
    subplots(
      [
        imshow(
          [
            [4, 3],
            [2, 1],
          ],
          { annotate: true, title: 'image 2x2' },
        ),
        imshow(rows(pValid, 1, 1), { annotate: true, title: 'valid → 1x1', vmin: 0, vmax: 4 }),
        imshow(rows(pSame, 2, 2), { annotate: true, title: 'same → 2x2', vmin: 1, vmax: 4 }),
      ],
      { title: 'MaxPool2D(pool_size=2, strides=1)', spacing: 24 },
    ),
    { valid: Array.from(pValid.dataSync()), same: Array.from(pSame.dataSync()) },
  );

  // MNIST: the first digit, its five feature maps (random 2x2 filters, N(0, 0.01²), seed 42) after pooling.
  const n = fast ? 600 : 3000;
  const { images, y } = await mnistSubset(n);
  const labels = Array.from(y.dataSync());
  const first = images.slice([0, 0, 0], [1, 28, 28]);
  const digit = rows(first, 28, 28);
  const kernel = new keras.initializers.RandomNormal({ stddev: 0.01, seed: 42 }).apply([2, 2, 1, 5]);
  const pooled = maxPool2d(conv2d(first.reshape([1, 28, 28, 1]), kernel, { padding: 'same' }), {
    poolSize: 2,
    strides: 2,
  });
  await writer.write(
    'ch6-mnist-digit',
    '6.3',
    imshow(digit, { title: `train_images[0], label ${labels[0]}`, width: 196, height: 196 }),
    {
      label: labels[0],
      'max pixel': Math.max(...digit.flat()),
    },
  );
  await writer.write(
    'ch6-mnist-feature-maps',
    '6.3',
    subplots(
      [0, 1, 2, 3, 4].map((k) => imshow(channel(pooled, k), { title: `map ${k + 1}`, width: 112, height: 112 })),
      {
        title: 'Five 2x2 random filters, then 2x2 max pooling: 14x14 maps',
        spacing: 12,
      },
    ),
    { shape: [...pooled.shape] },
  );
  await writer.write(
    'ch6-mnist-digits',
    '6.3',
    subplots(
      Array.from({ length: 10 }, (_, i) =>
        imshow(rows(images.slice([i, 0, 0], [1, 28, 28]), 28, 28), {
          title: `label ${labels[i]}`,
          width: 84,
          height: 84,
        }),
      ),
      { cols: 5, title: 'The first 10 MNIST training digits', spacing: 10 },
    ),
    { labels: labels.slice(0, 10) },
  );

  // A small CNN trained on the first digits: its 8 learned 3x3 filters and their maps of digit 0.
  keras.setSeed(42);
  const conv = new keras.layers.Conv2D({ filters: 8, kernelSize: 3, activation: 'relu' });
  const cnn = new keras.Sequential([
    keras.Input({ shape: [28, 28, 1] }),
    conv,
    new keras.layers.MaxPooling2D({ poolSize: 2 }),
    new keras.layers.Flatten(),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  cnn.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  const history = await cnn.fit(images.reshape([n, 28, 28, 1]), y, {
    epochs: fast ? 2 : 8,
    batchSize: 64,
    validationSplit: 0.2,
    verbose: 0,
  });
  const [w, b] = conv.getWeights();
  const filters = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => channel(w.reshape([1, 3, 3, 8]), k));
  const fmaps = relu(conv2d(first.reshape([1, 28, 28, 1]), w).add(b));
  await writer.write(
    'ch6-cnn-filters-maps',
    '6.4',
    subplots(
      [
        filters.map((f, k) => imshow(f, { title: `filter ${k + 1}`, width: 60, height: 60 })),
        filters.map((_, k) => imshow(channel(fmaps, k), { title: `map ${k + 1}`, width: 60, height: 60 })),
      ],
      { title: `Trained Conv2D(8, 3x3, relu): filters and feature maps of digit ${labels[0]}`, spacing: 8 },
    ),
    { filterShape: [...w.shape], mapShape: [...fmaps.shape] },
    1.25,
  );
  await writer.write(
    'ch6-cnn-loss',
    '6.4',
    linePlot({
      series: [
        { name: 'train_loss', y: history.history.loss },
        { name: 'val_loss', y: history.history.val_loss },
      ],
      title: `CNN on ${n} MNIST digits: val_accuracy ${history.history.val_accuracy.at(-1)?.toFixed(3)}`,
      xLabel: 'epoch',
      yLabel: 'loss',
    }),
    { loss: history.history.loss, val_loss: history.history.val_loss },
  );
}

runFiguresIfMain(import.meta.url, chapter6Figures);
