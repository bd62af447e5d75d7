import {
  Add,
  Concatenate,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  Input,
  Layer,
  MaxPooling2D,
  registerClass,
  unregisterClass,
} from '@horn/layers';
import { randomUniform, type Tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { type FunctionalConfig, Model, Sequential } from './index.js';

/** JSON round trip, as a file would do it. */
function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function outputsOf(model: Model, x: Tensor | Tensor[]): unknown {
  const out = model.apply(x) as Tensor | Tensor[];
  return Array.isArray(out) ? out.map((t) => t.arraySync()) : out.arraySync();
}

function twoTowers(): Model {
  const a = Input({ shape: [4], name: 'a' });
  const b = Input({ shape: [4], name: 'b' });
  const shared = new Dense({ units: 4, activation: 'tanh', name: 'shared' });
  const ha = shared.apply(a);
  const hb = shared.apply(b);
  const skip = new Add({ name: 'skip' }).apply([ha, a]);
  const cat = new Concatenate({ name: 'cat' }).apply([skip, hb]);
  const out1 = new Dense({ units: 2, name: 'out1' }).apply(cat);
  const out2 = new Dense({ units: 1, activation: 'sigmoid', name: 'out2' }).apply(hb);
  return new Model({ inputs: [a, b], outputs: [out1, out2], name: 'two_towers' });
}

describe('functional getConfig', () => {
  test('is the Keras functional format: layers with inbound nodes, input and output layers', () => {
    const config = twoTowers().getConfig() as unknown as FunctionalConfig;
    expect(config.name).toBe('two_towers');
    expect(config.layers.map((l) => [l.className, l.name])).toEqual([
      ['InputLayer', 'a'],
      ['Dense', 'shared'],
      ['InputLayer', 'b'],
      ['Add', 'skip'],
      ['Concatenate', 'cat'],
      ['Dense', 'out1'],
      ['Dense', 'out2'],
    ]);
    const byName = Object.fromEntries(config.layers.map((l) => [l.name, l]));
    expect(byName.a.inboundNodes).toEqual([]);
    expect(byName.a.config).toEqual({ batchInputShape: [null, 4], dtype: 'float32', sparse: false, name: 'a' });
    expect(byName.shared.inboundNodes).toEqual([[['a', 0, 0, {}]], [['b', 0, 0, {}]]]);
    expect(byName.skip.inboundNodes).toEqual([
      [
        ['shared', 0, 0, {}],
        ['a', 0, 0, {}],
      ],
    ]);
    expect(byName.cat.inboundNodes).toEqual([
      [
        ['skip', 0, 0, {}],
        ['shared', 1, 0, {}],
      ],
    ]);
    expect(byName.out2.inboundNodes).toEqual([[['shared', 1, 0, {}]]]);
    expect(byName.shared.config).toMatchObject({ name: 'shared', units: 4, activation: 'tanh' });
    expect(config.inputLayers).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
    expect(config.outputLayers).toEqual([
      ['out1', 0, 0],
      ['out2', 0, 0],
    ]);
  });

  test('fromConfig(getConfig()) rebuilds the graph; with the same weights the predictions are identical', () => {
    const model = twoTowers();
    const again = Model.fromConfig(viaJson(model.getConfig()));
    expect(again).toBeInstanceOf(Model);
    expect(again.name).toBe('two_towers');
    expect(again.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    expect(again.getLayer('shared')).not.toBe(model.getLayer('shared'));
    expect(again.getConfig()).toEqual(model.getConfig());
    again.setWeights(model.getWeights());
    const x = [randomUniform([3, 4], { seed: 11 }), randomUniform([3, 4], { seed: 12 })];
    expect(outputsOf(again, x)).toEqual(outputsOf(model, x));
  });

  test('a layer shared at different depths (A(B(A(B(x))))) is rebuilt in the right call order', () => {
    const x = Input({ shape: [3] });
    const A = new Dense({ units: 3, activation: 'tanh', name: 'A' });
    const B = new Dense({ units: 3, name: 'B' });
    const model = new Model({ inputs: x, outputs: A.apply(B.apply(A.apply(B.apply(x)))) });
    const config = model.getConfig() as unknown as FunctionalConfig;
    expect(config.layers.find((l) => l.name === 'A')?.inboundNodes).toEqual([[['B', 0, 0, {}]], [['B', 1, 0, {}]]]);
    expect(config.outputLayers).toEqual([['A', 1, 0]]);
    const again = Model.fromConfig(viaJson(config as unknown as Record<string, unknown>));
    again.setWeights(model.getWeights());
    const input = randomUniform([2, 3], { seed: 5 });
    expect(outputsOf(again, input)).toEqual(outputsOf(model, input));
  });

  test('a nested model: its calls are nodes 1, 2, ... and the nested config round-trips', () => {
    const ix = Input({ shape: [3], name: 'inner_in' });
    const inner = new Model({ inputs: ix, outputs: new Dense({ units: 2, name: 'enc' }).apply(ix), name: 'encoder' });
    const left = Input({ shape: [3], name: 'left' });
    const right = Input({ shape: [3], name: 'right' });
    const joined = new Concatenate({ name: 'join' }).apply([inner.apply(left), inner.apply(right)]);
    const outer = new Model({ inputs: [left, right], outputs: new Dense({ units: 1, name: 'score' }).apply(joined) });
    const config = outer.getConfig() as unknown as FunctionalConfig;
    const entry = config.layers.find((l) => l.name === 'encoder');
    expect(entry?.className).toBe('Model');
    expect(entry?.inboundNodes).toEqual([[['left', 0, 0, {}]], [['right', 0, 0, {}]]]);
    expect((entry?.config as unknown as FunctionalConfig | undefined)?.outputLayers).toEqual([['enc', 0, 0]]);
    expect(config.layers.find((l) => l.name === 'join')?.inboundNodes).toEqual([
      [
        ['encoder', 1, 0, {}],
        ['encoder', 2, 0, {}],
      ],
    ]);
    const again = Model.fromConfig(viaJson(config as unknown as Record<string, unknown>));
    expect(again.getLayer('encoder')).toBeInstanceOf(Model);
    expect(again.getConfig()).toEqual(outer.getConfig());
    again.setWeights(outer.getWeights());
    const x = [randomUniform([2, 3], { seed: 1 }), randomUniform([2, 3], { seed: 2 })];
    expect(outputsOf(again, x)).toEqual(outputsOf(outer, x));
  });

  test('call options (training) are kept as node kwargs', () => {
    const x = Input({ shape: [8] });
    const model = new Model({
      inputs: x,
      outputs: new Dropout({ rate: 0.5, name: 'drop' }).apply(x, { training: true }),
    });
    const config = viaJson(model.getConfig()) as unknown as FunctionalConfig;
    expect(config.layers[1].inboundNodes).toEqual([[[expect.any(String), 0, 0, { training: true }]]]);
    const again = Model.fromConfig(config as unknown as Record<string, unknown>);
    expect(again.getLayer('drop').inboundNodes.at(-1)?.callArgs).toEqual({ training: true });
  });

  test('Keras 2 / TF.js configs: 3-element node refs and a single coordinate instead of a list', () => {
    const config = {
      name: 'from_tfjs',
      layers: [
        {
          className: 'InputLayer',
          name: 'in',
          config: { batchInputShape: [null, 2], dtype: 'float32', sparse: false, name: 'in' },
          inboundNodes: [],
        },
        { className: 'Dense', name: 'd', config: { units: 1, name: 'd' }, inboundNodes: [[['in', 0, 0]]] },
      ],
      inputLayers: ['in', 0, 0],
      outputLayers: [['d', 0, 0]],
    };
    const model = Model.fromConfig(config);
    expect(model.outputs[0].shape).toEqual([null, 1]);
    expect(model.inputNames).toEqual(['in']);
  });

  test('custom layers registered with registerClass rebuild from the config', () => {
    class Scale extends Layer<{ name?: string; factor?: number }> {
      static override readonly className = 'ScaleForConfigTest';
      override call(x: Tensor): Tensor {
        return x.mul(this.config.factor ?? 2);
      }
      override getConfig() {
        return { ...super.getConfig(), factor: this.config.factor ?? 2 };
      }
    }
    registerClass(Scale);
    try {
      const x = Input({ shape: [2] });
      const model = new Model({ inputs: x, outputs: new Scale({ factor: 3 }).apply(x) });
      const again = Model.fromConfig(viaJson(model.getConfig()));
      expect(again.layers[1]).toBeInstanceOf(Scale);
      expect(outputsOf(again, randomUniform([1, 2], { seed: 3 }))).toEqual(
        outputsOf(model, randomUniform([1, 2], { seed: 3 })),
      );
    } finally {
      unregisterClass('ScaleForConfigTest');
    }
  });

  test('bad configs give clear errors', () => {
    expect(() => Model.fromConfig({})).toThrow(ValueError);
    expect(() => Model.fromConfig({})).toThrow(/Model.fromConfig: expected \{ name, layers/);
    const dangling = {
      name: 'm',
      layers: [{ className: 'Dense', name: 'd', config: { units: 1 }, inboundNodes: [[['ghost', 0, 0, {}]]] }],
      inputLayers: [['d', 0, 0]],
      outputLayers: [['d', 0, 0]],
    };
    expect(() => Model.fromConfig(dangling)).toThrow(/layer 'd' refers to an unknown layer 'ghost'/);
    const unknownClass = {
      ...dangling,
      layers: [{ className: 'NoSuchLayer', name: 'x', config: {}, inboundNodes: [] }],
    };
    expect(() => Model.fromConfig(unknownClass)).toThrow(/unknown class 'NoSuchLayer'/);
    const badRef = {
      name: 'm',
      layers: [
        { className: 'InputLayer', name: 'in', config: { batchInputShape: [null, 2] }, inboundNodes: [] },
        { className: 'Dense', name: 'd', config: { units: 1 }, inboundNodes: [['oops']] },
      ],
      inputLayers: [['in', 0, 0]],
      outputLayers: [['d', 0, 0]],
    };
    expect(() => Model.fromConfig(badRef)).toThrow(/expected \[layerName, nodeIndex, tensorIndex, kwargs\]/);
    const neverCalled = { ...badRef, layers: [badRef.layers[0], { ...badRef.layers[1], inboundNodes: [] }] };
    expect(() => Model.fromConfig(neverCalled)).toThrow(
      /outputLayers refers to call 0 of 'd', which the config never makes/,
    );
  });
});

describe('Sequential getConfig', () => {
  test('{ name, layers } with the InputLayer first; the round trip predicts identically', () => {
    const model = new Sequential({
      name: 'cnn',
      layers: [
        Input({ shape: [8, 8, 1] }),
        new Conv2D({ filters: 4, kernelSize: 3, activation: 'relu' }),
        new MaxPooling2D({ poolSize: 2 }),
        new Flatten(),
        new Dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const config = viaJson(model.getConfig()) as {
      name: string;
      layers: { className: string; config: Record<string, unknown> }[];
    };
    expect(config.name).toBe('cnn');
    expect(config.layers.map((l) => l.className)).toEqual(['InputLayer', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(config.layers[0].config).toMatchObject({
      batchInputShape: [null, 8, 8, 1],
      dtype: 'float32',
      sparse: false,
    });
    expect(config.layers[1].config).toMatchObject({ filters: 4, kernelSize: [3, 3], activation: 'relu' });
    const again = Sequential.fromConfig(config as unknown as Record<string, unknown>);
    expect(again).toBeInstanceOf(Sequential);
    expect(again.getConfig()).toEqual(model.getConfig());
    again.setWeights(model.getWeights());
    const x = randomUniform([2, 8, 8, 1], { seed: 9 });
    expect(outputsOf(again, x)).toEqual(outputsOf(model, x));
  });

  test('an unbuilt Sequential has no InputLayer entry; a nested Sequential round-trips inside a functional model', () => {
    expect((new Sequential([new Dense({ units: 2 })]).getConfig().layers as unknown[]).length).toBe(1);
    const block = new Sequential({ name: 'block', layers: [Input({ shape: [3] }), new Dense({ units: 2 })] });
    const x = Input({ shape: [3] });
    const model = new Model({ inputs: x, outputs: block.apply(x) });
    const again = Model.fromConfig(viaJson(model.getConfig()));
    expect(again.getLayer('block')).toBeInstanceOf(Sequential);
    again.setWeights(model.getWeights());
    const input = randomUniform([2, 3], { seed: 4 });
    expect(outputsOf(again, input)).toEqual(outputsOf(model, input));
    expect(() => Sequential.fromConfig({ name: 'x' })).toThrow(/Sequential.fromConfig: expected \{ name, layers/);
  });
});
