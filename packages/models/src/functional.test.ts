import { Add, Concatenate, Dense, Dropout, Flatten, Input, InputLayer } from '@horn/layers';
import {
  add,
  concat,
  matmul,
  NotImplementedError,
  ones,
  randomUniform,
  ShapeError,
  sigmoid,
  type Tensor,
  tanh,
  tensor,
  ValueError,
} from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model } from './index.js';

function close(a: Tensor, b: Tensor, digits = 6): void {
  expect(a.shape).toEqual(b.shape);
  const x = a.dataSync();
  const y = b.dataSync();
  x.forEach((v, i) => {
    expect(v).toBeCloseTo(y[i], digits);
  });
}

/** Two inputs, a layer shared by both, a skip connection (Add) and a Concatenate; two outputs. */
function twoTowerModel() {
  const a = Input({ shape: [4], name: 'a' });
  const b = Input({ shape: [4], name: 'b' });
  const shared = new Dense({ units: 4, activation: 'tanh', name: 'shared' });
  const ha = shared.apply(a);
  const hb = shared.apply(b);
  const skip = new Add({ name: 'skip' }).apply([ha, a]);
  const cat = new Concatenate({ name: 'cat' }).apply([skip, hb]);
  const out1 = new Dense({ units: 2, name: 'out1' }).apply(cat);
  const out2 = new Dense({ units: 1, activation: 'sigmoid', name: 'out2' }).apply(hb);
  const model = new Model({ inputs: [a, b], outputs: [out1, out2], name: 'two_towers' });
  return { model, shared };
}

describe('functional models', () => {
  test('multiple inputs and outputs, a shared layer and a skip connection compute the right numbers', () => {
    const { model, shared } = twoTowerModel();
    expect(model.inputNames).toEqual(['a', 'b']);
    expect(model.outputNames).toEqual(['out1', 'out2']);
    expect(model.outputs.map((t) => t.shape)).toEqual([
      [null, 2],
      [null, 1],
    ]);
    // Keras' order: by decreasing depth, ties in traversal order. A layer shared at two depths takes
    // the deeper one, so 'shared' comes before 'b' here, exactly as in Keras.
    expect(model.layers.map((l) => l.name)).toEqual(['a', 'shared', 'b', 'skip', 'cat', 'out1', 'out2']);
    // The shared layer's weights count once.
    expect(model.weights.map((w) => w.name)).toEqual([
      'shared/kernel',
      'shared/bias',
      'out1/kernel',
      'out1/bias',
      'out2/kernel',
      'out2/bias',
    ]);
    expect(model.countParams()).toBe(20 + 18 + 5);
    expect(shared.inboundNodes).toHaveLength(2);

    const xa = randomUniform([3, 4], { seed: 1, min: -1 });
    const xb = randomUniform([3, 4], { seed: 2, min: -1 });
    const [y1, y2] = model.apply([xa, xb]) as unknown as Tensor[];
    const [sk, sb, k1, b1, k2, b2] = model.getWeights();
    const ha = tanh(add(matmul(xa, sk), sb));
    const hb = tanh(add(matmul(xb, sk), sb));
    close(y1, add(matmul(concat([add(ha, xa), hb], 1), k1), b1));
    close(y2, sigmoid(add(matmul(hb, k2), b2)));
  });

  test('a functional model is a layer: apply it to a new Input, twice (a shared model)', () => {
    const inner = (() => {
      const x = Input({ shape: [3] });
      return new Model({ inputs: x, outputs: new Dense({ units: 2, activation: 'relu' }).apply(x), name: 'inner' });
    })();
    const left = Input({ shape: [3], name: 'left' });
    const right = Input({ shape: [3], name: 'right' });
    const l = inner.apply(left);
    const r = inner.apply(right);
    expect(l.shape).toEqual([null, 2]);
    // Keras node numbering: the model's own node is 0, its calls are 1 and 2.
    expect([l.nodeIndex, r.nodeIndex]).toEqual([1, 2]);
    const out = new Dense({ units: 1, name: 'score' }).apply(new Concatenate().apply([l, r]));
    const outer = new Model({ inputs: [left, right], outputs: out, name: 'siamese' });
    expect(outer.layers.map((x) => x.className)).toContain('Model');
    expect(outer.weights).toHaveLength(4);
    const xl = randomUniform([2, 3], { seed: 3 });
    const xr = randomUniform([2, 3], { seed: 4 });
    const y = outer.apply([xl, xr]) as Tensor;
    const [ik, ib, sk, sb] = outer.getWeights();
    const enc = (x: Tensor) => matmul(x, ik).add(ib).relu();
    close(y, add(matmul(concat([enc(xl), enc(xr)], 1), sk), sb));
    // Inside another model, the inner model keeps checking its input shape.
    expect(() => inner.apply(ones([2, 4]))).toThrow(/Model 'inner': expected input shape \[null, 3\], got \[2, 4\]/);
  });

  test('identity and unused inputs: an output may be an input; unconnected inputs are kept (first, as Keras)', () => {
    const x = Input({ shape: [2], name: 'x_in' });
    const unused = Input({ shape: [5], name: 'unused' });
    const model = new Model({ inputs: [x, unused], outputs: x });
    expect(model.layers.map((l) => l.name)).toEqual(['unused', 'x_in']);
    expect((model.apply([tensor([[1, 2]]), ones([1, 5])]) as Tensor).arraySync()).toEqual([[1, 2]]);
  });

  test('training mode reaches the layers; an explicit training option in the graph wins', () => {
    const x = Input({ shape: [1000] });
    const model = new Model({ inputs: x, outputs: new Dropout({ rate: 0.5, seed: 1 }).apply(x) });
    const input = ones([1, 1000]);
    expect((model.apply(input) as Tensor).sum().dataSync()[0]).toBe(1000);
    const trained = (model.apply(input, { training: true }) as Tensor).dataSync();
    expect(trained.some((v) => v === 0)).toBe(true);
    const always = new Model({ inputs: x, outputs: new Dropout({ rate: 0.5, seed: 1 }).apply(x, { training: true }) });
    expect((always.apply(input) as Tensor).dataSync().some((v) => v === 0)).toBe(true);
  });

  test('getLayer by name and index; a clear error lists the names', () => {
    const { model, shared } = twoTowerModel();
    expect(model.getLayer('shared')).toBe(shared);
    expect(model.getLayer(0)).toBe(model.layers[0]);
    expect(() => model.getLayer('nope')).toThrow(ValueError);
    expect(() => model.getLayer('nope')).toThrow(
      /Model 'two_towers': no layer named 'nope'; the layers are: .*'shared'.*'out1'/,
    );
    expect(() => model.getLayer(7)).toThrow(/index out of range; the model has 7 layers \(0\.\.6\)/);
    expect(() => model.getLayer(-1)).toThrow(ValueError);
  });

  test('weights, trainable flags and losses aggregate over the layers', () => {
    const x = Input({ shape: [3] });
    const d1 = new Dense({ units: 2, kernelRegularizer: 'l2', kernelInitializer: 'ones', name: 'reg' });
    const d2 = new Dense({ units: 1, name: 'plain' });
    const model = new Model({ inputs: x, outputs: d2.apply(d1.apply(x)) });
    expect(model.trainableWeights).toHaveLength(4);
    // L2 (0.01) on a 3x2 kernel of ones: 0.01 * 6.
    expect(model.losses.map((l) => l.dataSync()[0])).toEqual([expect.closeTo(0.06, 6)]);
    d1.trainable = false;
    expect(model.trainableWeights.map((w) => w.name)).toEqual(['plain/kernel', 'plain/bias']);
    expect(model.nonTrainableWeights.map((w) => w.name)).toEqual(['reg/kernel', 'reg/bias']);
    model.trainable = false;
    expect(model.trainableWeights).toEqual([]);
    expect(model.nonTrainableWeights).toHaveLength(4);
    model.trainable = true;
    expect(d1.trainable).toBe(true);
    expect(model.trainableWeights).toHaveLength(4);
  });

  test('getWeights / setWeights check the count and the shapes', () => {
    const { model } = twoTowerModel();
    const ws = model.getWeights();
    expect(() => model.setWeights(ws.slice(1))).toThrow(ValueError);
    expect(() => model.setWeights(ws.slice(1))).toThrow(
      /setWeights expected 6 values .*shared\/kernel \[4, 4\].*got 5/,
    );
    const bad = [...ws];
    bad[2] = ones([8, 3]);
    expect(() => model.setWeights(bad)).toThrow(ShapeError);
    expect(() => model.setWeights(bad)).toThrow(/weight 'out1\/kernel' has shape \[8,2\], got \[8,3\]/);
  });
});

describe('functional model errors', () => {
  test('a wrong input shape names the model, the expected and the given shapes', () => {
    const x = Input({ shape: [28, 28, 1] });
    const model = new Model({ inputs: x, outputs: new Flatten().apply(x), name: 'cnn' });
    expect(() => model.apply(ones([2, 27, 28, 1]))).toThrow(ShapeError);
    expect(() => model.apply(ones([2, 27, 28, 1]))).toThrow(
      "Model 'cnn': expected input shape [null, 28, 28, 1], got [2, 27, 28, 1]",
    );
    expect(() => model.apply(ones([2, 784]))).toThrow(/expected input shape \[null, 28, 28, 1\], got \[2, 784\]/);
    const { model: two } = twoTowerModel();
    expect(() => two.apply(ones([1, 4]))).toThrow(/Model 'two_towers': expected 2 input\(s\) \('a', 'b'\), got 1/);
    expect(() => two.apply([ones([1, 4]), ones([1, 5])])).toThrow(
      /Model 'two_towers': input 1 \('b'\) expected input shape \[null, 4\], got \[1, 5\]/,
    );
    // Symbolic calls check too.
    expect(() => model.apply(Input({ shape: [28, 27, 1] }))).toThrow(ShapeError);
  });

  test('bad graphs: inputs not from Input(), disconnected graphs, duplicate names, missing outputs', () => {
    const a = Input({ shape: [2], name: 'ga' });
    const b = Input({ shape: [2], name: 'gb' });
    const h = new Dense({ units: 2 }).apply(a);
    expect(() => new Model({ inputs: h, outputs: h })).toThrow(/inputs\[0\] must come from Input\(\)/);
    const sum = new Add({ name: 'sum_ab' }).apply([a, b]);
    expect(() => new Model({ inputs: a, outputs: sum })).toThrow(
      /graph disconnected: cannot obtain the value of SymbolicTensor\(name='gb'.*at layer 'sum_ab' from the inputs \['ga'\]/,
    );
    const d1 = new Dense({ units: 1, name: 'same' }).apply(a);
    const d2 = new Dense({ units: 1, name: 'same' }).apply(a);
    expect(() => new Model({ inputs: a, outputs: [d1, d2] })).toThrow(/the name 'same' is used by 2 layers/);
    expect(() => new Model({ inputs: a })).toThrow(/needs both inputs and outputs/);
    expect(() => new Model({ inputs: [], outputs: h })).toThrow(/inputs must not be empty/);
    expect(() => new Model({ inputs: a, outputs: ones([1, 2]) as never })).toThrow(
      /outputs\[0\] must be a SymbolicTensor .* got Tensor/,
    );
    expect(() => new Model({ inputs: [a, a], outputs: h })).toThrow(/is given twice/);
  });

  test('an InputLayer can be reached through Input(); its layer is an InputLayer', () => {
    const x = Input({ shape: [2] });
    expect(new Model({ inputs: x, outputs: x }).layers[0]).toBeInstanceOf(InputLayer);
  });
});

describe('subclassed models', () => {
  class Blocks extends Model {
    blocks = [new Dense({ units: 4, activation: 'relu' }), new Dense({ units: 4, activation: 'relu' })];
    head = new Dense({ units: 1 });
    notALayer = { units: 3 };

    override call(x: Tensor): Tensor {
      let h = x;
      for (const block of this.blocks) h = block.apply(h);
      return this.head.apply(h);
    }
  }

  test('layers in properties and arrays are tracked, in assignment order; it builds on the first call', () => {
    const model = new Blocks();
    expect(model.name).toMatch(/^blocks(_\d+)?$/);
    expect(model.layers).toEqual([...model.blocks, model.head]);
    expect(model.built).toBe(false);
    expect(model.inputs).toEqual([]);
    expect(model.outputNames).toEqual(['output_1']);
    const x = randomUniform([2, 3], { seed: 5 });
    const y = model.apply(x) as Tensor;
    expect(y.shape).toEqual([2, 1]);
    expect(model.weights.map((w) => w.shape)).toEqual([[3, 4], [4], [4, 4], [4], [4, 1], [1]]);
    const [k1, b1, k2, b2, k3, b3] = model.getWeights();
    close(y, matmul(matmul(matmul(x, k1).add(b1).relu(), k2).add(b2).relu(), k3).add(b3));
    expect(model.getLayer(2)).toBe(model.head);
  });

  test('a subclassed model without call, or asked for a config, says what to do', () => {
    class Empty extends Model {}
    expect(() => new Empty().apply(ones([1, 2]))).toThrow(NotImplementedError);
    expect(() => new Empty().apply(ones([1, 2]))).toThrow(/must implement call\(inputs, \{ training \}\)/);
    expect(() => new Blocks().getConfig()).toThrow(/has no config; save its weights with saveWeights\(\)/);
  });

  test('a functional model nested in a subclassed model contributes its weights', () => {
    const x = Input({ shape: [3] });
    const encoder = new Model({ inputs: x, outputs: new Dense({ units: 2 }).apply(x) });
    class Wrapper extends Model {
      encoder = encoder;
      head = new Dense({ units: 1 });
      override call(t: Tensor): Tensor {
        return this.head.apply(this.encoder.apply(t) as Tensor);
      }
    }
    const model = new Wrapper();
    model.apply(ones([1, 3]));
    expect(model.weights).toHaveLength(4);
    expect(model.countParams()).toBe(8 + 3);
  });
});
