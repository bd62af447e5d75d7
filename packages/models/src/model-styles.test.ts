import { Conv2D, Dense, Flatten, Input, MaxPooling2D } from '@horn/layers';
import {
  add,
  conv2d,
  matmul,
  maxPool2d,
  memory,
  profile,
  randomUniform,
  relu,
  reshape,
  ShapeError,
  softmax,
  type Tensor,
  tidy,
} from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from './index.js';

// The MNIST CNN of the issue, written three ways.
function sequentialCnn(): Sequential {
  return new Sequential([
    Input({ shape: [28, 28, 1] }),
    new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }),
    new MaxPooling2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 10, activation: 'softmax' }),
  ]);
}

function functionalCnn(): Model {
  const x = Input({ shape: [28, 28, 1] });
  const c = new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x);
  const p = new MaxPooling2D({ poolSize: 2 }).apply(c);
  const f = new Flatten().apply(p);
  return new Model({ inputs: x, outputs: new Dense({ units: 10, activation: 'softmax' }).apply(f) });
}

class SubclassCnn extends Model {
  conv = new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' });
  pool = new MaxPooling2D({ poolSize: 2 });
  flatten = new Flatten();
  head = new Dense({ units: 10, activation: 'softmax' });

  override call(x: Tensor): Tensor {
    return this.head.apply(this.flatten.apply(this.pool.apply(this.conv.apply(x))));
  }
}

/** The same network with plain ops: the second computation the models are checked against. */
function cnnByHand(x: Tensor, [k, b, w, c]: Tensor[]): Tensor {
  const h = maxPool2d(relu(add(conv2d(x, k), b)), { poolSize: 2 });
  return softmax(add(matmul(reshape(h, [x.shape[0], 5408]), w), c));
}

describe('the three model styles build the same MNIST CNN', () => {
  test('same shapes, same parameter counts, same outputs for the same weights', () => {
    const seq = sequentialCnn();
    const fun = functionalCnn();
    const sub = new SubclassCnn();
    const x = randomUniform([3, 28, 28, 1], { seed: 7 });
    expect(sub.built).toBe(false);
    expect(sub.weights).toEqual([]);
    sub.apply(x); // a subclassed model builds on its first call
    expect(sub.built).toBe(true);
    expect(sub.layers.map((l) => l.className)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(seq.layers.map((l) => l.className)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(fun.layers.map((l) => l.className)).toEqual(['InputLayer', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    for (const m of [seq, fun, sub]) {
      expect(m.weights.map((w) => w.shape)).toEqual([[3, 3, 1, 32], [32], [5408, 10], [10]]);
      expect(m.countParams()).toBe(320 + 54090);
    }
    const weights = seq.getWeights();
    fun.setWeights(weights);
    sub.setWeights(weights);
    const ys = [seq, fun, sub].map((m) => (m.apply(x) as Tensor).arraySync());
    expect(ys[1]).toEqual(ys[0]);
    expect(ys[2]).toEqual(ys[0]);
    const expected = cnnByHand(x, weights).dataSync();
    const got = (seq.apply(x) as Tensor).dataSync();
    expect(got.length).toBe(30);
    got.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 6);
    });
    // Each row is a softmax distribution.
    for (const row of ys[0] as number[][]) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  test('building the functional and Sequential graphs runs no forward kernel', () => {
    const { kernels } = profile(() => {
      sequentialCnn();
      functionalCnn();
    });
    const names = new Set(kernels.map((k) => k.name));
    for (const forward of ['Conv2D', 'MaxPool', 'MatMul', 'BatchMatMul', 'Relu', 'Softmax', 'Reshape']) {
      expect(names.has(forward)).toBe(false);
    }
  });

  test('predict on a wrong input shape: a ShapeError naming the model, the expected and the given shapes', () => {
    const x = randomUniform([4, 27, 28, 1], { seed: 2 });
    for (const model of [sequentialCnn(), functionalCnn()]) {
      expect(() => model.predict(x)).toThrow(ShapeError);
      expect(() => model.predict(x)).toThrow(
        new RegExp(
          `${model.className} '${model.name}': expected input shape \\[null, 28, 28, 1\\], got \\[4, 27, 28, 1\\]`,
        ),
      );
    }
    expect(
      (sequentialCnn().predict(randomUniform([5, 28, 28, 1], { seed: 2 }), { verbose: 0 }) as Tensor).shape,
    ).toEqual([5, 10]);
  });

  test('calling a model inside tidy leaks no tensor', () => {
    const model = functionalCnn();
    const x = randomUniform([2, 28, 28, 1], { seed: 1 });
    const before = memory().numTensors;
    tidy(() => {
      model.apply(x);
    });
    expect(memory().numTensors).toBe(before);
  });
});
