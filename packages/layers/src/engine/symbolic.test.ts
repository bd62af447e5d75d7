import { ones, profile, ShapeError, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Add,
  Concatenate,
  Conv2D,
  Dense,
  Dropout,
  deserializeLayer,
  Flatten,
  Input,
  InputLayer,
  MaxPooling2D,
  Node,
  Reshape,
  SymbolicTensor,
  serializeLayer,
} from '../index.js';

describe('Input and InputLayer', () => {
  test('Input({ shape }) is a symbolic tensor with a null batch, from node 0 of an InputLayer', () => {
    const x = Input({ shape: [28, 28, 1], name: 'pixels' });
    expect(x).toBeInstanceOf(SymbolicTensor);
    expect(x.shape).toEqual([null, 28, 28, 1]);
    expect(x.rank).toBe(4);
    expect(x.dtype).toBe('float32');
    expect(x.sourceLayer).toBeInstanceOf(InputLayer);
    expect(x.sourceLayer.name).toBe('pixels');
    expect([x.nodeIndex, x.tensorIndex]).toEqual([0, 0]);
    const node = x.sourceLayer.inboundNodes[0];
    expect(node.isInput).toBe(true);
    expect(node.outputTensors[0]).toBe(x);
    expect(x.toString()).toBe("SymbolicTensor(name='pixels', shape=[null, 28, 28, 1], dtype='float32')");
  });

  test('batchSize, batchShape, dtype and null dimensions', () => {
    expect(Input({ shape: [3], batchSize: 8 }).shape).toEqual([8, 3]);
    expect(Input({ batchShape: [4, null, 5] }).shape).toEqual([4, null, 5]);
    expect(Input({ shape: [10], dtype: 'int32' }).dtype).toBe('int32');
  });

  test('InputLayer config is Keras 2 / TF.js: batchInputShape, dtype, sparse false, name; it round-trips', () => {
    const layer = new InputLayer({ inputShape: [4], name: 'features' });
    expect(layer.getConfig()).toEqual({
      batchInputShape: [null, 4],
      dtype: 'float32',
      sparse: false,
      name: 'features',
    });
    expect(layer.batchInputShape).toEqual([null, 4]);
    expect(layer.built).toBe(true);
    expect(layer.countParams()).toBe(0);
    const again = deserializeLayer(serializeLayer(layer)) as InputLayer;
    expect(again).toBeInstanceOf(InputLayer);
    expect(again.getConfig()).toEqual(layer.getConfig());
    expect(again.output.shape).toEqual([null, 4]);
    // Keras 3 writes batch_shape; it is accepted too.
    expect(new InputLayer({ batchShape: [null, 2, 2] }).output.shape).toEqual([null, 2, 2]);
  });

  test('InputLayer passes eager tensors through', () => {
    const layer = new InputLayer({ inputShape: [2] });
    expect(layer.apply(tensor([[1, 2]])).arraySync()).toEqual([[1, 2]]);
  });

  test('bad inputs give clear errors', () => {
    expect(() => Input({})).toThrow(ValueError);
    expect(() => Input({})).toThrow(/Input: pass shape/);
    expect(() => Input({ shape: [28, -1] })).toThrow(/shape must be an array of non-negative integers/);
    expect(() => Input({ shape: [2.5] })).toThrow(ValueError);
    expect(() => Input({ shape: [2], batchShape: [null, 2] })).toThrow(/not both/);
    expect(() => Input({ shape: [2], dtype: 'complex64' as never })).toThrow(/dtype must be one of/);
    expect(() => new InputLayer({ inputShape: [2], sparse: true })).toThrow(/sparse/);
    expect(() => new InputLayer({})).toThrow(/needs a shape/);
    expect(() => Input({ shape: [2], batchSize: -1 })).toThrow(/batchSize/);
  });
});

describe('Layer.apply on symbolic tensors', () => {
  test('infers the output shape, builds the weights and records the node', () => {
    const x = Input({ shape: [784] });
    const dense = new Dense({ units: 10 });
    const y = dense.apply(x);
    expect(y).toBeInstanceOf(SymbolicTensor);
    expect(y.shape).toEqual([null, 10]);
    expect(y.sourceLayer).toBe(dense);
    expect([y.nodeIndex, y.tensorIndex]).toEqual([0, 0]);
    expect(dense.built).toBe(true);
    expect(dense.buildInputShape).toEqual([null, 784]);
    expect(dense.weights.map((w) => w.shape)).toEqual([[784, 10], [10]]);
    expect(dense.inboundNodes).toHaveLength(1);
    const node = dense.inboundNodes[0];
    expect(node).toBeInstanceOf(Node);
    expect(node.outboundLayer).toBe(dense);
    expect(node.inboundLayers).toEqual([x.sourceLayer]);
    expect(node.nodeIndices).toEqual([0]);
    expect(node.tensorIndices).toEqual([0]);
    expect(node.inputShapes).toEqual([[null, 784]]);
    expect(node.outputShapes).toEqual([[null, 10]]);
    expect(node.callArgs).toEqual({});
    expect(node.isInput).toBe(false);
    expect(x.sourceLayer.outboundNodes).toEqual([node]);
  });

  test('the MNIST CNN shapes come out of computeOutputShape: no forward kernel runs', () => {
    const x = Input({ shape: [28, 28, 1] });
    const { result, kernels } = profile(() => {
      const c = new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu' }).apply(x);
      const p = new MaxPooling2D({ poolSize: 2 }).apply(c);
      const f = new Flatten().apply(p);
      return [c, p, f, new Dense({ units: 10, activation: 'softmax' }).apply(f)];
    });
    expect(result.map((t) => t.shape)).toEqual([
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 5408],
      [null, 10],
    ]);
    // Only the weight initializers ran (random numbers, fills), never the layers' math.
    const names = new Set(kernels.map((k) => k.name));
    for (const forward of ['Conv2D', 'MaxPool', 'MatMul', 'BatchMatMul', 'Relu', 'Softmax', 'Exp', 'Reshape']) {
      expect(names.has(forward)).toBe(false);
    }
  });

  test('weightless layers and already-built layers run no kernel at all', () => {
    const x = Input({ shape: [4, 4, 2] });
    const dense = new Dense({ units: 3 });
    dense.apply(Input({ shape: [8] }));
    const { result, kernels } = profile(() =>
      dense.apply(
        new Flatten().apply(new MaxPooling2D({ poolSize: 2 }).apply(new Reshape({ targetShape: [4, 4, 2] }).apply(x))),
      ),
    );
    expect(kernels).toEqual([]);
    expect(result.shape).toEqual([null, 3]);
  });

  test('a shared layer gets one node per call; outputs carry the node index', () => {
    const a = Input({ shape: [3] });
    const b = Input({ shape: [3] });
    const shared = new Dense({ units: 2 });
    const ya = shared.apply(a);
    const yb = shared.apply(b);
    expect(shared.inboundNodes).toHaveLength(2);
    expect([ya.nodeIndex, yb.nodeIndex]).toEqual([0, 1]);
    expect(shared.inboundNodes[1].inboundLayers[0]).toBe(b.sourceLayer);
    expect(shared.weights).toHaveLength(2);
  });

  test('merge layers take lists: one node with several inbound layers', () => {
    const a = Input({ shape: [3] });
    const b = Input({ shape: [5] });
    const dense = new Dense({ units: 5 });
    const h = dense.apply(a);
    const cat = new Concatenate().apply([a, b]);
    expect(cat.shape).toEqual([null, 8]);
    const sum = new Add();
    const s = sum.apply([h, b]);
    expect(s.shape).toEqual([null, 5]);
    const node = sum.inboundNodes[0];
    expect(node.inboundLayers).toEqual([dense, b.sourceLayer]);
    expect(node.inputShapes).toEqual([
      [null, 5],
      [null, 5],
    ]);
  });

  test('a merge layer called on one symbolic tensor says it needs an array', () => {
    expect(() => new Concatenate({ name: 'cat_one' }).apply(Input({ shape: [3] }))).toThrow(
      /Concatenate 'cat_one': a merge layer must be called on an array of tensors, got one tensor/,
    );
  });

  test('an explicit training option is recorded in callArgs', () => {
    const x = Input({ shape: [3] });
    const drop = new Dropout({ rate: 0.5 });
    drop.apply(x, { training: true });
    expect(drop.inboundNodes[0].callArgs).toEqual({ training: true });
  });

  test('a layer built by a symbolic call still runs eagerly with the same weights', () => {
    const x = Input({ shape: [2] });
    const dense = new Dense({ units: 1, kernelInitializer: 'ones' });
    dense.apply(x);
    expect(dense.apply(tensor([[1, 2]])).arraySync()).toEqual([[3]]);
  });

  test('mixing symbolic and eager tensors is a clear error', () => {
    const x = Input({ shape: [3] });
    expect(() => new Concatenate().apply([x, ones([1, 3])] as never)).toThrow(ValueError);
    expect(() => new Concatenate({ name: 'cat' }).apply([x, ones([1, 3])] as never)).toThrow(
      /Concatenate 'cat': cannot mix symbolic tensors \(from Input\(\)\) and eager tensors in one call: inputs\[0\] is a SymbolicTensor, inputs\[1\] is an eager Tensor/,
    );
  });

  test('an input that does not fit the layer fails at apply time, naming the layer and the shapes', () => {
    const dense = new Dense({ units: 2, name: 'dense_784' });
    dense.apply(Input({ shape: [784] }));
    expect(() => dense.apply(Input({ shape: [10] }))).toThrow(ShapeError);
    expect(() => dense.apply(Input({ shape: [10] }))).toThrow(/Dense 'dense_784'.*784.*\[null, 10\]/);
    expect(() => new Conv2D({ filters: 2, kernelSize: 3 }).apply(Input({ shape: [5] }))).toThrow(/rank 4/);
    expect(dense.inboundNodes).toHaveLength(1);
  });

  test('training must be a boolean on the symbolic path too', () => {
    expect(() => new Dense({ units: 1 }).apply(Input({ shape: [2] }), { training: 'yes' as never })).toThrow(
      /training must be a boolean/,
    );
  });
});
