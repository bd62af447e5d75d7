/**
 * The main job (`pnpm start`): the Keras MNIST CNN — Conv2D(32, 3x3, relu) → MaxPooling2D(2) →
 * Flatten → Dense(10, softmax) — trained on the real 60,000 MNIST digits with `model.fit` and its
 * progress bar, evaluated on the 10,000 test digits, and saved in the TF.js Layers format.
 * MNIST is read offline from `../shared/data/mnist` (or `HORN_MNIST_PATH`), else from the cache or
 * a verified download, as `keras.datasets.mnist.loadData()` does.
 *
 * The recipe: pixels scaled to [0, 1] and then standardized with the training images' mean and
 * standard deviation; Adam whose learning rate starts at 3e-3 and follows Keras' CosineDecay to 0
 * over the whole run; batches of 128 for 6 epochs, a tenth held out for validation. The plain
 * recipe (constant 1e-3, 5 epochs) stops near 98.1% on the test set with this small network; the
 * annealed one reaches 98.5%.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as keras from '@horn/keras';
import { sharedDataPath } from './data/shared-data.js';
import { FIGURE_DIR, FigureWriter } from './figures/figure-writer.js';
import { historyFigure } from './figures/history-plots.js';
import { runIfMain } from './run-if-main.js';

/** Options of {@link main}; the defaults are the job `pnpm start` runs. */
export interface MainOptions {
  epochs?: number;
  /** Use only the first `trainSize` training images (tests use a few thousand). */
  trainSize?: number;
  testSize?: number;
  /** Where to save the trained model. */
  savePath?: string;
  batchSize?: number;
  /** The optimizer, as `compile` takes it (default: Adam with a cosine-decayed rate, see above). */
  optimizer?: keras.optimizers.Optimizer | string;
  /** Adam's starting learning rate for the default optimizer. Default 3e-3. */
  learningRate?: number;
  verbose?: 0 | 1 | 2 | 'auto';
  log?: (line: string) => void;
  /**
   * Where to draw the loss / accuracy curves (`<path>.png` and `.svg`); null draws none.
   * Default `apps/examples/figures/mnist-cnn-history` (the README's figure).
   */
  figurePath?: string | null;
}

/** What the job measured. */
export interface MainResult {
  testAccuracy: number;
  testLoss: number;
  seconds: number;
  samplesPerSecond: number;
  history: Record<string, number[]>;
}

/** Trains, evaluates, saves and reports. */
export async function main(options: MainOptions = {}): Promise<MainResult> {
  const { epochs = 6, batchSize = 128, savePath = './mnist-cnn', verbose = 'auto', log = console.log } = options;
  const started = performance.now();
  keras.setSeed(42);
  const local = process.env.HORN_MNIST_PATH ?? sharedDataPath('mnist');
  const [[xTrainAll, yTrainAll], [xTestAll, yTestAll]] = await keras.datasets.mnist.loadData(
    existsSync(local) ? { path: local } : {},
  );
  const trainSize = options.trainSize ?? xTrainAll.shape[0];
  const testSize = options.testSize ?? xTestAll.shape[0];
  const scale = (x: keras.ops.Tensor, n: number) =>
    keras.tidy(() => keras.ops.slice(x, [0, 0, 0], [n, -1, -1]).reshape([n, 28, 28, 1]).cast('float32').div(255));
  const xScaled = scale(xTrainAll, trainSize);
  // Standardize with the training images' statistics (about 0.1307 and 0.3081 on all of MNIST).
  const mean = keras.ops.mean(xScaled);
  const std = keras.ops.std(xScaled);
  const prepare = (x: keras.ops.Tensor) => keras.tidy(() => x.sub(mean).div(std));
  const x = prepare(xScaled);
  xScaled.dispose();
  const y = keras.ops.slice(yTrainAll, [0], [trainSize]);
  const xTest = prepare(scale(xTestAll, testSize));
  const yTest = keras.ops.slice(yTestAll, [0], [testSize]);
  log(`MNIST: ${trainSize} training and ${testSize} test images, backend ${keras.getBackend()}`);
  log(`standardized with the training mean ${mean.dataSync()[0].toFixed(4)} and std ${std.dataSync()[0].toFixed(4)}`);

  const model = new keras.Sequential([
    keras.Input({ shape: [28, 28, 1] }),
    new keras.layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
    new keras.layers.MaxPooling2D({ poolSize: 2 }),
    new keras.layers.Flatten(),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  const stepsPerEpoch = Math.ceil(Math.floor(trainSize * 0.9) / batchSize);
  const learningRate = new keras.optimizers.schedules.CosineDecay({
    initialLearningRate: options.learningRate ?? 3e-3,
    decaySteps: stepsPerEpoch * epochs,
  });
  model.compile({
    optimizer: options.optimizer ?? new keras.optimizers.Adam({ learningRate }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  model.summary(undefined, log);
  const fitStarted = performance.now();
  const history = await model.fit(x, y, { epochs, batchSize, validationSplit: 0.1, verbose });
  const fitSeconds = (performance.now() - fitStarted) / 1000;
  const [loss, accuracy] = (await model.evaluate(xTest, yTest, { verbose: 0 })) as number[];
  await model.save(savePath);
  const figurePath = options.figurePath === undefined ? join(FIGURE_DIR, 'mnist-cnn-history') : options.figurePath;
  if (figurePath !== null) {
    const fitSize = trainSize - Math.round(trainSize * 0.1);
    const title = `MNIST CNN: ${fitSize} training digits, ${epochs} epochs, test accuracy ${accuracy.toFixed(4)} (${testSize} digits)`;
    const writer = new FigureWriter(dirname(figurePath), log);
    await writer.write(basename(figurePath), 'main', historyFigure(history.history, title));
  }
  const result: MainResult = {
    testAccuracy: accuracy,
    testLoss: loss,
    seconds: (performance.now() - started) / 1000,
    samplesPerSecond: (Math.round(trainSize * 0.9) * epochs) / fitSeconds,
    history: history.history,
  };
  log(`test accuracy: ${result.testAccuracy.toFixed(4)} - test loss: ${result.testLoss.toFixed(4)}`);
  log(
    `trained ${epochs} epochs at ${Math.round(result.samplesPerSecond)} samples/s; ` +
      `wall time ${result.seconds.toFixed(1)}s; model saved to ${savePath}`,
  );
  return result;
}

runIfMain(import.meta.url, () => main());
