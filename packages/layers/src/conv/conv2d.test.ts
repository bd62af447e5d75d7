import { profile, randomNormal, range, relu, ShapeError, type Tensor, tensor, ValueError, zeros } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, Conv2D, runLayerTest } from '../index.js';

const image = () => tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
const flat = (t: Tensor) => Array.from(t.dataSync());
const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = flat(t);
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

describe('Conv2D', () => {
  test('follows the layer contract: [2, 28, 28, 1], 32 filters 3x3 valid -> [2, 26, 26, 32]', () => {
    runLayerTest(Conv2D, {
      config: { filters: 32, kernelSize: 3, activation: 'relu' },
      inputShape: [2, 28, 28, 1],
      expectedOutputShape: [2, 26, 26, 32],
      expectedNumTrainableWeights: 2,
      expectedNumNonTrainableWeights: 0,
    });
    runLayerTest(Conv2D, {
      config: { filters: 2, kernelSize: [2, 3], strides: 2, padding: 'same', useBias: false, kernelRegularizer: 'l2' },
      inputShape: [2, 5, 5, 3],
      expectedOutputShape: [2, 3, 3, 2],
      expectedNumTrainableWeights: 1,
    });
  });

  test("'relu' and linear run one FusedConv2D kernel with the numbers of conv, add and relu", () => {
    const x = randomNormal([2, 6, 5, 3], { seed: 4 });
    for (const [activation, kernels] of [
      ['relu', ['FusedConv2D']],
      ['linear', ['FusedConv2D']],
      ['tanh', ['Conv2D', 'Add', 'Tanh']],
    ] as const) {
      const fused = new Conv2D({ filters: 4, kernelSize: 2, activation, biasInitializer: 'randomNormal' });
      fused.apply(x);
      const p = profile(() => fused.apply(x));
      expect(p.kernels.map((k) => k.name)).toEqual(kernels);
    }
    const a = new Conv2D({ filters: 4, kernelSize: 2, padding: 'same', activation: 'relu', biasInitializer: 'ones' });
    const b = new Conv2D({ filters: 4, kernelSize: 2, padding: 'same', activation: (t: Tensor) => relu(t) });
    a.apply(x);
    b.apply(x);
    b.setWeights(a.getWeights());
    expect(flat(a.apply(x))).toEqual(flat(b.apply(x)));
  });

  test('has 3*3*1*32 + 32 = 320 parameters on one channel', () => {
    const conv = new Conv2D({ filters: 32, kernelSize: 3 });
    expect(conv.apply(zeros([2, 28, 28, 1])).shape).toEqual([2, 26, 26, 32]);
    expect(conv.countParams()).toBe(320);
    expect(conv.weights.map((w) => w.shape)).toEqual([[3, 3, 1, 32], [32]]);
    expect(conv.weights.map((w) => w.name)).toEqual([`${conv.name}/kernel`, `${conv.name}/bias`]);
  });

  test('reproduces the course: image 1..9, 2x2 ones, valid -> [[12, 16], [24, 28]]', () => {
    const out = runLayerTest(Conv2D, {
      config: { filters: 1, kernelSize: 2, kernelInitializer: new Constant({ value: 1 }) },
      inputShape: [1, 3, 3, 1],
      inputData: image(),
      expectedOutputShape: [1, 2, 2, 1],
      expectedOutput: [
        [
          [[12], [16]],
          [[24], [28]],
        ],
      ],
    });
    expect(out.arraySync()).toEqual([
      [
        [[12], [16]],
        [[24], [28]],
      ],
    ]);
  });

  test("reproduces the course: 'same' -> [[12, 16, 9], [24, 28, 15], [15, 17, 9]]", () => {
    runLayerTest(Conv2D, {
      config: {
        filters: 1,
        kernelSize: 2,
        padding: 'same',
        kernelInitializer: { className: 'Constant', config: { value: 1 } },
      },
      inputShape: [1, 3, 3, 1],
      inputData: image(),
      expectedOutputShape: [1, 3, 3, 1],
      expectedOutput: [
        [
          [[12], [16], [9]],
          [[24], [28], [15]],
          [[15], [17], [9]],
        ],
      ],
    });
  });

  test('reproduces the course: three filters with weights 1, 10, -1 give the map, 10x it and its negative', () => {
    const out = runLayerTest(Conv2D, {
      config: { filters: 3, kernelSize: 2, padding: 'same', kernelInitializer: new Constant({ value: [1, 10, -1] }) },
      inputShape: [1, 3, 3, 1],
      inputData: image(),
      expectedOutputShape: [1, 3, 3, 3],
    });
    const map = [12, 16, 9, 24, 28, 15, 15, 17, 9];
    close(
      out,
      map.flatMap((v) => [v, 10 * v, -v]),
    );
  });

  test('adds the bias, applies the activation, strides and dilation', () => {
    const conv = new Conv2D({
      filters: 1,
      kernelSize: 2,
      kernelInitializer: 'ones',
      biasInitializer: new Constant({ value: -20 }),
      activation: 'relu',
    });
    close(conv.apply(image()), [0, 0, 4, 8]);
    // 5x5 of 0..24, a 2x2 ones kernel dilated by 2 reads x[i][j] + x[i][j+2] + x[i+2][j] + x[i+2][j+2].
    const x = range(25).reshape([1, 5, 5, 1]);
    const dilated = new Conv2D({ filters: 1, kernelSize: 2, dilationRate: 2, kernelInitializer: 'ones' });
    const expected: number[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expected.push(4 * (5 * i + j) + 2 + 10 + 12);
    close(dilated.apply(x), expected);
    const strided = new Conv2D({ filters: 1, kernelSize: 1, strides: 2, kernelInitializer: 'ones' });
    close(strided.apply(x), [0, 2, 4, 10, 12, 14, 20, 22, 24]);
  });

  test('collects the kernel regularization and keeps the constraint on the weight', () => {
    const conv = new Conv2D({
      filters: 1,
      kernelSize: 2,
      kernelInitializer: 'ones',
      kernelRegularizer: 'l2',
      kernelConstraint: 'nonNeg',
    });
    conv.apply(image());
    const losses = conv.losses;
    expect(losses.length).toBe(1);
    expect(losses[0].dataSync()[0]).toBeCloseTo(0.04, 6); // 0.01 * 4 * 1^2
    const config = conv.getConfig();
    expect(config.kernelRegularizer).toEqual({ className: 'L2', config: { l2: 0.01 } });
    expect((config.kernelConstraint as { className: string }).className).toBe('NonNeg');
    expect(config).toMatchObject({
      kernelSize: [2, 2],
      strides: [1, 1],
      padding: 'valid',
      dilationRate: [1, 1],
      dataFormat: 'channelsLast',
      useBias: true,
      activation: 'linear',
    });
  });

  test('rejects bad options at construction', () => {
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(ValueError);
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(
      /Conv2D '.*': filters must be a positive integer, got 0/,
    );
    expect(() => new Conv2D({ filters: 2.5, kernelSize: 3 })).toThrow(/filters/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 0 })).toThrow(
      /kernelSize must be an integer or an array of 2 integers, each >= 1, got 0/,
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: [3] })).toThrow(/kernelSize/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, strides: -1 })).toThrow(/strides/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, strides: [1, 0] })).toThrow(/strides/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, dilationRate: 0 })).toThrow(/dilationRate/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, padding: 'full' as 'same' })).toThrow(
      /Conv2D '.*': padding must be one of 'valid', 'same', got "full"/,
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, padding: 'causal' as 'same' })).toThrow(ValueError);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, dataFormat: 'channels_first' })).toThrow(
      /channelsFirst.*not supported/,
    );
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(/dilationRate > 1/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, activation: 'nope' })).toThrow(/unknown activation 'nope'/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 3, kernelInitializer: 'nope' })).toThrow(/glorotUniform/);
    expect(
      new Conv2D({ filters: 1, kernelSize: 3, padding: 'SAME' as 'same', dataFormat: 'channels_last' }).padding,
    ).toBe('same');
  });

  test('rejects a wrong rank, naming the layer, the expected rank and the shape', () => {
    const conv = new Conv2D({ filters: 1, kernelSize: 2, name: 'conv_rank' });
    expect(() => conv.apply(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1]))).toThrow(ShapeError);
    expect(() => conv.apply(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1]))).toThrow(
      "Conv2D 'conv_rank': expected input of rank 4, got [3, 3, 1]",
    );
    expect(() => conv.computeOutputShape([null, 3, 3])).toThrow(/rank 4/);
  });

  test('rejects another channel count on a second call', () => {
    const conv = new Conv2D({ filters: 1, kernelSize: 2, name: 'conv_channels' });
    conv.apply(zeros([1, 3, 3, 1]));
    expect(() => conv.apply(zeros([1, 3, 3, 2]))).toThrow(ShapeError);
    expect(() => conv.apply(zeros([1, 3, 3, 2]))).toThrow(
      "Conv2D 'conv_channels': expected input with last dimension 1, got [1, 3, 3, 2]",
    );
    expect(conv.apply(zeros([2, 4, 5, 1])).shape).toEqual([2, 3, 4, 1]);
  });

  test("rejects a kernel larger than the input with 'valid' at the first call", () => {
    const conv = new Conv2D({ filters: 1, kernelSize: 3, name: 'conv2d_1' });
    expect(() => conv.apply(zeros([1, 2, 2, 1]))).toThrow(ShapeError);
    expect(() => conv.apply(zeros([1, 2, 2, 1]))).toThrow(
      "Conv2D 'conv2d_1': kernel 3x3 is larger than the input 2x2 with padding 'valid'",
    );
    expect(() => conv.computeOutputShape([null, 2, 5, 1])).toThrow(/kernel 3x3 is larger than the input 2x5/);
    expect(() => new Conv2D({ filters: 1, kernelSize: 2, dilationRate: 2 }).apply(zeros([1, 2, 2, 1]))).toThrow(
      /kernel 2x2 \(dilated to 3x3\) is larger than the input 2x2/,
    );
    expect(new Conv2D({ filters: 1, kernelSize: 3, padding: 'same' }).apply(zeros([1, 2, 2, 1])).shape).toEqual([
      1, 2, 2, 1,
    ]);
  });

  test('needs a known channel dimension to build', () => {
    const conv = new Conv2D({ filters: 1, kernelSize: 1 });
    expect(() => conv.build([null, 3, 3, null])).toThrow(/last dimension of the input must be known/);
    expect(conv.computeOutputShape([null, null, 7, 2])).toEqual([null, null, 7, 1]);
  });
});
