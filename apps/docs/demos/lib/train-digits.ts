/**
 * The training demo's logic: the course's MNIST CNN (Conv2D 32 3×3 relu → MaxPooling2D 2 → Flatten →
 * Dense 10 softmax, Adam, sparse categorical crossentropy) trained on the site's digits with Horn's
 * `model.fit`, reporting every batch, stoppable between batches, then evaluated on the test digits.
 */
import * as keras from '@horn/keras';
import type { DigitSet } from './digits-asset.js';

/** What the page hears after every batch. */
export interface BatchReport {
  epoch: number;
  epochs: number;
  step: number;
  steps: number;
  /** Fraction of the whole run done, 0 to 1. */
  progress: number;
  loss: number;
  accuracy: number;
}

/** Options of {@link trainDigits}. */
export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
  /** Called after every batch (the page draws its chart and progress bar here). */
  onBatch?: (report: BatchReport) => void;
  /** Checked after every batch: when it returns true, training stops there (Keras's `stopTraining`). */
  shouldStop?: () => boolean;
}

/** What a run ends with. */
export interface TrainResult {
  model: keras.Sequential;
  /** True when `shouldStop` ended the run before its last batch. */
  stopped: boolean;
  batches: number;
  testAccuracy: number;
  testLoss: number;
  seconds: number;
}

/** The digits as a `[n, 28, 28, 1]` tensor scaled to 0..1 and their labels. */
export function digitTensors(set: DigitSet, count = set.count): [keras.ops.Tensor, keras.ops.Tensor] {
  const n = Math.min(count, set.count);
  const pixels = Float32Array.from(set.images.subarray(0, n * 784), (v) => v / 255);
  return [keras.tensor(pixels, [n, 28, 28, 1]), keras.tensor(Int32Array.from(set.labels.subarray(0, n)), [n], 'int32')];
}

/**
 * The course's CNN, compiled.
 * @example const model = courseCnn(3e-3); model.countParams() // 54410
 */
export function courseCnn(learningRate = 3e-3): keras.Sequential {
  const model = new keras.Sequential([
    keras.Input({ shape: [28, 28, 1] }),
    new keras.layers.Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
    new keras.layers.MaxPooling2D({ poolSize: 2 }),
    new keras.layers.Flatten(),
    new keras.layers.Dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({
    optimizer: new keras.optimizers.Adam({ learningRate }),
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

/**
 * Trains the course CNN on `train` and evaluates it on `test` (even when stopped halfway: a stopped
 * model still predicts, with what it learnt so far).
 * @example
 * const { testAccuracy } = await trainDigits(digits.train, digits.test, { epochs: 1, onBatch: draw });
 */
export async function trainDigits(train: DigitSet, test: DigitSet, options: TrainOptions = {}): Promise<TrainResult> {
  const epochs = options.epochs ?? 1;
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new Error(`trainDigits: epochs must be an integer ≥ 1, got ${epochs}`);
  if (train.count === 0 || test.count === 0) throw new Error('trainDigits: no digits to train or test on');
  keras.setSeed(options.seed ?? 42);
  const started = performance.now();
  const model = courseCnn(options.learningRate);
  const [x, y] = digitTensors(train);
  const [xTest, yTest] = digitTensors(test);
  const steps = Math.ceil(train.count / batchSize);
  let batches = 0;
  let stopped = false;
  let epoch = 0;
  const report = new keras.callbacks.LambdaCallback({
    onEpochBegin: (e: number) => {
      epoch = e;
    },
    onTrainBatchEnd: (step: number, logs?: Record<string, number>) => {
      batches++;
      options.onBatch?.({
        epoch,
        epochs,
        step: step + 1,
        steps,
        progress: batches / (steps * epochs),
        loss: logs?.loss ?? Number.NaN,
        accuracy: logs?.accuracy ?? Number.NaN,
      });
      if (options.shouldStop?.() && batches < steps * epochs) {
        stopped = true;
        model.stopTraining = true;
      }
    },
  });
  try {
    await model.fit(x, y, { epochs, batchSize, shuffle: true, verbose: 0, callbacks: [report] });
    const [testLoss, testAccuracy] = (await model.evaluate(xTest, yTest, { batchSize: 250, verbose: 0 })) as number[];
    return { model, stopped, batches, testAccuracy, testLoss, seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const t of [x, y, xTest, yTest]) t.dispose();
  }
}

/**
 * The model's class probabilities for one 28×28 digit (784 values, 0..1) and the most likely class.
 * @example const { digit, probabilities } = predictDigit(model, centred);
 */
export function predictDigit(
  model: keras.Sequential,
  pixels: Float32Array,
): { digit: number; probabilities: number[] } {
  if (pixels.length !== 784) throw new Error(`predictDigit: a 28×28 digit has 784 values, got ${pixels.length}`);
  const probabilities = keras.tidy(() => {
    const out = model.predictOnBatch(keras.tensor(pixels, [1, 28, 28, 1])) as keras.ops.Tensor;
    return Array.from(out.dataSync());
  });
  let digit = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[digit]) digit = i;
  return { digit, probabilities };
}
