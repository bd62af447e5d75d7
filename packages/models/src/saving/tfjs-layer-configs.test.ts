import { getRegisteredClass, Layer, registeredClassNames } from '@horn/layers';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { camelCase, deserializeModelOrLayer, fromKerasConfig, snakeCase, toKerasConfig } from '../index.js';

// Options that make each layer constructible (the rest are defaults), chosen away from the defaults
// where a wrong key name would go unnoticed.
const OPTIONS: Record<string, Record<string, unknown>> = {
  Dot: { axes: [1, 2], normalize: true },
  Dense: { units: 3, activation: 'tanh', useBias: false },
  Conv1D: { filters: 2, kernelSize: 3, strides: 2, padding: 'same' },
  Conv2D: { filters: 2, kernelSize: [3, 2], dilationRate: 2, padding: 'same', activation: 'relu' },
  Conv2DTranspose: { filters: 2, kernelSize: 3, strides: 2 },
  DepthwiseConv2D: { kernelSize: 3, depthMultiplier: 2 },
  SeparableConv2D: { filters: 2, kernelSize: 3, depthMultiplier: 2 },
  MaxPooling1D: { poolSize: 3, strides: 1 },
  MaxPooling2D: { poolSize: 3, strides: 1, padding: 'same' },
  AveragePooling1D: { poolSize: 3 },
  AveragePooling2D: { poolSize: [2, 3] },
  Dropout: { rate: 0.25, seed: 4 },
  Reshape: { targetShape: [2, 3] },
  Permute: { dims: [2, 1] },
  RepeatVector: { n: 4 },
  Activation: { activation: 'softplus' },
  GaussianNoise: { stddev: 0.3 },
  Concatenate: { axis: 1 },
  LeakyReLU: { negativeSlope: 0.15 },
  // TF.js' ELU refuses any alpha but the default 1.
  ELU: { alpha: 1 },
  ReLU: { maxValue: 6 },
  Softmax: { axis: -1 },
  BatchNormalization: { momentum: 0.8, epsilon: 0.01, center: false },
  LayerNormalization: { epsilon: 0.01, scale: false },
  ZeroPadding2D: {
    padding: [
      [1, 2],
      [3, 4],
    ],
  },
  Cropping2D: {
    cropping: [
      [1, 0],
      [0, 2],
    ],
  },
  UpSampling2D: { size: [2, 3] },
  Rescaling: { scale: 0.5, offset: 1 },
  CenterCrop: { height: 4, width: 5 },
  Resizing: { height: 4, width: 5, interpolation: 'nearest' },
  InputLayer: { batchInputShape: [null, 5, 3] },
  Embedding: { inputDim: 10, outputDim: 4 },
  CategoryEncoding: { numTokens: 4, outputMode: 'multi_hot' },
  SimpleRNN: { units: 3, returnSequences: true, activation: 'relu' },
  LSTM: { units: 3, returnState: true, unitForgetBias: false },
  // TF.js' GRU supports only resetAfter: false (Keras 2's default; Keras 3 and Horn default to true).
  GRU: { units: 3, goBackwards: true, resetAfter: false },
  Bidirectional: { layer: { className: 'LSTM', config: { units: 2, returnSequences: true } }, mergeMode: 'sum' },
  TimeDistributed: { layer: { className: 'Dense', config: { units: 2 } } },
  RNN: { cell: { className: 'LSTMCell', config: { units: 2 } }, returnSequences: true, goBackwards: true },
  SimpleRNNCell: { units: 3, activation: 'relu' },
  LSTMCell: { units: 2, unitForgetBias: false },
  // TF.js' GRU cells support only resetAfter: false (Horn's and Keras 3's default is true).
  GRUCell: { units: 2, resetAfter: false },
  StackedRNNCells: {
    cells: [
      { className: 'SimpleRNNCell', config: { units: 2 } },
      { className: 'GRUCell', config: { units: 3, resetAfter: false } },
    ],
  },
};

type Config = Record<string, unknown>;

// What TF.js does to a model.json config before building (tfjs-layers convertPythonicToTs): keys and
// string values to camelCase, except the 'name' values.
function tfjsReads(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'name' ? value : camelCase(value);
  if (Array.isArray(value)) return value.map((v) => tfjsReads(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelCase(k), tfjsReads(v, camelCase(k))]));
  }
  return value;
}

// What TF.js does to a config when it writes model.json (tfjs-layers convertTsToPythonic): keys and
// string values to snake_case, except 'name' and 'className' values.
function tfjsWrites(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'name' || key === 'className' ? value : snakeCase(value);
  if (Array.isArray(value)) return value.map((v) => tfjsWrites(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), tfjsWrites(v, k)]));
  }
  return value;
}

// A list of { className, config } objects (StackedRNNCells' cells) is nested configs, not a plain option.
const isConfigList = (v: unknown) =>
  Array.isArray(v) && v.some((e) => e !== null && typeof e === 'object' && !Array.isArray(e));
const isPlain = (v: unknown) => v === null || typeof v !== 'object' || (Array.isArray(v) && !isConfigList(v));
const sameOption = (tfjs: unknown, horn: unknown) =>
  JSON.stringify(typeof tfjs === 'number' && Array.isArray(horn) ? horn.map(() => tfjs) : tfjs) ===
    JSON.stringify(horn) ||
  (tfjs === null && horn === undefined);

const tfjsClasses = (
  tf.serialization as unknown as {
    SerializationMap: {
      getMap(): { classNameMap: Record<string, [unknown, (cls: unknown, config: Config) => tf.layers.Layer]> };
    };
  }
).SerializationMap.getMap().classNameMap;

const shared = registeredClassNames().filter((name) => {
  const cls = getRegisteredClass(name) as unknown as { prototype: unknown; className: string };
  return cls.prototype instanceof Layer && cls.className === name && name in tfjsClasses;
});

describe('every layer TF.js also has: TF.js builds it from the config Horn writes', () => {
  test('the shared layers are the ones expected', () => {
    expect(shared.length).toBeGreaterThanOrEqual(35);
    expect(shared).toEqual(expect.arrayContaining(['Dense', 'Conv2D', 'LeakyReLU', 'BatchNormalization', 'Resizing']));
  });

  test.each(shared)('%s', (name) => {
    const cls = getRegisteredClass(name) as unknown as { fromConfig(c: Config): Layer };
    const horn = cls.fromConfig({ name: `horn_${name.toLowerCase()}`, ...(OPTIONS[name] ?? {}) });
    const written = toKerasConfig({ className: name, config: horn.getConfig() }) as {
      class_name: string;
      config: Config;
    };
    expect(written.class_name).toBe(name);
    const [tfjsClass, fromConfig] = tfjsClasses[name];
    const tfjsLayer = fromConfig(tfjsClass, tfjsReads(written.config) as Config);
    const tfjsConfig = tfjsLayer.getConfig() as Config;
    const hornConfig = tfjsReads(written.config) as Config;
    // Every plain option TF.js knows reads back as Horn wrote it (initializers and regularizers are
    // objects TF.js re-spells, e.g. GlorotUniform as VarianceScaling; they are compared elsewhere).
    for (const [key, value] of Object.entries(tfjsConfig)) {
      if (key === 'name' || value === undefined || !isPlain(value)) continue;
      if (!(key in hornConfig)) continue;
      const expected = hornConfig[key];
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      // TF.js keeps a single pool size / stride as given; Horn writes the tuple.
      const asTuple = (v: unknown) => (typeof v === 'number' && Array.isArray(expected) ? expected.map(() => v) : v);
      expect(
        same(asTuple(value), expected) || (value === null && expected === undefined),
        `${name}.${key}: tfjs ${JSON.stringify(value)}, horn ${JSON.stringify(expected)}`,
      ).toBe(true);
    }
    // TF.js' StackedRNNCells constructor drops the name it is given.
    if (name !== 'StackedRNNCells') expect(tfjsLayer.name).toBe(horn.name);
  });

  test.each(shared)('%s: Horn reads the config TF.js writes', (name) => {
    const cls = getRegisteredClass(name) as unknown as { fromConfig(c: Config): Layer };
    const horn = cls.fromConfig({ name: `horn_${name.toLowerCase()}`, ...(OPTIONS[name] ?? {}) });
    const [tfjsClass, fromConfig] = tfjsClasses[name];
    const args = tfjsReads((toKerasConfig({ className: name, config: horn.getConfig() }) as { config: Config }).config);
    const tfjsLayer = fromConfig(tfjsClass, args as Config);
    const written = tfjsWrites({ className: name, config: tfjsLayer.getConfig() }) as {
      class_name: string;
      config: Config;
    };
    const read = deserializeModelOrLayer(fromKerasConfig(written) as never);
    expect(read.className).toBe(name);
    const again = (toKerasConfig({ className: name, config: read.getConfig() }) as { config: Config }).config;
    for (const [key, value] of Object.entries(written.config)) {
      if (key === 'name' || !isPlain(value) || !(key in again)) continue;
      expect(
        sameOption(value, again[key]),
        `${name}.${key}: tfjs wrote ${JSON.stringify(value)}, horn read ${JSON.stringify(again[key])}`,
      ).toBe(true);
    }
  });
});
