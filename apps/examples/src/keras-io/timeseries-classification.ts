/**
 * Port of keras.io `examples/timeseries/timeseries_classification_from_scratch.py` ("Timeseries
 * classification from scratch", hfawaz): univariate series as `[n, steps, 1]`, shuffled, a fully
 * convolutional network — three Conv1D(64, 3, 'same') + BatchNormalization + ReLU blocks,
 * GlobalAveragePooling1D, Dense(num_classes, softmax) — trained with Adam, sparse categorical
 * cross-entropy and accuracy, batch size 32, up to 500 epochs with validation_split 0.2 and the
 * callbacks ModelCheckpoint(best, val_loss), ReduceLROnPlateau(0.5, patience 20, min_lr 1e-4) and
 * EarlyStopping(patience 50); the best checkpoint is reloaded and evaluated on the test set.
 * Substituted: the FordA UCR archive (downloaded from GitHub by the original) is not offline, so
 * the port classifies the 1,797 UCI handwritten digits of `keras.datasets.digits` (the sklearn set
 * shipped with Horn), each 8x8 image read row by row as a 64-step univariate series scaled to
 * [0, 1], 10 classes instead of 2: the first 1,200 are the training set, the other 597 the test set.
 * The checkpoint is a TF.js Layers directory instead of `best_model.keras`.
 * Short mode (tests): `epochs`. Run: `node dist/keras-io/timeseries-classification.js`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as keras from '@horn/keras';
import { runIfMain } from '../run-if-main.js';
import { scores } from './scores.js';

/** `make_model`: the fully convolutional network. */
export function makeModel(inputShape: number[], numClasses: number): keras.Model {
  const { layers } = keras;
  const inputLayer = keras.Input({ shape: inputShape });
  let conv1 = new layers.Conv1D({ filters: 64, kernelSize: 3, padding: 'same' }).apply(inputLayer);
  conv1 = new layers.BatchNormalization().apply(conv1);
  conv1 = new layers.ReLU().apply(conv1);
  let conv2 = new layers.Conv1D({ filters: 64, kernelSize: 3, padding: 'same' }).apply(conv1);
  conv2 = new layers.BatchNormalization().apply(conv2);
  conv2 = new layers.ReLU().apply(conv2);
  let conv3 = new layers.Conv1D({ filters: 64, kernelSize: 3, padding: 'same' }).apply(conv2);
  conv3 = new layers.BatchNormalization().apply(conv3);
  conv3 = new layers.ReLU().apply(conv3);
  const gap = new layers.GlobalAveragePooling1D().apply(conv3);
  const outputLayer = new layers.Dense({ units: numClasses, activation: 'softmax' }).apply(gap);
  return new keras.Model({ inputs: inputLayer, outputs: outputLayer });
}

/** The digits as series: `[n, 64, 1]` in [0, 1], the training rows shuffled (seeded). */
export function loadSeries(trainRows = 1200) {
  const { data, target } = keras.datasets.digits.loadData();
  const n = data.shape[0];
  const series = data.div(16).reshape([n, 64, 1]);
  const xTrain0 = keras.ops.slice(series, [0, 0, 0], [trainRows, -1, -1]);
  const yTrain0 = keras.ops.slice(target, [0], [trainRows]);
  const xTest = keras.ops.slice(series, [trainRows, 0, 0], [n - trainRows, -1, -1]);
  const yTest = keras.ops.slice(target, [trainRows], [n - trainRows]);
  const idx = keras.random.shuffle(keras.ops.range(0, trainRows, 1, 'int32'), { seed: 1 });
  return { xTrain: keras.ops.gather(xTrain0, idx), yTrain: keras.ops.gather(yTrain0, idx), xTest, yTest };
}

/** Runs the example; returns the model, the history and the best checkpoint's test [loss, accuracy]. */
export async function timeseriesClassification(epochs = 500, verbose: 0 | 2 = 0) {
  const { xTrain, yTrain, xTest, yTest } = loadSeries();
  const numClasses = new Set(yTrain.dataSync()).size;
  const model = makeModel(xTrain.shape.slice(1), numClasses);
  const batchSize = 32;
  const best = join(mkdtempSync(join(tmpdir(), 'horn-timeseries-')), 'best_model');
  const callbacks = [
    new keras.callbacks.ModelCheckpoint(best, { saveBestOnly: true, monitor: 'val_loss' }),
    new keras.callbacks.ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 20, minLr: 0.0001 }),
    new keras.callbacks.EarlyStopping({ monitor: 'val_loss', patience: 50, verbose: verbose === 0 ? 0 : 1 }),
  ];
  model.compile({
    optimizer: 'adam',
    loss: 'sparse_categorical_crossentropy',
    metrics: ['sparse_categorical_accuracy'],
  });
  const history = await model.fit(xTrain, yTrain, { batchSize, epochs, callbacks, validationSplit: 0.2, verbose });
  const bestModel = await keras.models.loadModel(best);
  const [testLoss, testAcc] = scores(await bestModel.evaluate(xTest, yTest, { verbose: 0 }));
  return { model, numClasses, history, testLoss, testAcc };
}

async function main(): Promise<void> {
  const { testLoss, testAcc } = await timeseriesClassification(500, 2);
  console.log('Test accuracy', testAcc);
  console.log('Test loss', testLoss);
}

runIfMain(import.meta.url, main);
