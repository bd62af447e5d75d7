import { ShapeError, type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  assertInputRank,
  BatchNormalization,
  Dense,
  deserializeLayer,
  GlorotUniform,
  getRegisteredClass,
  Layer,
  type LayerConfig,
  LayerWeight,
  lastDimension,
  MaxNorm,
  normalizeTuple,
  registerClass,
  registeredClassNames,
  resetLayerNames,
  serializeLayer,
  toSnakeCase,
  unregisterClass,
} from '../index.js';

interface TimesConfig extends LayerConfig {
  k?: number;
}

class Times extends Layer<TimesConfig> {
  static override readonly className: string = 'Times';
  override call(x: Tensor): Tensor {
    return x.mul(this.config.k ?? 2);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.config.k ?? 2 };
  }
}

describe('names', () => {
  test('are Keras snake_case, unique per class: dense, dense_1, ...', () => {
    expect(toSnakeCase('Dense')).toBe('dense');
    expect(toSnakeCase('BatchNormalization')).toBe('batch_normalization');
    expect(toSnakeCase('Conv2D')).toBe('conv2d');
    expect(toSnakeCase('MaxPooling2D')).toBe('max_pooling2d');
    expect(toSnakeCase('LeakyReLU')).toBe('leaky_re_lu');
    expect(toSnakeCase('PReLU')).toBe('p_re_lu');
    resetLayerNames();
    expect([new Dense({ units: 1 }).name, new Dense({ units: 1 }).name, new Dense({ units: 1 }).name]).toEqual([
      'dense',
      'dense_1',
      'dense_2',
    ]);
    expect(new BatchNormalization().name).toBe('batch_normalization');
    expect(new Dense({ units: 1, name: 'out' }).name).toBe('out');
    expect(() => new Dense({ units: 1, name: '' })).toThrow('Dense: name must be a non-empty string, got ""');
  });
});

describe('Layer', () => {
  test('apply builds once from the input shape with a null batch, and casts int inputs', () => {
    const seen: unknown[] = [];
    class Probe extends Times {
      static override readonly className: string = 'Probe';
      override build(shape: readonly (number | null)[]): void {
        seen.push(shape);
      }
    }
    const p = new Probe();
    const y = p.apply(tensor([[1, 2, 3]], undefined, 'int32'));
    p.apply(tensor([[1, 2, 3]]));
    expect(seen).toEqual([[null, 3]]);
    expect(y.dtype).toBe('float32');
    expect(y.arraySync()).toEqual([[2, 4, 6]]);
    expect(() => p.apply('x' as unknown as Tensor)).toThrow("Probe 'probe': the input must be a Tensor, got string");
    expect(() => p.apply([])).toThrow(/non-empty array/);
    expect(() => p.apply(tensor([1]), { training: 1 as unknown as boolean })).toThrow(/training must be a boolean/);
  });

  test('weights list trainable first; trainable false freezes every weight', () => {
    const bn = new BatchNormalization();
    bn.apply(tensor([[1, 2]]));
    expect(bn.trainableWeights.length).toBe(2);
    expect(bn.weights.map((w) => (w as LayerWeight).trainable)).toEqual([true, true, false, false]);
    bn.trainable = false;
    expect(bn.trainableWeights).toEqual([]);
    expect(bn.weights.every((w) => !w.trainable)).toBe(true);
    bn.trainable = true;
    expect(bn.weights.map((w) => w.trainable)).toEqual([true, true, false, false]);
    expect(bn.weights[0]).toBeInstanceOf(LayerWeight);
  });

  test('addWeight names, defaults and duplicate errors', () => {
    const layer = new Times({ name: 't' });
    const w = layer.addWeight('w', [2, 3]) as LayerWeight;
    expect(w.name).toBe('t/w');
    expect(w.shape).toEqual([2, 3]);
    expect(layer.addWeight('c', [2], { constraint: 'nonNeg', trainable: false }).trainable).toBe(false);
    expect(() => layer.addWeight('w', [1])).toThrow("Times 't': a weight named 'w' already exists");
    expect(() => layer.addWeight('bad', [-1])).toThrow(
      "Times 't': addWeight 'bad': expected a shape of non-negative integers, got [-1]",
    );
  });

  test('setWeights checks the count and the shapes', () => {
    const dense = new Dense({ units: 2, name: 'd' });
    expect(() => dense.setWeights([tensor([1])])).toThrow(
      "Dense 'd': setWeights expected 0 values, got 1 (the layer is not built yet: call it on an input or build() it first)",
    );
    dense.apply(tensor([[1, 2, 3]]));
    expect(() => dense.setWeights([tensor([1])])).toThrow(
      "Dense 'd': setWeights expected 2 values (d/kernel [3, 2], d/bias [2]), got 1",
    );
    expect(() =>
      dense.setWeights([
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        tensor([0, 0]),
      ]),
    ).toThrow(ShapeError);
    expect(() =>
      dense.setWeights([
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        tensor([0, 0]),
      ]),
    ).toThrow("Dense 'd': setWeights: weight 'd/kernel' has shape [3,2], got [2,3]");
    dense.setWeights([
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [0.5, 0.5],
    ]);
    expect(dense.apply(tensor([[1, 2, 3]])).arraySync()).toEqual([[4.5, 5.5]]);
    expect(dense.getWeights().map((t) => t.arraySync())).toEqual([
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [0.5, 0.5],
    ]);
  });

  test('losses: weight penalties each access, call losses reset per call, loss functions kept', () => {
    const dense = new Dense({
      units: 1,
      kernelInitializer: 'ones',
      kernelRegularizer: { className: 'L2', config: { l2: 0.5 } },
      activityRegularizer: 'l1',
    });
    dense.apply(tensor([[1, 2]]));
    // kernel penalty 0.5·(1 + 1); activity penalty 0.01·|3|
    expect(dense.losses.map((l) => l.dataSync()[0])).toEqual([1, expect.closeTo(0.03, 6)]);
    dense.apply(tensor([[-1, -1]]));
    expect(dense.losses.map((l) => l.dataSync()[0])).toEqual([1, expect.closeTo(0.02, 6)]);
    dense.trainable = false;
    expect(dense.losses.length).toBe(1);
    dense.trainable = true;
    dense.addLoss(() => tensor(7));
    expect(dense.losses.length).toBe(3);
    expect(dense.getConfig().activityRegularizer).toEqual({ className: 'L1', config: { l1: 0.01 } });
    expect(() => dense.addLoss(3 as unknown as Tensor)).toThrow(/addLoss expects a Tensor or a function/);
  });

  test('config keeps inputShape as batchInputShape; bad base options throw', () => {
    const dense = new Dense({ units: 2, inputShape: [4] });
    expect(dense.getConfig().batchInputShape).toEqual([null, 4]);
    expect(Dense.fromConfig(dense.getConfig()).getConfig()).toEqual(dense.getConfig());
    expect(() => new Dense({ units: 2, inputShape: [-1] })).toThrow(
      /inputShape must be an array of non-negative integers/,
    );
    expect(() => new Dense({ units: 2, dtype: 'int32' as 'float32' })).toThrow(
      'Dense: dtype must be \'float32\', got "int32"',
    );
  });

  test('dispose frees the weights and unbuilds', () => {
    const dense = new Dense({ units: 2 });
    dense.apply(tensor([[1]]));
    const kernel = dense.weights[0];
    dense.dispose();
    expect(kernel.isDisposed).toBe(true);
    expect(dense.built).toBe(false);
    expect(dense.weights).toEqual([]);
  });

  test('a class without className is refused', () => {
    class Nameless extends Layer {
      override call(x: Tensor): Tensor {
        return x;
      }
    }
    expect(() => new Nameless()).toThrow(
      'Nameless: a layer class needs a static readonly className (its Keras class name)',
    );
  });
});

describe('registry and serialization', () => {
  test('built-in layers, initializers, regularizers and constraints are registered', () => {
    expect(getRegisteredClass('Dense')).toBe(Dense);
    expect(getRegisteredClass('GlorotUniform')).toBe(GlorotUniform);
    expect(getRegisteredClass('MaxNorm')).toBe(MaxNorm);
    for (const name of ['BatchNormalization', 'LayerNormalization', 'Concatenate', 'PReLU', 'L1L2', 'Orthogonal']) {
      expect(registeredClassNames()).toContain(name);
    }
    expect(() => getRegisteredClass('Densely')).toThrow(
      "getRegisteredClass: unknown class 'Densely'; register custom classes with registerClass(cls)",
    );
  });

  test('serializeLayer / deserializeLayer round-trip, custom classes via registerClass', () => {
    const dense = new Dense({ units: 3, activation: 'relu', kernelConstraint: 'max_norm' });
    const json = JSON.parse(JSON.stringify(serializeLayer(dense)));
    expect(json.className).toBe('Dense');
    const back = deserializeLayer(json);
    expect(back).toBeInstanceOf(Dense);
    expect(back.getConfig()).toEqual(dense.getConfig());
    expect(() => deserializeLayer({ className: 'Times', config: {} })).toThrow(/unknown class 'Times'/);
    registerClass(Times);
    const t = deserializeLayer({ className: 'Times', config: { k: 3 } });
    expect(t.apply(tensor([1])).arraySync()).toEqual([3]);
    unregisterClass('Times');
    expect(() => deserializeLayer({ className: 'GlorotUniform', config: {} })).toThrow(
      "deserializeLayer: class 'GlorotUniform' is not a Layer",
    );
    expect(() => registerClass({} as typeof Times)).toThrow(/needs a static className/);
  });
});

describe('input checks', () => {
  const layer = new Dense({ units: 1, name: 'chk' });
  test('assertInputRank and lastDimension name the layer and the shape', () => {
    expect(() => assertInputRank(layer, [null, 3], 4)).toThrow("Dense 'chk': expected input of rank 4, got [null, 3]");
    expect(() => assertInputRank(layer, [null, 3], [3, 4])).toThrow(
      "Dense 'chk': expected input of rank 3 or 4, got [null, 3]",
    );
    expect(() => assertInputRank(layer, [3], { min: 2 })).toThrow("Dense 'chk': expected input of rank >= 2, got [3]");
    expect(() => assertInputRank(layer, [3, 4], { min: 2 })).not.toThrow();
    expect(lastDimension([null, 784], layer)).toBe(784);
    expect(() => lastDimension([null, null], layer)).toThrow(
      "Dense 'chk': the last dimension of the input must be known, got [null, null]",
    );
  });

  test('normalizeTuple expands integers and checks tuples', () => {
    expect(normalizeTuple(3, 2, 'kernelSize')).toEqual([3, 3]);
    expect(normalizeTuple([1, 2], 2, 'strides')).toEqual([1, 2]);
    expect(normalizeTuple(0, 2, 'padding', true)).toEqual([0, 0]);
    expect(() => normalizeTuple([1, 2, 3], 2, "Conv2D 'c': kernelSize")).toThrow(
      "Conv2D 'c': kernelSize must be an integer or an array of 2 integers, each >= 1, got [1,2,3]",
    );
    expect(() => normalizeTuple(0, 2, 'strides')).toThrow(ValueError);
  });
});
