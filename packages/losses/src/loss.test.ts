import { abs, mean, memory, pow, ShapeError, sub, type TensorLike, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  BinaryCrossentropy,
  BinaryFocalCrossentropy,
  CategoricalCrossentropy,
  CategoricalHinge,
  CosineSimilarity,
  Hinge,
  Huber,
  KLDivergence,
  LogCosh,
  Loss,
  LossFunctionWrapper,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  MeanSquaredLogarithmicError,
  meanSquaredError,
  Poisson,
  reduceWeightedValues,
  SparseCategoricalCrossentropy,
  SquaredHinge,
  standardizeReduction,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

const T = [
  [0, 1],
  [0, 0],
  [1, 1],
];
const P = [
  [1, 1],
  [1, 0],
  [1, 1],
]; // per-sample squared errors [0.5, 0.5, 0]

describe('reductions', () => {
  test("'sumOverBatchSize' divides the weighted sum by the number of values, not by the sum of the weights", () => {
    expectClose(new MeanSquaredError().apply(T, P, [2, 0, 1]), 1 / 3);
    expectClose(new MeanSquaredError({ reduction: 'sum_over_batch_size' }).apply(T, P, [2, 0, 1]), 1 / 3);
    expectClose(new MeanSquaredError({ reduction: 'mean' }).apply(T, P, [2, 0, 1]), 1 / 3);
  });

  test("'sum', 'none' (and null, Keras' None) and 'meanWithSampleWeight'", () => {
    expectClose(new MeanSquaredError({ reduction: 'sum' }).apply(T, P, [2, 0, 1]), 1);
    const none = new MeanSquaredError({ reduction: 'none' }).apply(T, P, [2, 0, 1]);
    expect(none.shape).toEqual([3]);
    expectClose(none, [1, 0, 0]);
    expectClose(new MeanSquaredError({ reduction: null }).apply(T, P), [0.5, 0.5, 0]);
    expectClose(new MeanSquaredError({ reduction: 'meanWithSampleWeight' }).apply(T, P, [2, 0, 1]), 1 / 3);
    expectClose(new MeanSquaredError({ reduction: 'mean_with_sample_weight' }).apply(T, P, [1, 1, 2]), 1 / 4);
    expectClose(new MeanSquaredError({ reduction: 'meanWithSampleWeight' }).apply(T, P), 1 / 3);
  });

  test('sample weights: a scalar, [batch], [batch, 1], and per-value weights for 3-D inputs', () => {
    expectClose(new MeanSquaredError().apply(T, P, 3), 1);
    expectClose(new MeanSquaredError().apply(T, P, [[2], [0], [1]]), 1 / 3);
    expectClose(new MeanSquaredError().apply(T, P, tensor([2, 0, 1])), 1 / 3);
    // [2, 2, 1] inputs give [2, 2] per-sample losses; a [2] weight scales each sample's row.
    const yTrue = tensor([0, 0, 0, 0], [2, 2, 1]);
    const yPred = tensor([1, 2, 3, 4], [2, 2, 1]);
    const none = new MeanSquaredError({ reduction: 'none' });
    expectClose(none.apply(yTrue, yPred, [1, 10]), [1, 4, 90, 160]);
    expectClose(
      none.apply(yTrue, yPred, [
        [1, 0],
        [0, 1],
      ]),
      [1, 0, 0, 16],
    );
    expectClose(new MeanSquaredError().apply(yTrue, yPred, [1, 10]), 255 / 4);
  });

  test('zero-size batches reduce to 0; a scalar loss is returned as is', () => {
    expectClose(new MeanSquaredError().apply(tensor([], [0, 2]), tensor([], [0, 2])), 0);
    expectClose(new MeanSquaredError({ reduction: 'sum' }).apply(tensor([], [0, 2]), tensor([], [0, 2])), 0);
    expectClose(reduceWeightedValues(tensor(3), 2, null, 'sumOverBatchSize'), 6);
  });

  test('bad input: an unknown reduction lists the valid ones; weights that do not fit name both shapes', () => {
    expect(() => new MeanSquaredError({ reduction: 'avg' as 'sum' })).toThrow(ValueError);
    expect(() => new MeanSquaredError({ reduction: 'avg' as 'sum' })).toThrow(
      /MeanSquaredError: unknown reduction 'avg'; expected one of 'sumOverBatchSize', 'sum_over_batch_size', 'sum', 'none'/,
    );
    expect(() => standardizeReduction(3)).toThrow(/unknown reduction 3/);
    expect(() => new MeanSquaredError().apply(T, P, [1, 2])).toThrow(ShapeError);
    expect(() => new MeanSquaredError().apply(T, P, [1, 2])).toThrow(
      /MeanSquaredError 'mean_squared_error': sampleWeight of shape \[2\] cannot weight per-sample losses of shape \[3\]/,
    );
  });

  test('call leaks no tensors: only its result survives', () => {
    const loss = new SparseCategoricalCrossentropy({ ignoreClass: -1 });
    const yPred = tensor([
      [0.5, 0.5],
      [0.2, 0.8],
    ]);
    const before = memory().numTensors;
    const out = loss.apply([0, -1], yPred, [1, 2]);
    expect(memory().numTensors).toBe(before + 1);
    out.dispose();
    tidy(() => {
      new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 }).apply([[0, 1]], [[2, 3]]);
    });
    expect(memory().numTensors).toBe(before);
  });
});

describe('serialization: className, getConfig, fromConfig', () => {
  const cases: [Loss, string, Record<string, unknown>][] = [
    [new MeanSquaredError(), 'MeanSquaredError', { name: 'mean_squared_error', reduction: 'sumOverBatchSize' }],
    [
      new MeanAbsoluteError({ reduction: 'sum' }),
      'MeanAbsoluteError',
      { name: 'mean_absolute_error', reduction: 'sum' },
    ],
    [new MeanAbsolutePercentageError(), 'MeanAbsolutePercentageError', { name: 'mean_absolute_percentage_error' }],
    [new MeanSquaredLogarithmicError(), 'MeanSquaredLogarithmicError', { name: 'mean_squared_logarithmic_error' }],
    [new Huber({ delta: 2 }), 'Huber', { name: 'huber_loss', delta: 2 }],
    [new LogCosh(), 'LogCosh', { name: 'log_cosh' }],
    [new CosineSimilarity({ axis: 0 }), 'CosineSimilarity', { name: 'cosine_similarity', axis: 0 }],
    [
      new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1, name: 'bce' }),
      'BinaryCrossentropy',
      { name: 'bce', fromLogits: true, labelSmoothing: 0.1, axis: -1 },
    ],
    [
      new BinaryFocalCrossentropy({ applyClassBalancing: true, gamma: 3 }),
      'BinaryFocalCrossentropy',
      { name: 'binary_focal_crossentropy', applyClassBalancing: true, alpha: 0.25, gamma: 3, fromLogits: false },
    ],
    [
      new CategoricalCrossentropy({ axis: 1 }),
      'CategoricalCrossentropy',
      { name: 'categorical_crossentropy', axis: 1 },
    ],
    [
      new SparseCategoricalCrossentropy({ fromLogits: true }),
      'SparseCategoricalCrossentropy',
      { name: 'sparse_categorical_crossentropy', fromLogits: true, ignoreClass: null },
    ],
    [new Hinge(), 'Hinge', { name: 'hinge' }],
    [new SquaredHinge(), 'SquaredHinge', { name: 'squared_hinge' }],
    [new CategoricalHinge(), 'CategoricalHinge', { name: 'categorical_hinge' }],
    [new KLDivergence(), 'KLDivergence', { name: 'kl_divergence' }],
    [new Poisson({ reduction: 'none' }), 'Poisson', { name: 'poisson', reduction: 'none' }],
  ];

  test.each(cases)('%o has its Keras class name, a JSON config, and round-trips', (loss, className, expected) => {
    const cls = loss.constructor as typeof MeanSquaredError;
    expect(cls.className).toBe(className);
    expect(loss.className).toBe(className);
    const config = loss.getConfig();
    expect(config).toMatchObject(expected);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    const copy = cls.fromConfig(JSON.parse(JSON.stringify(config)));
    expect(copy).toBeInstanceOf(cls);
    expect(copy.getConfig()).toEqual(config);
  });

  test('fromConfig builds the subclass with its options', () => {
    const bce = BinaryCrossentropy.fromConfig({ fromLogits: true, reduction: 'sum' });
    expect(bce.fromLogits).toBe(true);
    expectClose(bce.apply([[1], [0]], [[0], [0]]), 2 * Math.LN2);
  });

  test('bad input: an empty name', () => {
    expect(() => new Hinge({ name: '' })).toThrow(/Hinge: name must be a non-empty string/);
  });
});

describe('custom losses', () => {
  test('a Loss subclass overrides call (per sample, as Keras); apply weights and reduces it', () => {
    class MeanCubedError extends Loss {
      static override readonly className = 'MeanCubedError';
      call(yTrue: TensorLike, yPred: TensorLike) {
        return mean(abs(pow(sub(yTrue, yPred), 3)), -1);
      }
    }
    const loss = new MeanCubedError({ name: 'mce' });
    // call is Keras' per-sample Loss.call: one value per sample, unweighted.
    expectClose(loss.call([[0], [0]], [[1], [2]]), [1, 8]);
    expectClose(loss.apply([[0, 2]], [[1, 0]]), 4.5);
    expectClose(loss.apply([[0], [0]], [[1], [2]], [1, 0.5]), (1 + 4) / 2);
    expectClose(new MeanCubedError({ reduction: 'sum' }).apply([[0], [0]], [[1], [2]], [2, 1]), 10);
    expectClose(new MeanCubedError({ reduction: 'none' }).apply([[0], [0]], [[1], [2]], [2, 1]), [2, 8]);
    expect(loss.getConfig()).toEqual({ name: 'mce', reduction: 'sumOverBatchSize' });
  });

  test('built-in classes: call gives the per-sample losses, apply their reduced mean', () => {
    // keras.losses.MeanSquaredError().call([[0, 1], [0, 0]], [[1, 1], [1, 0]]) -> [0.5, 0.5]
    expectClose(new MeanSquaredError().call(T, P), [0.5, 0.5, 0]);
    expectClose(new MeanSquaredError().apply(T, P), 1 / 3);
    expectClose(new CategoricalCrossentropy().call([[0, 1]], [[0.2, 0.8]]), [-Math.log(0.8)]);
  });

  test('LossFunctionWrapper wraps a function, named after it', () => {
    const myLoss = (t: TensorLike, p: TensorLike) => meanSquaredError(t, p).mul(2);
    const loss = new LossFunctionWrapper(myLoss, { reduction: 'sum' });
    expect(loss.name).toBe('myLoss');
    expectClose(loss.apply(T, P), 2);
    expect(() => new LossFunctionWrapper(3 as unknown as typeof myLoss)).toThrow(
      /LossFunctionWrapper: fn must be a function, got 3/,
    );
  });
});
