import { Dense, Input } from '@horn/layers';
import { add, matmul, randomUniform, relu, type Tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model } from './index.js';

describe('model.input / model.output and feature extraction (Keras 3)', () => {
  test('an intermediate layer as output predicts what running the layers by hand gives', () => {
    const x = Input({ shape: [4] });
    const hidden = new Dense({ units: 3, activation: 'relu', name: 'hidden' });
    const y = new Dense({ units: 2, name: 'out' }).apply(hidden.apply(x));
    const base = new Model({ inputs: x, outputs: y });
    expect(base.input).toBe(x);
    expect(base.output).toBe(y);
    expect(base.getLayer('hidden').output).toEqual(hidden.output);

    const features = new Model({ inputs: base.input, outputs: base.getLayer('hidden').output });
    expect(features.layers.map((l) => l.name)).toEqual([x.sourceLayer.name, 'hidden']);
    const data = randomUniform([5, 4], { seed: 21 });
    const got = features.predict(data, { verbose: 0 }) as Tensor;
    const [k, b] = hidden.getWeights();
    const byHand = relu(add(matmul(data, k), b));
    expect(got.shape).toEqual([5, 3]);
    const g = got.dataSync();
    byHand.dataSync().forEach((v, i) => {
      expect(g[i]).toBeCloseTo(v, 6);
    });
    // The features model shares the base's weights.
    expect(features.weights[0]).toBe(base.weights[0]);
  });

  test('a multi-input, multi-output model gives lists', () => {
    const a = Input({ shape: [2] });
    const b = Input({ shape: [3] });
    const ya = new Dense({ units: 1 }).apply(a);
    const yb = new Dense({ units: 1 }).apply(b);
    const model = new Model({ inputs: [a, b], outputs: [ya, yb] });
    expect(model.input).toEqual([a, b]);
    expect(model.output).toEqual([ya, yb]);
  });

  test('a subclassed model never called symbolically has no input: a ValueError naming it', () => {
    class Plain extends Model {
      d = new Dense({ units: 1 });
      override call(x: Tensor): Tensor {
        return this.d.apply(x);
      }
    }
    const m = new Plain({ name: 'plain' });
    expect(() => m.input).toThrow(ValueError);
    expect(() => m.output).toThrow("Model 'plain': output: the layer has never been called on a symbolic tensor");
  });
});
