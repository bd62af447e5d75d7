/**
 * The figure of the course's chapter 5 (the Keras API): `plt.plot(history.history['loss'])` and the
 * accuracy of a Sequential model trained with `fit` (5.4) on MNIST, a fifth held out by
 * `validationSplit`. Run: `node dist/figures/chapter5.js [dir]`.
 */
import { existsSync } from 'node:fs';
import * as keras from '@horn/keras';
import { sharedDataPath } from '../data/shared-data.js';
import { type FigureRunOptions, type FigureWriter, runFiguresIfMain } from './figure-writer.js';
import { historyFigure } from './history-plots.js';

/** The first `n` MNIST training digits as [n, 784] floats in [0, 1] and their labels. */
export async function mnistSubset(
  n: number,
): Promise<{ x: keras.ops.Tensor; y: keras.ops.Tensor; images: keras.ops.Tensor }> {
  const local = process.env.HORN_MNIST_PATH ?? sharedDataPath('mnist');
  const [[xAll, yAll]] = await keras.datasets.mnist.loadData(existsSync(local) ? { path: local } : {});
  const images = keras.tidy(() => keras.ops.slice(xAll, [0, 0, 0], [n, -1, -1]).cast('float32').div(255));
  return { x: keras.ops.reshape(images, [n, 784]), y: keras.ops.slice(yAll, [0], [n]), images };
}

/** Draws chapter 5's figure. */
export async function chapter5Figures(writer: FigureWriter, options: FigureRunOptions = {}): Promise<void> {
  const fast = options.fast ?? false;
  const { x, y } = await mnistSubset(fast ? 1000 : 6000);
  keras.setSeed(42);
  const model = new keras.Sequential([
    keras.Input({ shape: [784] }),
    new keras.layers.Dense({ units: 64, activation: 'relu' }),
    new keras.layers.Dense({ units: 64, activation: 'relu' }),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'rmsprop', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(x, y, { epochs: fast ? 3 : 15, batchSize: 64, validationSplit: 0.2, verbose: 0 });
  await writer.write(
    'ch5-fit-history',
    '5.4',
    historyFigure(history.history, `model.fit history: MNIST MLP (${x.shape[0]} digits, a fifth for validation)`),
    { loss: history.history.loss, val_accuracy: history.history.val_accuracy },
  );
}

runFiguresIfMain(import.meta.url, chapter5Figures);
