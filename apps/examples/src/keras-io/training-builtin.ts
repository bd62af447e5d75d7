/**
 * Port of keras.io `guides/training_with_built_in_methods.py` ("Training & evaluation with the
 * built-in methods", fchollet; the Keras 3 version): the MNIST MLP (`get_uncompiled_model`) fit
 * with `validation_data`, its history, `evaluate` and `predict`; a custom loss function and a
 * `Loss` subclass (`CustomMSE`); a custom `Metric` (`CategoricalTruePositives`); `add_loss` in a
 * layer; `validation_split`; class and sample weights; a model with two inputs and two named
 * outputs compiled with lists and dicts of losses, metrics and loss weights and fit on lists and
 * dicts; callbacks (EarlyStopping, a `LossHistory` callback, ModelCheckpoint) and a learning-rate
 * schedule.
 * Substituted: MNIST is read from `../shared/data/mnist`. Horn metrics keep their state in
 * JavaScript numbers, so `CategoricalTruePositives` holds a number where Keras uses `add_variable`.
 * `ModelCheckpoint` writes the TF.js Layers format into directories (`mymodel_{epoch}`) where Keras
 * writes `.keras` files. `LogisticEndpoint` takes `[targets, logits]` as one list
 * (Horn's `call` has one inputs argument). Left out: the `tf.data`, `PyDataset` and PyTorch
 * `DataLoader` sections (no such objects in JavaScript) and TensorBoard (not in Horn).
 * Short mode (tests): `trainSamples` / `valSamples` / `testSamples` MNIST images, fewer epochs.
 * Run: `node dist/keras-io/training-builtin.js` (50,000 + 10,000 + 10,000 images).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import type { Tensor, TensorLike } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';
import { printer, scores } from './scores.js';

const { layers, ops } = keras;

/** MNIST as the guide prepares it: flat float vectors, float labels, 10,000 held out for validation. */
export interface MnistSplits {
  xTrain: Tensor;
  yTrain: Tensor;
  xVal: Tensor;
  yVal: Tensor;
  xTest: Tensor;
  yTest: Tensor;
}

/** Loads MNIST: the first `trainSamples` training images, the next `valSamples` for validation. */
export async function loadMnistSplits(
  trainSamples = 50000,
  valSamples = 10000,
  testSamples = 10000,
): Promise<MnistSplits> {
  const [[x, y], [xt, yt]] = await keras.datasets.mnist.loadData({ path: sharedDataPath('mnist') });
  const flat = (images: Tensor, start: number, n: number) =>
    ops.slice(images, [start, 0, 0], [n, -1, -1]).reshape([n, 784]).cast('float32').div(255);
  const labels = (l: Tensor, start: number, n: number) => ops.slice(l, [start], [n]).cast('float32');
  return {
    xTrain: flat(x, 0, trainSamples),
    yTrain: labels(y, 0, trainSamples),
    // Reserve samples for validation (the guide takes the last 10,000 training images)
    xVal: flat(x, 60000 - valSamples, valSamples),
    yVal: labels(y, 60000 - valSamples, valSamples),
    xTest: flat(xt, 0, testSamples),
    yTest: labels(yt, 0, testSamples),
  };
}

/** The guide's `get_uncompiled_model`: digits → dense_1 → dense_2 → predictions (softmax). */
export function getUncompiledModel(): keras.Model {
  const inputs = keras.Input({ shape: [784], name: 'digits' });
  let x = new layers.Dense({ units: 64, activation: 'relu', name: 'dense_1' }).apply(inputs);
  x = new layers.Dense({ units: 64, activation: 'relu', name: 'dense_2' }).apply(x);
  const outputs = new layers.Dense({ units: 10, activation: 'softmax', name: 'predictions' }).apply(x);
  return new keras.Model({ inputs, outputs });
}

/** The guide's `get_compiled_model`: RMSprop, sparse categorical cross-entropy and accuracy. */
export function getCompiledModel(): keras.Model {
  const model = getUncompiledModel();
  model.compile({
    optimizer: 'rmsprop',
    loss: 'sparse_categorical_crossentropy',
    metrics: ['sparse_categorical_accuracy'],
  });
  return model;
}

/** "API overview: a first end-to-end example". */
export async function endToEnd(data: MnistSplits, epochs = 2, log: (line: string) => void = () => {}) {
  const print = printer(log);
  const model = getUncompiledModel();
  model.compile({
    optimizer: new keras.optimizers.RMSprop(), // Optimizer
    loss: new keras.losses.SparseCategoricalCrossentropy(), // Loss function to minimize
    metrics: [new keras.metrics.SparseCategoricalAccuracy()], // List of metrics to monitor
  });
  print('Fit model on training data');
  const history = await model.fit(data.xTrain, data.yTrain, {
    batchSize: 64,
    epochs,
    // We pass some validation for monitoring validation loss and metrics at the end of each epoch
    validationData: [data.xVal, data.yVal],
    verbose: 0,
  });
  print(JSON.stringify(history.history));
  // Evaluate the model on the test data using `evaluate`
  print('Evaluate on test data');
  const results = scores(await model.evaluate(data.xTest, data.yTest, { batchSize: 128, verbose: 0 }));
  print('test loss, test acc:', results);
  // Generate predictions (probabilities -- the output of the last layer) on new data using `predict`
  print('Generate predictions for 3 samples');
  const predictions = model.predict(ops.slice(data.xTest, [0, 0], [3, -1]), { verbose: 0 }) as Tensor;
  print('predictions shape:', predictions.shape);
  return { model, history, results, predictions };
}

/** A custom loss function: the mean squared error over the last axis. */
export function customMeanSquaredError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  return ops.mean(ops.square(ops.sub(yTrue, yPred)), -1);
}

/** MSE plus a term that keeps predictions near 0.5. */
export class CustomMSE extends keras.losses.Loss {
  static override readonly className = 'CustomMSE';
  readonly regularizationFactor: number;

  constructor(regularizationFactor = 0.1, name = 'custom_mse') {
    super({ name });
    this.regularizationFactor = regularizationFactor;
  }

  override call(yTrue: TensorLike, yPred: TensorLike): Tensor {
    const mse = ops.mean(ops.square(ops.sub(yTrue, yPred)), -1);
    const reg = ops.mean(ops.square(ops.sub(0.5, yPred)), -1);
    return mse.add(reg.mul(this.regularizationFactor));
  }
}

/** Counts the samples whose arg-max prediction is their (sparse) label. */
export class CategoricalTruePositives extends keras.metrics.Metric {
  static override readonly className = 'CategoricalTruePositives';
  private truePositives = 0;

  constructor(name = 'categorical_true_positives') {
    super({ name });
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    const predicted = ops.reshape(ops.argMax(yPred as TensorLike, 1), [-1, 1]);
    let values = ops
      .equal(ops.cast(ops.reshape(yTrue, [-1, 1]), 'int32'), ops.cast(predicted, 'int32'))
      .cast('float32');
    if (sampleWeight !== undefined && sampleWeight !== null)
      values = ops.mul(values, ops.reshape(sampleWeight, [-1, 1]));
    this.truePositives += ops.sum(values).dataSync()[0];
  }

  override result(): Tensor {
    return ops.scalar(this.truePositives);
  }

  override resetState(): void {
    // The state of the metric will be reset at the start of each epoch.
    this.truePositives = 0;
  }
}

/** "Custom losses" and "Custom metrics". */
export async function customLossesAndMetrics(data: MnistSplits, metricEpochs = 3) {
  let model = getUncompiledModel();
  model.compile({ optimizer: new keras.optimizers.Adam(), loss: customMeanSquaredError });
  // We need to one-hot encode the labels to use MSE
  const yTrainOneHot = ops.oneHot(data.yTrain.cast('int32'), 10);
  const fnHistory = await model.fit(data.xTrain, yTrainOneHot, { batchSize: 64, epochs: 1, verbose: 0 });

  model = getUncompiledModel();
  model.compile({ optimizer: new keras.optimizers.Adam(), loss: new CustomMSE() });
  const classHistory = await model.fit(data.xTrain, yTrainOneHot, { batchSize: 64, epochs: 1, verbose: 0 });

  model = getUncompiledModel();
  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: new keras.losses.SparseCategoricalCrossentropy(),
    metrics: [new CategoricalTruePositives()],
  });
  const metricHistory = await model.fit(data.xTrain, data.yTrain, { batchSize: 64, epochs: metricEpochs, verbose: 0 });
  return { fnHistory, classHistory, metricHistory };
}

/** A pass-through layer that adds `0.1 * sum(inputs)` to the losses. */
export class ActivityRegularizationLayer extends keras.Layer {
  static override readonly className = 'ActivityRegularizationLayer';

  override call(inputs: Tensor | Tensor[]): Tensor {
    this.addLoss(ops.sum(inputs as Tensor).mul(0.1));
    return inputs as Tensor; // Pass-through layer.
  }
}

/** "Handling losses and metrics that don't fit the standard signature". */
export async function addLossModel(data: MnistSplits) {
  const inputs = keras.Input({ shape: [784], name: 'digits' });
  let x = new layers.Dense({ units: 64, activation: 'relu', name: 'dense_1' }).apply(inputs);
  // Insert activity regularization as a layer
  x = new ActivityRegularizationLayer().apply(x);
  x = new layers.Dense({ units: 64, activation: 'relu', name: 'dense_2' }).apply(x);
  const outputs = new layers.Dense({ units: 10, name: 'predictions' }).apply(x);
  const model = new keras.Model({ inputs, outputs });
  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: new keras.losses.SparseCategoricalCrossentropy({ fromLogits: true }),
  });
  // The displayed loss will be much higher than before due to the regularization component.
  const history = await model.fit(data.xTrain, data.yTrain, { batchSize: 64, epochs: 1, verbose: 0 });
  return { model, history };
}

/** Takes targets and logits, adds the cross-entropy with `addLoss`, returns the softmax. */
export class LogisticEndpoint extends keras.Layer {
  static override readonly className = 'LogisticEndpoint';
  private readonly lossFn = new keras.losses.BinaryCrossentropy({ fromLogits: true });

  override call(inputs: Tensor | Tensor[]): Tensor {
    const [targets, logits] = inputs as Tensor[];
    // Compute the training-time loss value and add it to the layer using `self.add_loss()`.
    this.addLoss(this.lossFn.apply(targets, logits));
    // Return the inference-time prediction tensor (for `.predict()`).
    return ops.softmax(logits);
  }
}

/** A model with two inputs (data and targets), compiled without a loss, fit on a dict without y. */
export async function logisticEndpointModel() {
  const inputs = keras.Input({ shape: [3], name: 'inputs' });
  const targets = keras.Input({ shape: [10], name: 'targets' });
  const logits = new layers.Dense({ units: 10 }).apply(inputs);
  const predictions = new LogisticEndpoint({ name: 'predictions' }).apply([targets, logits]);
  const model = new keras.Model({ inputs: [inputs, targets], outputs: predictions });
  model.compile({ optimizer: 'adam' }); // No loss argument!
  const data = {
    inputs: keras.random.uniform([3, 3], { seed: 1 }),
    targets: keras.random.uniform([3, 10], { seed: 2 }),
  };
  const history = await model.fit(data, null, { verbose: 0 });
  return { model, history };
}

/** "Automatically setting apart a validation holdout set", then class and sample weights. */
export async function splitsAndWeights(data: MnistSplits) {
  let model = getCompiledModel();
  const splitHistory = await model.fit(data.xTrain, data.yTrain, {
    batchSize: 64,
    validationSplit: 0.2,
    epochs: 1,
    verbose: 0,
  });

  const classWeight: Record<number, number> = {
    0: 1.0,
    1: 1.0,
    2: 1.0,
    3: 1.0,
    4: 1.0,
    5: 2.0,
    6: 1.0,
    7: 1.0,
    8: 1.0,
    9: 1.0,
  };
  model = getCompiledModel();
  const classWeightHistory = await model.fit(data.xTrain, data.yTrain, {
    classWeight,
    batchSize: 64,
    epochs: 1,
    verbose: 0,
  });

  const labels = data.yTrain.dataSync();
  const sampleWeight = ops.tensor(Float32Array.from(labels, (label) => (label === 5 ? 2.0 : 1.0)));
  model = getCompiledModel();
  const sampleWeightHistory = await model.fit(data.xTrain, data.yTrain, {
    sampleWeight,
    batchSize: 64,
    epochs: 1,
    verbose: 0,
  });
  return { splitHistory, classWeightHistory, sampleWeightHistory };
}

/** "Passing data to multi-input, multi-output models". */
export async function multiInputOutput(samples = 100) {
  const imageInput = keras.Input({ shape: [32, 32, 3], name: 'img_input' });
  const timeseriesInput = keras.Input({ shape: [null, 10], name: 'ts_input' });
  let x1 = new layers.Conv2D({ filters: 3, kernelSize: 3 }).apply(imageInput);
  x1 = new layers.GlobalMaxPooling2D().apply(x1);
  let x2 = new layers.Conv1D({ filters: 3, kernelSize: 3 }).apply(timeseriesInput);
  x2 = new layers.GlobalMaxPooling1D().apply(x2);
  const x = layers.concatenate([x1, x2]);
  const scoreOutput = new layers.Dense({ units: 1, name: 'score_output' }).apply(x);
  const classOutput = new layers.Dense({ units: 5, name: 'class_output' }).apply(x);
  const model = new keras.Model({ inputs: [imageInput, timeseriesInput], outputs: [scoreOutput, classOutput] });

  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: [new keras.losses.MeanSquaredError(), new keras.losses.CategoricalCrossentropy()],
    metrics: [
      [new keras.metrics.MeanAbsolutePercentageError(), new keras.metrics.MeanAbsoluteError()],
      [new keras.metrics.CategoricalAccuracy()],
    ],
  });
  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: {
      score_output: new keras.losses.MeanSquaredError(),
      class_output: new keras.losses.CategoricalCrossentropy(),
    },
    metrics: {
      score_output: [new keras.metrics.MeanAbsolutePercentageError(), new keras.metrics.MeanAbsoluteError()],
      class_output: [new keras.metrics.CategoricalAccuracy()],
    },
    lossWeights: { score_output: 2.0, class_output: 1.0 },
  });
  const weightedMetricNames = model.metricsNames;

  model.compile({
    optimizer: new keras.optimizers.RMSprop({ learningRate: 1e-3 }),
    loss: [new keras.losses.MeanSquaredError(), new keras.losses.CategoricalCrossentropy()],
  });
  // Generate dummy data (seeded)
  const imgData = keras.random.uniform([samples, 32, 32, 3], { seed: 1 });
  const tsData = keras.random.uniform([samples, 20, 10], { seed: 2 });
  const scoreTargets = keras.random.uniform([samples, 1], { seed: 3 });
  const classTargets = keras.random.uniform([samples, 5], { seed: 4 });
  // Fit on lists
  const listHistory = await model.fit([imgData, tsData], [scoreTargets, classTargets], {
    batchSize: 32,
    epochs: 1,
    verbose: 0,
  });
  // Alternatively, fit on dicts
  const dictHistory = await model.fit(
    { img_input: imgData, ts_input: tsData },
    { score_output: scoreTargets, class_output: classTargets },
    { batchSize: 32, epochs: 1, verbose: 0 },
  );
  return { model, weightedMetricNames, listHistory, dictHistory };
}

/** Keeps the per-batch training losses. */
export class LossHistory extends keras.callbacks.Callback {
  perBatchLosses: number[] = [];

  override onTrainBegin(): void {
    this.perBatchLosses = [];
  }

  override onBatchEnd(_batch: number, logs?: Record<string, number>): void {
    this.perBatchLosses.push(logs?.loss as number);
  }
}

/** "Using callbacks", "Checkpointing models", "Using learning rate schedules". */
export async function callbacksAndSchedules(data: MnistSplits, epochs = 20) {
  let model = getCompiledModel();
  const lossHistory = new LossHistory();
  const callbacks = [
    new keras.callbacks.EarlyStopping({
      // Stop training when `val_loss` is no longer improving
      monitor: 'val_loss',
      // "no longer improving" being defined as "no better than 1e-2 less"
      minDelta: 1e-2,
      // "no longer improving" being further defined as "for at least 2 epochs"
      patience: 2,
      verbose: 0,
    }),
    lossHistory,
  ];
  const earlyHistory = await model.fit(data.xTrain, data.yTrain, {
    epochs,
    batchSize: 64,
    callbacks,
    validationSplit: 0.2,
    verbose: 0,
  });

  model = getCompiledModel();
  const checkpointDir = mkdtempSync(join(tmpdir(), 'horn-ckpt-'));
  const checkpoint = new keras.callbacks.ModelCheckpoint(join(checkpointDir, 'mymodel_{epoch}'), {
    saveBestOnly: true, // Only save a model if `val_loss` has improved.
    monitor: 'val_loss',
    verbose: 0,
  });
  await model.fit(data.xTrain, data.yTrain, {
    epochs: 2,
    batchSize: 64,
    callbacks: [checkpoint],
    validationSplit: 0.2,
    verbose: 0,
  });

  const initialLearningRate = 0.1;
  const lrSchedule = new keras.optimizers.schedules.ExponentialDecay({
    initialLearningRate,
    decaySteps: 100000,
    decayRate: 0.96,
    staircase: true,
  });
  const optimizer = new keras.optimizers.RMSprop({ learningRate: lrSchedule });
  return { earlyHistory, lossHistory, checkpointDir, checkpoint, optimizer, lrSchedule };
}

async function main(): Promise<void> {
  const data = await loadMnistSplits();
  await endToEnd(data, 2, console.log);
  const custom = await customLossesAndMetrics(data);
  console.log('categorical_true_positives:', custom.metricHistory.history.categorical_true_positives);
  const { history } = await addLossModel(data);
  console.log('loss with the activity regularization layer:', history.history.loss);
  await splitsAndWeights(data);
  await multiInputOutput();
  const { earlyHistory } = await callbacksAndSchedules(data);
  console.log(`EarlyStopping stopped after ${earlyHistory.history.loss.length} epochs`);
}

runIfMain(import.meta.url, main);
