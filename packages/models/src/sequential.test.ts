import { Concatenate, Conv2D, Dense, Embedding, Flatten, Input, InputLayer, MaxPooling2D } from '@horn/layers';
import { matmul, ones, ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from './index.js';

describe('Sequential', () => {
  test("an Embedding's inputLength declares the input, so the model builds at once (TF.js, Keras 2)", () => {
    const m = new Sequential();
    m.add(new Embedding({ inputDim: 10, outputDim: 4, inputLength: 5 }));
    // TF.js 4.22: tf.sequential({ layers: [tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 5 })] })
    // has inputs[0].shape [null, 5] and countParams() 40.
    expect(m.inputs[0].shape).toEqual([null, 5]);
    expect(m.countParams()).toBe(40);
    expect(m.outputs[0].shape).toEqual([null, 5, 4]);
  });

  test('from a list starting with Input(): built at once, layers without the InputLayer', () => {
    const model = new Sequential([Input({ shape: [4] }), new Dense({ units: 3 }), new Dense({ units: 2 })]);
    expect(model.name).toMatch(/^sequential(_\d+)?$/);
    expect(model.built).toBe(true);
    expect(model.layers.map((l) => l.className)).toEqual(['Dense', 'Dense']);
    expect(model.inputs[0].shape).toEqual([null, 4]);
    expect(model.outputs[0].shape).toEqual([null, 2]);
    expect(model.outputNames).toEqual([model.layers[1].name]);
    expect(model.countParams()).toBe(15 + 8);
  });

  test("from a first layer's inputShape or batchInputShape", () => {
    const a = new Sequential([new Dense({ units: 2, inputShape: [5] })]);
    expect(a.inputs[0].shape).toEqual([null, 5]);
    const b = new Sequential({ layers: [new Dense({ units: 2, batchInputShape: [8, 5] })], name: 'fixed_batch' });
    expect(b.name).toBe('fixed_batch');
    expect(b.inputs[0].shape).toEqual([8, 5]);
    const c = new Sequential([new InputLayer({ inputShape: [3] }), new Dense({ units: 1 })]);
    expect(c.outputs[0].shape).toEqual([null, 1]);
  });

  test('without an input shape it builds on the first call', () => {
    const model = new Sequential();
    model.add(new Dense({ units: 3, kernelInitializer: 'ones' }));
    model.add(new Dense({ units: 1, kernelInitializer: 'ones' }));
    expect(model.built).toBe(false);
    expect(model.weights).toEqual([]);
    expect(model.outputNames).toEqual([model.layers[1].name]);
    expect(() => model.countParams()).toThrow(/needs a built model/);
    const y = model.apply(tensor([[1, 2]])) as Tensor;
    // Each of the 3 units gives 1 + 2 = 3; the sum of three 3s is 9.
    expect(y.arraySync()).toEqual([[9]]);
    expect(model.built).toBe(true);
    expect(model.inputs[0].shape).toEqual([null, 2]);
    expect(model.countParams()).toBe(9 + 4);
    // Now that the shape is known, a wrong one is refused.
    expect(() => model.apply(ones([1, 3]))).toThrow(/Sequential '.*': expected input shape \[null, 2\], got \[1, 3\]/);
  });

  test('build(shape) builds explicitly', () => {
    const model = new Sequential([new Dense({ units: 2 })]);
    model.build([null, 6]);
    expect(model.countParams()).toBe(14);
  });

  test('add and pop: the graph follows; pop returns the layer', () => {
    const model = new Sequential([Input({ shape: [4] })]);
    const d1 = new Dense({ units: 3 });
    const d2 = new Dense({ units: 2 });
    model.add(d1);
    model.add(d2);
    expect(model.outputs[0].shape).toEqual([null, 2]);
    expect(model.pop()).toBe(d2);
    expect(model.layers).toEqual([d1]);
    expect(model.outputs[0].shape).toEqual([null, 3]);
    const x = ones([2, 4]);
    const [k, b] = d1.getWeights();
    expect((model.apply(x) as Tensor).arraySync()).toEqual(matmul(x, k).add(b).arraySync());
    model.pop();
    expect(model.layers).toEqual([]);
    expect(() => model.pop()).toThrow(/pop\(\) on a model that has no layers/);
  });

  test('an incompatible layer fails at add time, naming the model, the layer and the shapes', () => {
    const model = new Sequential([Input({ shape: [28, 28, 1] }), new Flatten()]);
    const conv = new Conv2D({ filters: 2, kernelSize: 3, name: 'late_conv' });
    expect(() => model.add(conv)).toThrow(ShapeError);
    expect(() => model.add(new Conv2D({ filters: 2, kernelSize: 3, name: 'conv_b' }))).toThrow(
      /Sequential '.*': cannot add Conv2D 'conv_b' after input of shape \[null, 784\]: Conv2D 'conv_b': expected input of rank 4, got \[null, 784\]/,
    );
    expect(model.layers).toHaveLength(1);
    const built = new Dense({ units: 2, name: 'wants_10' });
    built.apply(ones([1, 10]));
    expect(() => model.add(built)).toThrow(
      /cannot add Dense 'wants_10'.*expected input with last dimension 10, got \[null, 784\]/,
    );
  });

  test('bad additions: non-layers, late InputLayers, duplicate names, multi-input layers', () => {
    const model = new Sequential([new Dense({ units: 2, name: 'only', inputShape: [2] })]);
    expect(() => model.add(3 as never)).toThrow(/add\(\) expects a Layer or an Input\(\), got number/);
    expect(() => model.add(Input({ shape: [2] }))).toThrow(/can only be the first layer/);
    expect(() => model.add(new Dense({ units: 2, name: 'only' }))).toThrow(
      /all layers must have unique names; 'only' is already the name of a layer in this model/,
    );
    const h = new Dense({ units: 2 }).apply(Input({ shape: [2] }));
    expect(() => model.add(h)).toThrow(/takes a layer or an Input\(\); got a symbolic tensor produced by Dense/);
    expect(() => model.add(new Concatenate({ name: 'cat1' }))).toThrow(ValueError);
    expect(() => model.add(new Concatenate({ name: 'cat2' }))).toThrow(
      /cannot add Concatenate 'cat2' after input of shape \[null, 2\]: Concatenate 'cat2': a merge layer must be called on an array of tensors/,
    );
    expect(() => new Sequential('dense' as never)).toThrow(/expected a list of layers or \{ layers, name \}/);
  });

  test('a Sequential model nests in a functional model and in another Sequential', () => {
    const block = new Sequential([Input({ shape: [3] }), new Dense({ units: 2, kernelInitializer: 'ones' })]);
    const x = Input({ shape: [3] });
    const outer = new Model({
      inputs: x,
      outputs: new Dense({ units: 1, kernelInitializer: 'ones' }).apply(block.apply(x)),
    });
    expect((outer.apply(tensor([[1, 1, 1]])) as Tensor).arraySync()).toEqual([[6]]);
    const stacked = new Sequential([Input({ shape: [3] }), block, new Dense({ units: 1, kernelInitializer: 'ones' })]);
    expect((stacked.apply(tensor([[1, 2, 3]])) as Tensor).arraySync()).toEqual([[12]]);
    expect(stacked.weights).toHaveLength(4);
  });

  test('the MNIST CNN with a wrong input shape: a ShapeError with both shapes', () => {
    const model = new Sequential([
      Input({ shape: [28, 28, 1] }),
      new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu' }),
      new MaxPooling2D({ poolSize: 2 }),
      new Flatten(),
      new Dense({ units: 10, activation: 'softmax' }),
    ]);
    expect(() => model.apply(ones([2, 27, 28, 1]))).toThrow(ShapeError);
    expect(() => model.apply(ones([2, 27, 28, 1]))).toThrow(
      /expected input shape \[null, 28, 28, 1\], got \[2, 27, 28, 1\]/,
    );
  });
});
