import { ShapeError, type Tensor, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, Conv1D, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());
const sequence = () => tensor([1, 2, 3, 4], [1, 4, 1]);

describe('Conv1D', () => {
  test('follows the layer contract with valid, same and causal padding', () => {
    runLayerTest(Conv1D, {
      config: { filters: 4, kernelSize: 3 },
      inputShape: [2, 7, 3],
      expectedOutputShape: [2, 5, 4],
      expectedNumTrainableWeights: 2,
    });
    runLayerTest(Conv1D, {
      config: { filters: 4, kernelSize: 3, padding: 'causal', dilationRate: 2, activation: 'tanh' },
      inputShape: [2, 7, 3],
      expectedOutputShape: [2, 7, 4],
      expectedNumTrainableWeights: 2,
    });
    runLayerTest(Conv1D, {
      config: { filters: 2, kernelSize: 2, strides: 2, padding: 'same' },
      inputShape: [2, 5, 3],
      expectedOutputShape: [2, 3, 2],
    });
  });

  test('has k * in * filters + filters parameters', () => {
    const conv = new Conv1D({ filters: 4, kernelSize: 3 });
    conv.apply(zeros([1, 10, 8]));
    expect(conv.countParams()).toBe(3 * 8 * 4 + 4);
    expect(conv.weights[0].shape).toEqual([3, 8, 4]);
  });

  test("'causal' pads on the left only: output t sees inputs up to t", () => {
    // [1, 2, 3, 4] with a [1, 1] kernel: causal -> [0+1, 1+2, 2+3, 3+4]
    const causal = new Conv1D({ filters: 1, kernelSize: 2, padding: 'causal', kernelInitializer: 'ones' });
    expect(flat(causal.apply(sequence()))).toEqual([1, 3, 5, 7]);
    // dilation 2: y[t] = x[t] + x[t - 2]
    const dilated = new Conv1D({
      filters: 1,
      kernelSize: 2,
      padding: 'causal',
      dilationRate: 2,
      kernelInitializer: 'ones',
    });
    expect(flat(dilated.apply(sequence()))).toEqual([1, 2, 4, 6]);
    // weights [2, 1] read x[t-1] * 2 + x[t]: the first tap is the oldest
    const weighted = new Conv1D({
      filters: 1,
      kernelSize: 2,
      padding: 'causal',
      kernelInitializer: new Constant({ value: [[[2]], [[1]]] }),
    });
    expect(flat(weighted.apply(sequence()))).toEqual([1, 4, 7, 10]);
    const valid = new Conv1D({ filters: 1, kernelSize: 2, kernelInitializer: 'ones' });
    expect(flat(valid.apply(sequence()))).toEqual([3, 5, 7]);
    const same = new Conv1D({ filters: 1, kernelSize: 2, padding: 'same', kernelInitializer: 'ones' });
    expect(flat(same.apply(sequence()))).toEqual([3, 5, 7, 4]);
  });

  test('rejects wrong ranks, channel changes, oversized kernels and bad options', () => {
    const conv = new Conv1D({ filters: 1, kernelSize: 3, name: 'conv1d_errors' });
    expect(() => conv.apply(zeros([1, 4, 4, 1]))).toThrow(
      "Conv1D 'conv1d_errors': expected input of rank 3, got [1, 4, 4, 1]",
    );
    expect(() => conv.apply(zeros([1, 2, 1]))).toThrow(
      "Conv1D 'conv1d_errors': kernel 3 is larger than the input 2 with padding 'valid'",
    );
    conv.apply(zeros([1, 5, 1]));
    expect(() => conv.apply(zeros([1, 5, 2]))).toThrow(ShapeError);
    expect(() => conv.apply(zeros([1, 5, 2]))).toThrow(/expected input with last dimension 1, got \[1, 5, 2\]/);
    expect(new Conv1D({ filters: 1, kernelSize: 3, padding: 'causal' }).apply(zeros([1, 2, 1])).shape).toEqual([
      1, 2, 1,
    ]);
    expect(() => new Conv1D({ filters: -1, kernelSize: 3 })).toThrow(ValueError);
    expect(() => new Conv1D({ filters: 1, kernelSize: [3, 3] })).toThrow(
      /kernelSize must be an integer or an array of 1 integers/,
    );
    expect(() => new Conv1D({ filters: 1, kernelSize: 3, padding: 'full' as 'same' })).toThrow(
      /padding must be one of 'valid', 'same', 'causal'/,
    );
    expect(() => new Conv1D({ filters: 1, kernelSize: 3, dataFormat: 'channelsFirst' })).toThrow(/not supported/);
  });
});
