import { describe, expect, test } from 'vitest';
import * as keras from './index.js';

describe('keras.random', () => {
  test("Keras 3's functions with integer seeds and a SeedGenerator", () => {
    const gen = new keras.random.SeedGenerator(42);
    const a = keras.random.normal([2, 3], { seed: gen });
    expect(a.shape).toEqual([2, 3]);
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(keras.random.normal([2, 3], { seed: gen }).dataSync()));
    expect(Array.from(keras.random.uniform([3], { seed: 1 }).dataSync())).toEqual(
      Array.from(keras.random.uniform([3], { seed: 1 }).dataSync()),
    );
    expect(keras.random.randint([4], 0, 10, { seed: 1 }).dtype).toBe('int32');
    expect(keras.random.truncatedNormal([4], { seed: 1 }).shape).toEqual([4]);
    expect(keras.random.categorical([[0, 0]], 5, { seed: 1 }).shape).toEqual([1, 5]);
    expect(keras.random.shuffle(keras.tensor([1, 2, 3]), { seed: 1 }).shape).toEqual([3]);
    expect(keras.random.dropout(keras.tensor([1, 1]), 0, { seed: 1 }).arraySync()).toEqual([1, 1]);
  });
});

describe('issue 11 additions reach the facade', () => {
  test('keras.layers merge functions, Dot, Lambda, ActivityRegularization; keras.ops.booleanMask; keras.metrics MAPE', () => {
    const x = keras.Input({ shape: [3] });
    const y = keras.Input({ shape: [3] });
    expect(keras.layers.concatenate([x, y], { axis: -1 }).shape).toEqual([null, 6]);
    expect(keras.layers.add([keras.tensor([[1, 2]]), keras.tensor([[3, 4]])]).arraySync()).toEqual([[4, 6]]);
    expect(new keras.layers.Dot({ axes: 1 }).apply([x, y]).shape).toEqual([null, 1]);
    expect(new keras.layers.Lambda({ function: (t) => (t as keras.ops.Tensor).mul(2) }).apply(x).shape).toEqual([
      null,
      3,
    ]);
    expect(new keras.layers.ActivityRegularization({ l1: 0.1 }).apply(x).shape).toEqual([null, 3]);
    expect(keras.ops.booleanMask(keras.tensor([1, 2, 3]), [true, false, true]).arraySync()).toEqual([1, 3]);
    expect(keras.metrics.getMetric('mape')).toBeInstanceOf(keras.metrics.MeanAbsolutePercentageError);
  });
});
