import { ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, ELU, LeakyReLU, PReLU, ReLU, runLayerTest, Softmax } from '../index.js';

const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = Array.from(t.dataSync());
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

describe('LeakyReLU', () => {
  test('follows the layer contract; negativeSlope defaults to 0.3 (Keras 3) and alpha is accepted', () => {
    runLayerTest(LeakyReLU, { config: {}, inputShape: [2, 3], expectedOutputShape: [2, 3] });
    close(new LeakyReLU().apply(tensor([[-10, 0, 5]])), [-3, 0, 5]);
    const old = new LeakyReLU({ alpha: 0.1 });
    close(old.apply(tensor([[-10, 5]])), [-1, 5]);
    expect(old.getConfig().negativeSlope).toBe(0.1);
    expect(() => new LeakyReLU({ negativeSlope: -1 })).toThrow(
      'LeakyReLU: negativeSlope must be a finite number >= 0, got -1',
    );
  });
});

describe('ELU', () => {
  test('follows the layer contract and computes alpha·(e^x - 1) below 0', () => {
    runLayerTest(ELU, { config: { alpha: 0.5 }, inputShape: [2, 3], expectedOutputShape: [2, 3] });
    close(new ELU().apply(tensor([[-1, 2]])), [Math.exp(-1) - 1, 2]);
    close(new ELU({ alpha: 2 }).apply(tensor([[-1, 2]])), [2 * (Math.exp(-1) - 1), 2]);
  });
});

describe('ReLU', () => {
  test('follows the layer contract', () => {
    runLayerTest(ReLU, {
      config: { maxValue: 6, negativeSlope: 0.1, threshold: 0.5 },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
    });
  });

  test('matches the Keras formula', () => {
    const x = tensor([[-2, 0, 0.5, 1, 3, 8]]);
    close(new ReLU().apply(x), [0, 0, 0.5, 1, 3, 8]);
    close(new ReLU({ maxValue: 6 }).apply(x), [0, 0, 0.5, 1, 3, 6]);
    close(new ReLU({ maxValue: 2 }).apply(x), [0, 0, 0.5, 1, 2, 2]);
    close(new ReLU({ negativeSlope: 0.1 }).apply(x), [-0.2, 0, 0.5, 1, 3, 8]);
    // threshold 1: x for x > 1, slope·(x - 1) otherwise
    close(new ReLU({ threshold: 1, negativeSlope: 0.5 }).apply(x), [-1.5, -0.5, -0.25, 0, 3, 8]);
    close(new ReLU({ threshold: 1, maxValue: 6 }).apply(x), [0, 0, 0, 0, 3, 6]);
    expect(() => new ReLU({ maxValue: -1 })).toThrow('ReLU: maxValue must be a finite number >= 0, got -1');
    expect(() => new ReLU({ negativeSlope: -1 })).toThrow(ValueError);
  });
});

describe('Softmax', () => {
  test('follows the layer contract and normalizes over the axis', () => {
    runLayerTest(Softmax, { config: {}, inputShape: [2, 3], expectedOutputShape: [2, 3] });
    const e = [1, Math.E, Math.E ** 2];
    const s = e[0] + e[1] + e[2];
    close(
      new Softmax().apply(tensor([[0, 1, 2]])),
      e.map((v) => v / s),
    );
    close(new Softmax({ axis: 0 }).apply(tensor([[0], [0]])), [0.5, 0.5]);
    expect(() => new Softmax({ axis: 1.5 })).toThrow(ValueError);
  });
});

describe('PReLU', () => {
  test('follows the layer contract', () => {
    runLayerTest(PReLU, {
      config: { alphaInitializer: new Constant({ value: 0.25 }) },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedNumTrainableWeights: 1,
    });
    runLayerTest(PReLU, {
      config: { sharedAxes: [1, 2] },
      inputShape: [2, 3, 3, 4],
      expectedOutputShape: [2, 3, 3, 4],
    });
  });

  test('learns one slope per element, shared along sharedAxes', () => {
    const p = new PReLU({ alphaInitializer: new Constant({ value: 0.25 }) });
    close(p.apply(tensor([[-4, 2]])), [-1, 2]);
    const shared = new PReLU({ sharedAxes: [1, 2] });
    shared.apply(tensor([[[[1, 2, 3]]]]));
    expect(shared.weights[0].shape).toEqual([1, 1, 3]);
    // alpha starts at zero: a plain ReLU
    close(new PReLU().apply(tensor([[-4, 2]])), [0, 2]);
  });

  test('bad options and unknown dimensions give clear errors', () => {
    expect(() => new PReLU({ sharedAxes: [0] })).toThrow(
      'PReLU: sharedAxes must be 1-based positive integers, got [0]',
    );
    expect(() => new PReLU({ sharedAxes: 3, name: 'pr' }).apply(tensor([[1, 2]]))).toThrow(ShapeError);
    const p = new PReLU({ name: 'pr2' });
    p.apply(tensor([[1, 2]]));
    expect(() => p.apply(tensor([[1, 2, 3]]))).toThrow(
      "PReLU 'pr2': expected input with dimension 2 at axis 1, got [1, 3]",
    );
  });
});
