import { type TensorLike, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  BinaryCrossentropy,
  CategoricalCrossentropy,
  getLoss,
  Huber,
  KLDivergence,
  LogCosh,
  LossFunctionWrapper,
  lossIds,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  MeanSquaredLogarithmicError,
  meanSquaredError,
  SparseCategoricalCrossentropy,
  sparseCategoricalCrossentropy,
} from './index.js';
import { expectClose } from './test-support/allclose.js';

describe('getLoss', () => {
  test.each([
    ['mse', MeanSquaredError],
    ['MSE', MeanSquaredError],
    ['mean_squared_error', MeanSquaredError],
    ['meanSquaredError', MeanSquaredError],
    ['MeanSquaredError', MeanSquaredError],
    ['mae', MeanAbsoluteError],
    ['mape', MeanAbsolutePercentageError],
    ['msle', MeanSquaredLogarithmicError],
    ['huber_loss', Huber],
    ['logcosh', LogCosh],
    ['bce', BinaryCrossentropy],
    ['binary_crossentropy', BinaryCrossentropy],
    ['binaryCrossentropy', BinaryCrossentropy],
    ['categorical_crossentropy', CategoricalCrossentropy],
    ['sparse_categorical_crossentropy', SparseCategoricalCrossentropy],
    ['sparseCategoricalCrossentropy', SparseCategoricalCrossentropy],
    ['kl_divergence', KLDivergence],
    ['kld', KLDivergence],
    ['kullback_leibler_divergence', KLDivergence],
  ])('%s resolves to %o', (id, cls) => {
    expect(getLoss(id)).toBeInstanceOf(cls);
  });

  test('every listed id resolves, and the resolved loss computes', () => {
    for (const id of lossIds()) expect(getLoss(id).name).toBeTypeOf('string');
    expectClose(getLoss('categorical_crossentropy').apply([[0, 1]], [[0.2, 0.8]]), -Math.log(0.8));
  });

  test('a Loss is returned as is; a package function gives its class; another function is wrapped', () => {
    const bce = new BinaryCrossentropy({ fromLogits: true });
    expect(getLoss(bce)).toBe(bce);
    expect(getLoss(meanSquaredError)).toBeInstanceOf(MeanSquaredError);
    expect(getLoss(sparseCategoricalCrossentropy)).toBeInstanceOf(SparseCategoricalCrossentropy);
    const custom = (t: TensorLike, p: TensorLike) => meanSquaredError(t, p);
    const wrapped = getLoss(custom);
    expect(wrapped).toBeInstanceOf(LossFunctionWrapper);
    expectClose(wrapped.apply([[0, 1]], [[1, 1]]), 0.5);
  });

  test('{ className, config } builds the configured class (what getConfig wrote)', () => {
    const loss = getLoss({ className: 'CategoricalCrossentropy', config: { fromLogits: true, labelSmoothing: 0.1 } });
    expect(loss).toBeInstanceOf(CategoricalCrossentropy);
    expect((loss as CategoricalCrossentropy).labelSmoothing).toBe(0.1);
    const original = new Huber({ delta: 3, reduction: 'sum' });
    expect(getLoss({ className: original.className, config: original.getConfig() }).getConfig()).toEqual(
      original.getConfig(),
    );
  });

  test('bad input: an unknown id lists the valid ones; other values are refused', () => {
    expect(() => getLoss('cross_entropy')).toThrow(ValueError);
    expect(() => getLoss('cross_entropy')).toThrow(
      /getLoss: unknown loss 'cross_entropy'; valid ids are mean_squared_error, meanSquaredError, mse, .*binary_crossentropy/,
    );
    expect(() => getLoss({ className: 'Nope' })).toThrow(/unknown loss 'Nope'/);
    expect(() => getLoss(42 as unknown as string)).toThrow(
      /getLoss: expected a string id, a loss function, a Loss or \{ className, config \}, got 42/,
    );
  });
});
