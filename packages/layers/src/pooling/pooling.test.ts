import { range, ShapeError, type Tensor, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  AveragePooling1D,
  AveragePooling2D,
  AvgPool1D,
  AvgPool2D,
  deserializeLayer,
  getRegisteredClass,
  MaxPool1D,
  MaxPool2D,
  MaxPooling1D,
  MaxPooling2D,
  runLayerTest,
} from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());

describe('MaxPooling2D', () => {
  test('follows the layer contract: [2, 26, 26, 32] -> [2, 13, 13, 32]', () => {
    runLayerTest(MaxPooling2D, {
      config: {},
      inputShape: [2, 26, 26, 32],
      expectedOutputShape: [2, 13, 13, 32],
      expectedNumTrainableWeights: 0,
      expectedNumNonTrainableWeights: 0,
    });
    runLayerTest(MaxPooling2D, {
      config: { poolSize: [2, 3], strides: 1, padding: 'same' },
      inputShape: [2, 4, 5, 3],
      expectedOutputShape: [2, 4, 5, 3],
    });
  });

  test("reproduces the course: [[4, 3], [2, 1]], pool 2x2 stride 1: 'valid' -> [[4]], 'same' -> [[4, 3], [2, 1]]", () => {
    const x = tensor([4, 3, 2, 1], [1, 2, 2, 1]);
    runLayerTest(MaxPooling2D, {
      config: { poolSize: [2, 2], strides: [1, 1], padding: 'valid' },
      inputShape: [1, 2, 2, 1],
      inputData: x,
      expectedOutputShape: [1, 1, 1, 1],
      expectedOutput: [[[[4]]]],
    });
    runLayerTest(MaxPool2D, {
      config: { poolSize: [2, 2], strides: [1, 1], padding: 'same' },
      inputShape: [1, 2, 2, 1],
      inputData: x,
      expectedOutputShape: [1, 2, 2, 1],
      expectedOutput: [
        [
          [[4], [3]],
          [[2], [1]],
        ],
      ],
    });
  });

  test('reproduces the course: range(16) as 4x4, pool 2 stride 2 -> [[5, 7], [13, 15]]', () => {
    const out = new MaxPooling2D({ poolSize: 2, strides: 2 }).apply(range(16).reshape([1, 4, 4, 1]));
    expect(out.arraySync()).toEqual([
      [
        [[5], [7]],
        [[13], [15]],
      ],
    ]);
  });

  test('strides default to the pool size and channels stay apart', () => {
    const layer = new MaxPooling2D({ poolSize: 3 });
    expect(layer.strides).toEqual([3, 3]);
    // two channels: c0 = 0..35, c1 = 100 - c0 (its max is 100 - the window's min); pool 3 on 6x6
    const c0 = range(36).reshape([1, 6, 6, 1]);
    const y = layer.apply(c0.concat(c0.neg().add(100), 3));
    expect(flat(y)).toEqual([14, 100, 17, 97, 32, 82, 35, 79]);
    expect(layer.getConfig()).toMatchObject({
      poolSize: [3, 3],
      strides: [3, 3],
      padding: 'valid',
      dataFormat: 'channelsLast',
    });
  });
});

describe('AveragePooling2D', () => {
  test('follows the layer contract', () => {
    runLayerTest(AveragePooling2D, {
      config: { poolSize: 2, strides: 1 },
      inputShape: [2, 4, 4, 3],
      expectedOutputShape: [2, 3, 3, 3],
    });
  });

  test("averages each window; with 'same' only the real cells count", () => {
    expect(flat(new AvgPool2D().apply(tensor([1, 2, 3, 4], [1, 2, 2, 1])))).toEqual([2.5]);
    const x = range(1, 10).reshape([1, 3, 3, 1]);
    // windows {1,2,4,5}, {3,6}, {7,8}, {9}
    expect(flat(new AveragePooling2D({ padding: 'same' }).apply(x))).toEqual([3, 4.5, 7.5, 9]);
  });
});

describe('MaxPooling1D / AveragePooling1D', () => {
  test('follow the layer contract', () => {
    runLayerTest(MaxPooling1D, { config: {}, inputShape: [2, 6, 3], expectedOutputShape: [2, 3, 3] });
    runLayerTest(AveragePooling1D, {
      config: { poolSize: 3, strides: 2, padding: 'same' },
      inputShape: [2, 5, 3],
      expectedOutputShape: [2, 3, 3],
    });
  });

  test('pool over the steps', () => {
    const x = tensor([1, 3, 2, 6], [1, 4, 1]);
    expect(flat(new MaxPooling1D().apply(x))).toEqual([3, 6]);
    expect(flat(new MaxPool1D({ poolSize: 2, strides: 1 }).apply(x))).toEqual([3, 3, 6]);
    expect(flat(new AveragePooling1D().apply(x))).toEqual([2, 4]);
    expect(flat(new AvgPool1D({ poolSize: 3, strides: 1 }).apply(x))).toEqual([2, 11 / 3].map((v) => Math.fround(v)));
    expect(new MaxPooling1D({ padding: 'same' }).computeOutputShape([null, 5, 2])).toEqual([null, 3, 2]);
  });
});

describe('pooling aliases and errors', () => {
  test('MaxPool2D, MaxPool1D, AvgPool2D, AvgPool1D are the same classes, also in the registry', () => {
    expect(MaxPool2D).toBe(MaxPooling2D);
    expect(MaxPool1D).toBe(MaxPooling1D);
    expect(AvgPool2D).toBe(AveragePooling2D);
    expect(AvgPool1D).toBe(AveragePooling1D);
    expect(getRegisteredClass('MaxPool2D')).toBe(MaxPooling2D);
    expect(getRegisteredClass('AvgPool1D')).toBe(AveragePooling1D);
    const layer = deserializeLayer({ className: 'MaxPool2D', config: { poolSize: 3 } });
    expect(layer).toBeInstanceOf(MaxPooling2D);
    expect(layer.className).toBe('MaxPooling2D');
  });

  test('reject wrong ranks, oversized pools and bad options', () => {
    const pool = new MaxPooling2D({ poolSize: 3, name: 'pool_errors' });
    expect(() => pool.apply(zeros([4, 4, 1]))).toThrow(ShapeError);
    expect(() => pool.apply(zeros([4, 4, 1]))).toThrow(
      "MaxPooling2D 'pool_errors': expected input of rank 4, got [4, 4, 1]",
    );
    expect(() => pool.apply(zeros([1, 2, 2, 1]))).toThrow(
      "MaxPooling2D 'pool_errors': pool 3x3 is larger than the input 2x2 with padding 'valid'",
    );
    expect(new MaxPooling2D({ poolSize: 3, padding: 'same' }).apply(zeros([1, 2, 2, 1])).shape).toEqual([1, 1, 1, 1]);
    expect(() => new MaxPooling1D({ name: 'pool1d_errors' }).apply(zeros([1, 4]))).toThrow(
      "MaxPooling1D 'pool1d_errors': expected input of rank 3, got [1, 4]",
    );
    expect(() => new MaxPooling2D({ poolSize: 0 })).toThrow(ValueError);
    expect(() => new MaxPooling2D({ poolSize: 0 })).toThrow(
      /poolSize must be an integer or an array of 2 integers, each >= 1, got 0/,
    );
    expect(() => new AveragePooling2D({ strides: [2, -1] })).toThrow(/strides/);
    expect(() => new MaxPooling1D({ poolSize: [2, 2] })).toThrow(/poolSize/);
    expect(() => new MaxPooling2D({ padding: 'causal' as 'same' })).toThrow(
      /padding must be one of 'valid', 'same', got "causal"/,
    );
    expect(() => new AveragePooling1D({ dataFormat: 'channels_first' })).toThrow(/not supported/);
  });
});
