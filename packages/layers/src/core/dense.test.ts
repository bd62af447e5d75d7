import { GradientTape } from '@horn/autograd';
import { memory, ShapeError, type Tensor, tensor, tidy, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Constant, Dense, L2, MaxNorm, resetLayerNames, runLayerTest } from '../index.js';

const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = Array.from(t.dataSync());
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

describe('Dense', () => {
  test('follows the layer contract', () => {
    runLayerTest(Dense, {
      config: { units: 3, activation: 'relu' },
      inputShape: [2, 4],
      expectedOutputShape: [2, 3],
      expectedNumTrainableWeights: 2,
      expectedNumNonTrainableWeights: 0,
    });
    runLayerTest(Dense, {
      config: { units: 2, useBias: false, kernelRegularizer: 'l2', activityRegularizer: 'l1' },
      inputShape: [2, 3, 4],
      expectedOutputShape: [2, 3, 2],
      expectedNumTrainableWeights: 1,
    });
  });

  test('computes activation(x · kernel + bias), checked against a hand matmul', () => {
    // kernel [[1, 2], [3, 4], [5, 6]], bias [0.5, -1]; x [[1, 0, -1], [2, 1, 0]]
    const dense = new Dense({
      units: 2,
      kernelInitializer: new Constant({
        value: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      }),
      biasInitializer: new Constant({ value: [0.5, -1] }),
    });
    const y = dense.apply(
      tensor([
        [1, 0, -1],
        [2, 1, 0],
      ]),
    );
    // row 0: [1 - 5, 2 - 6] + b = [-3.5, -5]; row 1: [2 + 3, 4 + 4] + b = [5.5, 7]
    close(y, [-3.5, -5, 5.5, 7]);
    const relu = new Dense({ units: 2, activation: 'relu', kernelInitializer: 'ones', biasInitializer: 'zeros' });
    close(relu.apply(tensor([[1, -3]])), [0, 0]);
    close(relu.apply(tensor([[4, -3]])), [1, 1]);
  });

  test('runs on rank-3 inputs over the last axis', () => {
    const dense = new Dense({ units: 1, kernelInitializer: 'ones', useBias: false });
    const y = dense.apply(
      tensor([
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ]),
    );
    expect(y.shape).toEqual([1, 3, 1]);
    close(y, [3, 7, 11]);
  });

  test('a call with another last dimension names the layer and both shapes', () => {
    resetLayerNames();
    new Dense({ units: 1 });
    const dense = new Dense({ units: 5 });
    expect(dense.name).toBe('dense_1');
    dense.apply(tensor([[1, 2, 3, 4]]));
    expect(() =>
      dense.apply(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toThrow(ShapeError);
    expect(() =>
      dense.apply(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toThrow("Dense 'dense_1': expected input with last dimension 4, got [2, 3]");
  });

  test('rank-1 inputs are refused before building', () => {
    const dense = new Dense({ units: 2, name: 'd' });
    expect(() => dense.apply(tensor([1, 2, 3]))).toThrow("Dense 'd': expected input of rank >= 2, got [3]");
    expect(dense.built).toBe(false);
  });

  test('bad options throw at construction', () => {
    expect(() => new Dense({ units: -3 })).toThrow(ValueError);
    expect(() => new Dense({ units: -3 })).toThrow('Dense: units must be a positive integer, got -3');
    expect(() => new Dense({ units: 1.5 })).toThrow(/units/);
    expect(() => new Dense({ units: 2, activation: 'relux' })).toThrow(
      /unknown activation 'relux'; valid ids are relu, sigmoid/,
    );
    expect(() => new Dense({ units: 2, kernelInitializer: 'glorot' })).toThrow(/valid ids are zeros, ones/);
  });

  test('weights, countParams, config and regularization losses', () => {
    const dense = new Dense({
      units: 3,
      kernelRegularizer: new L2({ l2: 0.1 }),
      kernelConstraint: new MaxNorm({ maxValue: 1 }),
    });
    expect(() => dense.countParams()).toThrow(/countParams\(\) needs a built layer/);
    dense.apply(tensor([[1, 2]]));
    expect(dense.countParams()).toBe(2 * 3 + 3);
    expect(dense.weights.map((w) => w.name)).toEqual([`${dense.name}/kernel`, `${dense.name}/bias`]);
    dense.setWeights([
      tensor([
        [1, 0, 0],
        [0, 2, 0],
      ]),
      tensor([0, 0, 0]),
    ]);
    close(dense.losses[0], [0.1 * 5]);
    dense.applyConstraints();
    // column norms [1, 2, 0] clipped to 1: the second column is halved
    close(dense.kernel!, [1, 0, 0, 0, 1, 0], 5);
    const config = dense.getConfig();
    expect(config).toMatchObject({
      units: 3,
      activation: 'linear',
      useBias: true,
      kernelInitializer: { className: 'GlorotUniform', config: { seed: null } },
      biasInitializer: { className: 'Zeros', config: {} },
      kernelRegularizer: { className: 'L2', config: { l2: 0.1 } },
      kernelConstraint: { className: 'MaxNorm', config: { maxValue: 1, axis: 0 } },
      biasRegularizer: null,
      trainable: true,
      dtype: 'float32',
    });
  });

  test('fits y = 2x - 1 with GradientTape and manual SGD, leaking nothing', () => {
    const dense = new Dense({ units: 1, kernelInitializer: 'zeros' });
    const x = tensor([[-1], [0], [1], [2]]);
    const y = tensor([[-3], [-1], [1], [3]]);
    dense.apply(x);
    const before = memory().numTensors;
    for (let step = 0; step < 200; step++) {
      tidy(() => {
        const tape = new GradientTape();
        const loss = tape.run(() => dense.apply(x).sub(y).square().mean());
        const grads = tape.gradient(loss, dense.trainableWeights);
        for (const [i, w] of dense.trainableWeights.entries()) w.assignSub(grads[i]!.mul(0.1));
      });
    }
    expect(memory().numTensors).toBe(before);
    close(dense.kernel!, [2], 3);
    close(dense.bias!, [-1], 3);
  });
});
