import { ones, type Tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, runLayerTest, SeparableConv2D } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());

describe('SeparableConv2D', () => {
  test('follows the layer contract', () => {
    runLayerTest(SeparableConv2D, {
      config: { filters: 4, kernelSize: 3, depthMultiplier: 2, activation: 'relu' },
      inputShape: [2, 5, 5, 3],
      expectedOutputShape: [2, 3, 3, 4],
      expectedNumTrainableWeights: 3,
    });
    runLayerTest(SeparableConv2D, {
      config: { filters: 2, kernelSize: 2, strides: 2, padding: 'same', useBias: false },
      inputShape: [1, 5, 4, 2],
      expectedOutputShape: [1, 3, 2, 2],
      expectedNumTrainableWeights: 2,
    });
  });

  test('has kh*kw*in*dm + in*dm*filters + filters parameters, as Keras', () => {
    const sep = new SeparableConv2D({ filters: 8, kernelSize: 3 });
    expect(sep.apply(zeros([1, 8, 8, 4])).shape).toEqual([1, 6, 6, 8]);
    expect(sep.countParams()).toBe(3 * 3 * 4 + 4 * 8 + 8);
    const sep2 = new SeparableConv2D({ filters: 8, kernelSize: 3, depthMultiplier: 2 });
    sep2.apply(zeros([1, 8, 8, 4]));
    expect(sep2.countParams()).toBe(3 * 3 * 4 * 2 + 4 * 2 * 8 + 8);
    expect(sep2.weights.map((w) => [w.name.split('/')[1], w.shape])).toEqual([
      ['depthwise_kernel', [3, 3, 4, 2]],
      ['pointwise_kernel', [1, 1, 8, 8]],
      ['bias', [8]],
    ]);
  });

  test('is a depthwise convolution followed by a 1x1 convolution', () => {
    // ones 3x3x2 image, 2x2 depthwise ones -> 4 in both channels; pointwise [[1, 2], [3, 4]] -> [4+12, 8+16]
    const sep = new SeparableConv2D({
      filters: 2,
      kernelSize: 2,
      depthwiseInitializer: 'ones',
      pointwiseInitializer: new Constant({
        value: [
          [
            [
              [1, 2],
              [3, 4],
            ],
          ],
        ],
      }),
      biasInitializer: new Constant({ value: [1, -1] }),
    });
    expect(flat(sep.apply(ones([1, 3, 3, 2])))).toEqual(new Array(4).fill([17, 23]).flat());
  });

  test('rejects bad options and inputs', () => {
    expect(() => new SeparableConv2D({ filters: 0, kernelSize: 3 })).toThrow(ValueError);
    expect(() => new SeparableConv2D({ filters: 2, kernelSize: 3, depthMultiplier: -1 })).toThrow(/depthMultiplier/);
    expect(() => new SeparableConv2D({ filters: 2, kernelSize: 3, pointwiseRegularizer: 'l3' })).toThrow(
      /unknown regularizer 'l3'/,
    );
    const sep = new SeparableConv2D({ filters: 2, kernelSize: 3, name: 'sep_errors' });
    expect(() => sep.apply(zeros([1, 3, 2, 1]))).toThrow(
      "SeparableConv2D 'sep_errors': kernel 3x3 is larger than the input 3x2",
    );
  });
});
