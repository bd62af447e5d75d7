import * as keras from '@horn/keras';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  addLossModel,
  CategoricalTruePositives,
  CustomMSE,
  callbacksAndSchedules,
  customLossesAndMetrics,
  endToEnd,
  LogisticEndpoint,
  loadMnistSplits,
  logisticEndpointModel,
  type MnistSplits,
  multiInputOutput,
  splitsAndWeights,
} from './training-builtin.js';

describe('keras.io guide: Training & evaluation with the built-in methods', () => {
  let data: MnistSplits;
  beforeAll(async () => {
    data = await loadMnistSplits(1500, 500, 500);
  });

  test('end to end: history keys, evaluate [loss, acc], predictions (3, 10)', async () => {
    keras.setSeed(1);
    const { history, results, predictions } = await endToEnd(data, 2);
    expect(Object.keys(history.history).sort()).toEqual(
      ['loss', 'sparse_categorical_accuracy', 'val_loss', 'val_sparse_categorical_accuracy'].sort(),
    );
    expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
    expect(results).toHaveLength(2);
    expect(results[1]).toBeGreaterThan(0.7);
    expect(predictions.shape).toEqual([3, 10]);
    const rows = predictions.arraySync() as number[][];
    for (const row of rows) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  test('CustomMSE gives Keras 3 numbers', () => {
    const yTrue = [
      [0, 1, 0],
      [1, 0, 0],
    ];
    const yPred = [
      [0.2, 0.7, 0.1],
      [0.6, 0.3, 0.1],
    ];
    // keras 3.x (jax): CustomMSE()(y_true, y_pred) = 0.075; with sample_weight [1, 3]: 0.168667.
    expect(new CustomMSE().apply(yTrue, yPred).dataSync()[0]).toBeCloseTo(0.075, 6);
    expect(new CustomMSE().apply(yTrue, yPred, [1, 3]).dataSync()[0]).toBeCloseTo(0.168667, 5);
  });

  test('CategoricalTruePositives counts arg-max hits, weighted, and resets', () => {
    const m = new CategoricalTruePositives();
    m.updateState(
      [1, 0, 2],
      [
        [0.1, 0.8, 0.1],
        [0.3, 0.6, 0.1],
        [0.2, 0.2, 0.6],
      ],
    );
    expect(m.result().dataSync()[0]).toBe(2);
    m.updateState([0], [[0.9, 0.05, 0.05]], [3]);
    expect(m.result().dataSync()[0]).toBe(5);
    m.resetState();
    expect(m.result().dataSync()[0]).toBe(0);
  });

  test('custom losses and metrics train; true positives grow per epoch', async () => {
    keras.setSeed(2);
    const { fnHistory, classHistory, metricHistory } = await customLossesAndMetrics(data, 2);
    expect(fnHistory.history.loss[0]).toBeLessThan(0.1); // one-hot MSE starts near 0.09
    expect(classHistory.history.loss[0]).toBeGreaterThan(fnHistory.history.loss[0] * 0.5);
    const tp = metricHistory.history.categorical_true_positives;
    expect(tp).toHaveLength(2);
    expect(tp[1]).toBeGreaterThan(tp[0]);
    expect(tp[1]).toBeLessThanOrEqual(1500);
  });

  test('add_loss in a layer: the displayed loss is much higher', async () => {
    keras.setSeed(3);
    const { history, model } = await addLossModel(data);
    expect(model.losses).toHaveLength(1);
    // 0.1 * the sum of 64 ReLU activations over the batch: far above a cross-entropy of ~2.3.
    expect(history.history.loss[0]).toBeGreaterThan(3);
  });

  test('LogisticEndpoint: no compiled loss, fit on a dict without targets, the add_loss value trains', async () => {
    keras.setSeed(7);
    const { model, history } = await logisticEndpointModel();
    expect(model.layers.at(-1)).toBeInstanceOf(LogisticEndpoint);
    expect(history.history.loss).toHaveLength(1);
    // Binary cross-entropy of random logits near 0 against uniform targets: about ln 2 (Keras prints 0.6982).
    expect(history.history.loss[0]).toBeGreaterThan(0.5);
    expect(history.history.loss[0]).toBeLessThan(0.9);
  });

  test('validation_split, class weights and sample weights', async () => {
    keras.setSeed(4);
    const { splitHistory, classWeightHistory, sampleWeightHistory } = await splitsAndWeights(data);
    expect(splitHistory.history.val_loss).toHaveLength(1);
    expect(classWeightHistory.history.loss).toHaveLength(1);
    expect(sampleWeightHistory.history.loss).toHaveLength(1);
  });

  test('two inputs, two named outputs: metrics named per output, list and dict data fit', async () => {
    keras.setSeed(5);
    const { model, weightedMetricNames, listHistory, dictHistory } = await multiInputOutput(40);
    expect(model.outputNames).toEqual(['score_output', 'class_output']);
    expect(weightedMetricNames).toEqual(expect.arrayContaining(['loss', 'score_output_loss', 'class_output_loss']));
    expect(listHistory.history.score_output_loss).toHaveLength(1);
    expect(dictHistory.history.class_output_loss).toHaveLength(1);
  });

  test('callbacks: EarlyStopping stops, LossHistory sees each batch, checkpoints, ExponentialDecay', async () => {
    keras.setSeed(6);
    const { earlyHistory, lossHistory, checkpoint, lrSchedule } = await callbacksAndSchedules(data, 20);
    const epochs = earlyHistory.history.loss.length;
    expect(epochs).toBeGreaterThanOrEqual(3);
    expect(epochs).toBeLessThan(20); // the guide: "Epoch 7: early stopping"
    // 1,200 training samples at batch 64: 19 batches per epoch.
    expect(lossHistory.perBatchLosses).toHaveLength(19 * epochs);
    expect(Number.isFinite(checkpoint.best)).toBe(true);
    // keras 3.x: ExponentialDecay(0.1, 100000, 0.96, staircase=True) at steps 0, 100000, 250000.
    expect(lrSchedule.call(0)).toBeCloseTo(0.1, 7);
    expect(lrSchedule.call(100000)).toBeCloseTo(0.096, 7);
    expect(lrSchedule.call(250000)).toBeCloseTo(0.09216, 7);
  });
});
