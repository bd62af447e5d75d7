import { ones, type Tensor, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, Conv2DTranspose, runLayerTest } from '../index.js';

const flat = (t: Tensor) => Array.from(t.dataSync());

describe('Conv2DTranspose', () => {
  test('follows the layer contract', () => {
    runLayerTest(Conv2DTranspose, {
      config: { filters: 3, kernelSize: 3, strides: 2 },
      inputShape: [2, 4, 4, 2],
      expectedOutputShape: [2, 9, 9, 3],
      expectedNumTrainableWeights: 2,
    });
    runLayerTest(Conv2DTranspose, {
      config: { filters: 2, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
      inputShape: [2, 3, 4, 2],
      expectedOutputShape: [2, 6, 8, 2],
      expectedNumTrainableWeights: 2,
    });
    runLayerTest(Conv2DTranspose, {
      config: { filters: 1, kernelSize: 3, strides: 2, outputPadding: 1, useBias: false },
      inputShape: [1, 3, 3, 1],
      expectedOutputShape: [1, 8, 8, 1],
      expectedNumTrainableWeights: 1,
    });
  });

  test('has kh*kw*filters*in + filters parameters with a [kh, kw, filters, in] kernel, as Keras', () => {
    const up = new Conv2DTranspose({ filters: 8, kernelSize: 3, strides: 2 });
    expect(up.apply(zeros([1, 4, 4, 16])).shape).toEqual([1, 9, 9, 8]);
    expect(up.countParams()).toBe(3 * 3 * 8 * 16 + 8);
    expect(up.weights[0].shape).toEqual([3, 3, 8, 16]);
  });

  test("sizes the output as Keras: 'valid' in*s + max(k - s, 0), 'same' in*s", () => {
    const shape = (config: ConstructorParameters<typeof Conv2DTranspose>[0], input: (number | null)[]) =>
      new Conv2DTranspose(config).computeOutputShape(input);
    expect(shape({ filters: 1, kernelSize: 3, strides: 2 }, [null, 4, 5, 1])).toEqual([null, 9, 11, 1]);
    // k < s: Keras gives in * s (8), not (in - 1) * s + k (7)
    expect(shape({ filters: 1, kernelSize: 1, strides: 2 }, [null, 4, 4, 1])).toEqual([null, 8, 8, 1]);
    expect(shape({ filters: 1, kernelSize: 3, strides: 2, padding: 'same' }, [null, 4, null, 1])).toEqual([
      null,
      8,
      null,
      1,
    ]);
    expect(shape({ filters: 1, kernelSize: 3, strides: 1, dilationRate: 2 }, [null, 4, 4, 1])).toEqual([null, 8, 8, 1]);
    // with outputPadding: (in - 1) * s + k - 2 * pad + outputPadding
    expect(shape({ filters: 1, kernelSize: 3, strides: 2, outputPadding: [1, 0] }, [null, 4, 4, 1])).toEqual([
      null,
      10,
      9,
      1,
    ]);
    expect(new Conv2DTranspose({ filters: 1, kernelSize: 1, strides: 2 }).apply(ones([1, 2, 2, 1])).shape).toEqual([
      1, 4, 4, 1,
    ]);
  });

  test('spreads each input over the kernel window: ones 2x2 through a 2x2 ones kernel', () => {
    const up = new Conv2DTranspose({ filters: 1, kernelSize: 2, kernelInitializer: 'ones' });
    expect(flat(up.apply(ones([1, 2, 2, 1])))).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
    // stride 2, kernel [[1, 2], [3, 4]]: each input pixel v paints v * kernel in its own 2x2 block
    const strided = new Conv2DTranspose({
      filters: 1,
      kernelSize: 2,
      strides: 2,
      kernelInitializer: new Constant({
        value: [
          [[[1]], [[2]]],
          [[[3]], [[4]]],
        ],
      }),
    });
    const y = strided.apply(tensor([1, 10], [1, 1, 2, 1]));
    expect(y.arraySync()).toEqual([
      [
        [[1], [2], [10], [20]],
        [[3], [4], [30], [40]],
      ],
    ]);
  });

  test('rejects bad options', () => {
    expect(() => new Conv2DTranspose({ filters: 0, kernelSize: 3 })).toThrow(ValueError);
    expect(() => new Conv2DTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: 2 })).toThrow(
      /outputPadding \[2,2\] must be smaller than strides \[2,2\]/,
    );
    expect(() => new Conv2DTranspose({ filters: 1, kernelSize: 3, outputPadding: -1 })).toThrow(/outputPadding/);
    const up = new Conv2DTranspose({ filters: 1, kernelSize: 3, name: 'up_errors' });
    expect(() => up.apply(zeros([1, 4, 4]))).toThrow(
      "Conv2DTranspose 'up_errors': expected input of rank 4, got [1, 4, 4]",
    );
  });
});
