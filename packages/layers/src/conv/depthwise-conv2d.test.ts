import { concat, ones, type Tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, DepthwiseConv2D, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());

describe('DepthwiseConv2D', () => {
  test('follows the layer contract', () => {
    runLayerTest(DepthwiseConv2D, {
      config: { kernelSize: 3, depthMultiplier: 2 },
      inputShape: [2, 5, 5, 3],
      expectedOutputShape: [2, 3, 3, 6],
      expectedNumTrainableWeights: 2,
    });
    runLayerTest(DepthwiseConv2D, {
      config: { kernelSize: [2, 3], strides: 2, padding: 'same', useBias: false, activation: 'relu' },
      inputShape: [2, 5, 5, 2],
      expectedOutputShape: [2, 3, 3, 2],
      expectedNumTrainableWeights: 1,
    });
  });

  test('has kh * kw * in * depthMultiplier + in * depthMultiplier parameters, as Keras', () => {
    const dw = new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2 });
    expect(dw.apply(zeros([1, 8, 8, 3])).shape).toEqual([1, 6, 6, 6]);
    expect(dw.countParams()).toBe(3 * 3 * 3 * 2 + 6);
    expect(dw.weights.map((w) => w.name)).toEqual([`${dw.name}/depthwise_kernel`, `${dw.name}/bias`]);
    expect(dw.weights[0].shape).toEqual([3, 3, 3, 2]);
  });

  test('convolves each channel with its own filters (channel c * multiplier + m)', () => {
    // channel 0 all ones, channel 1 all twos; 2x2 kernels: multiplier 0 weights 1, multiplier 1 weights -1
    const x = concat([ones([1, 3, 3, 1]), ones([1, 3, 3, 1]).mul(2)], 3);
    const dw = new DepthwiseConv2D({
      kernelSize: 2,
      depthMultiplier: 2,
      depthwiseInitializer: new Constant({ value: [1, -1] }),
      biasInitializer: new Constant({ value: [0, 0, 0.5, 0.5] }),
    });
    const y = dw.apply(x);
    expect(y.shape).toEqual([1, 2, 2, 4]);
    expect(flat(y)).toEqual(new Array(4).fill([4, -4, 8.5, -7.5]).flat());
  });

  test('rejects bad options and inputs', () => {
    expect(() => new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 0 })).toThrow(ValueError);
    expect(() => new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 0 })).toThrow(
      /depthMultiplier must be a positive integer/,
    );
    expect(() => new DepthwiseConv2D({ kernelSize: -3 })).toThrow(/kernelSize/);
    expect(() => new DepthwiseConv2D({ kernelSize: 3, depthwiseInitializer: 'bogus' })).toThrow(
      /unknown initializer 'bogus'/,
    );
    const dw = new DepthwiseConv2D({ kernelSize: 3, name: 'dw_errors' });
    expect(() => dw.apply(zeros([1, 2, 4, 1]))).toThrow(
      "DepthwiseConv2D 'dw_errors': kernel 3x3 is larger than the input 2x4",
    );
    expect(() => dw.apply(zeros([4, 4, 1]))).toThrow(/expected input of rank 4, got \[4, 4, 1\]/);
    dw.apply(zeros([1, 4, 4, 1]));
    expect(() => dw.apply(zeros([1, 4, 4, 3]))).toThrow(/expected input with last dimension 1/);
  });
});
