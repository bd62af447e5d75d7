import { type TensorLike, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Accuracy,
  AUC,
  accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  F1Score,
  FBetaScore,
  getMetric,
  Mean,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanMetricWrapper,
  MeanSquaredError,
  type Metric,
  metricIds,
  Precision,
  R2Score,
  Recall,
  RootMeanSquaredError,
  resolveAccuracy,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  Sum,
  TopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

describe('getMetric', () => {
  test.each([
    ['accuracy', Accuracy],
    ['acc', Accuracy],
    ['binary_accuracy', BinaryAccuracy],
    ['categoricalAccuracy', CategoricalAccuracy],
    ['SparseCategoricalAccuracy', SparseCategoricalAccuracy],
    ['top_k_categorical_accuracy', TopKCategoricalAccuracy],
    ['sparse_top_k_categorical_accuracy', SparseTopKCategoricalAccuracy],
    ['precision', Precision],
    ['recall', Recall],
    ['auc', AUC],
    ['AUC', AUC],
    ['f1_score', F1Score],
    ['fbeta_score', FBetaScore],
    ['mean', Mean],
    ['sum', Sum],
    ['mse', MeanSquaredError],
    ['MSE', MeanSquaredError],
    ['mean_squared_error', MeanSquaredError],
    ['rmse', RootMeanSquaredError],
    ['root_mean_squared_error', RootMeanSquaredError],
    ['mae', MeanAbsoluteError],
    ['mape', MeanAbsolutePercentageError],
    ['mean_absolute_percentage_error', MeanAbsolutePercentageError],
    ['meanAbsolutePercentageError', MeanAbsolutePercentageError],
    ['r2_score', R2Score],
  ])('%s resolves to %o', (id, cls) => {
    expect(getMetric(id)).toBeInstanceOf(cls);
  });

  test('every listed id resolves to a fresh metric; config applies', () => {
    for (const id of metricIds()) expect(getMetric(id).result().shape).toEqual(expect.any(Array));
    expect(getMetric('mse')).not.toBe(getMetric('mse'));
    const m = getMetric('auc', { name: 'roc_auc', numThresholds: 3 }) as AUC;
    expect(m.name).toBe('roc_auc');
    expect(m.numThresholds).toBe(3);
  });

  test('a Metric is returned as is; package functions give their class; other functions are wrapped', () => {
    const p = new Precision();
    expect(getMetric(p)).toBe(p);
    expect(getMetric(accuracy)).toBeInstanceOf(Accuracy);
    expect(getMetric(topKCategoricalAccuracy)).toBeInstanceOf(TopKCategoricalAccuracy);
    const double = (t: TensorLike, q: TensorLike) => tensor(t).sub(q).abs().mean(-1).mul(2);
    const wrapped = getMetric(double);
    expect(wrapped).toBeInstanceOf(MeanMetricWrapper);
    wrapped.updateState([[1]], [[0]]);
    expectClose(wrapped.result(), 2);
  });

  test('{ className, config } rebuilds a metric from its config', () => {
    const original = new AUC({ curve: 'PR', numThresholds: 20 });
    const copy = getMetric({ className: original.className, config: original.getConfig() });
    expect(copy).toBeInstanceOf(AUC);
    expect(copy.getConfig()).toEqual(original.getConfig());
  });

  test('bad input: an unknown id lists the valid ones', () => {
    expect(() => getMetric('accuracy_score')).toThrow(ValueError);
    expect(() => getMetric('accuracy_score')).toThrow(
      /getMetric: unknown metric 'accuracy_score'; valid ids are accuracy, acc, binary_accuracy/,
    );
    expect(() => getMetric(7 as unknown as string)).toThrow(
      /getMetric: expected a string id, a Metric, a metric function or \{ className, config \}, got 7/,
    );
  });
});

describe('resolveAccuracy', () => {
  test('by loss id, in snake_case, camelCase, class names or a loss-like object', () => {
    expect(resolveAccuracy('binary_crossentropy')).toBeInstanceOf(BinaryAccuracy);
    expect(resolveAccuracy('binaryCrossentropy')).toBeInstanceOf(BinaryAccuracy);
    expect(resolveAccuracy('bce')).toBeInstanceOf(BinaryAccuracy);
    expect(resolveAccuracy({ className: 'BinaryFocalCrossentropy', name: 'binary_focal_crossentropy' })).toBeInstanceOf(
      BinaryAccuracy,
    );
    expect(resolveAccuracy('hinge')).toBeInstanceOf(BinaryAccuracy);
    expect(resolveAccuracy('sparse_categorical_crossentropy')).toBeInstanceOf(SparseCategoricalAccuracy);
    expect(resolveAccuracy({ name: 'sparse_categorical_crossentropy' })).toBeInstanceOf(SparseCategoricalAccuracy);
    expect(resolveAccuracy('CategoricalCrossentropy')).toBeInstanceOf(CategoricalAccuracy);
  });

  test("other losses: Keras 3's shape rule, else categorical; the name is 'accuracy' unless given", () => {
    expect(resolveAccuracy('mse', { yTrueShape: [null, 1], yPredShape: [null, 1] })).toBeInstanceOf(BinaryAccuracy);
    expect(resolveAccuracy('mse', { yTrueShape: [null], yPredShape: [null, 10] })).toBeInstanceOf(
      SparseCategoricalAccuracy,
    );
    expect(resolveAccuracy('mse', { yTrueShape: [null, 1], yPredShape: [null, 10] })).toBeInstanceOf(
      SparseCategoricalAccuracy,
    );
    expect(resolveAccuracy('mse', { yTrueShape: [null, 10], yPredShape: [null, 10] })).toBeInstanceOf(
      CategoricalAccuracy,
    );
    expect(resolveAccuracy(undefined)).toBeInstanceOf(CategoricalAccuracy);
    expect(resolveAccuracy('binary_crossentropy').name).toBe('accuracy');
    expect(resolveAccuracy('binary_crossentropy', { name: 'acc' }).name).toBe('acc');
  });
});

describe('serialization of every metric', () => {
  const metrics: Metric[] = [
    new Mean({ name: 'loss' }),
    new Sum(),
    new Accuracy(),
    new BinaryAccuracy({ threshold: 0.3 }),
    new CategoricalAccuracy(),
    new SparseCategoricalAccuracy(),
    new TopKCategoricalAccuracy({ k: 3 }),
    new SparseTopKCategoricalAccuracy({ k: 2 }),
    new Precision({ thresholds: [0.3], topK: 2, classId: 1 }),
    new Recall(),
    new AUC({ thresholds: [0.25, 0.75], multiLabel: true, numLabels: 2, labelWeights: [1, 2], fromLogits: true }),
    new F1Score({ average: 'weighted', threshold: 0.4 }),
    new FBetaScore({ beta: 2 }),
    new MeanSquaredError(),
    new RootMeanSquaredError(),
    new MeanAbsoluteError(),
    new R2Score({ classAggregation: 'variance_weighted_average', numRegressors: 2 }),
  ];
  test.each(metrics)('%o: Keras class name, JSON config, round trip', (metric) => {
    const cls = metric.constructor as typeof Mean;
    expect(metric.className).toBe(cls.className);
    const config = metric.getConfig();
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    const copy = cls.fromConfig(JSON.parse(JSON.stringify(config)));
    expect(copy).toBeInstanceOf(cls);
    expect(copy.getConfig()).toEqual(config);
    expect(getMetric({ className: cls.className, config }).getConfig()).toEqual(config);
  });
});
