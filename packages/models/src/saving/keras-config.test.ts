import {
  BatchNormalization,
  Conv2D,
  Dense,
  getInitializer,
  L1,
  L2,
  LeakyReLU,
  type VarianceScaling,
} from '@horn/layers';
import { ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  CLASS_RENAMES,
  camelCase,
  enumValues,
  fromKerasConfig,
  KEY_RENAMES,
  snakeCase,
  toKerasConfig,
  VALUE_RENAMES,
} from '../index.js';

type Obj = Record<string, unknown>;
const cls = (className: string, config: Obj) => ({ className, config });

describe('generic case conversion (TF.js generic_utils)', () => {
  test('snakeCase follows TF.js toSnakeCase', () => {
    expect(snakeCase('kernelSize')).toBe('kernel_size');
    expect(snakeCase('batchInputShape')).toBe('batch_input_shape');
    expect(snakeCase('dilationRate')).toBe('dilation_rate');
    expect(snakeCase('l2')).toBe('l2');
    expect(snakeCase('beta1')).toBe('beta1');
    expect(snakeCase('movingMeanInitializer')).toBe('moving_mean_initializer');
    expect(snakeCase('channelsLast')).toBe('channels_last');
  });

  test('camelCase follows TF.js toCamelCase', () => {
    expect(camelCase('kernel_size')).toBe('kernelSize');
    expect(camelCase('batch_input_shape')).toBe('batchInputShape');
    expect(camelCase('beta_1')).toBe('beta1');
    expect(camelCase('units')).toBe('units');
    expect(camelCase('x')).toBe('x');
  });
});

describe('toKerasConfig / fromKerasConfig', () => {
  test('a Dense config becomes what TF.js writes, and reads back unchanged', () => {
    const config = new Dense({ units: 3, activation: 'relu', name: 'myDense', inputShape: [4] }).getConfig();
    const keras = toKerasConfig(cls('Dense', config)) as Obj;
    expect(keras).toEqual({
      class_name: 'Dense',
      config: {
        name: 'myDense',
        trainable: true,
        dtype: 'float32',
        batch_input_shape: [null, 4],
        units: 3,
        activation: 'relu',
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null,
        bias_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
      },
    });
    expect(fromKerasConfig(keras)).toEqual(cls('Dense', config));
  });

  test('Conv2D and BatchNormalization keys and enum values round-trip', () => {
    for (const layer of [
      new Conv2D({ filters: 2, kernelSize: 3, padding: 'same', dilationRate: 2, activation: 'hardSigmoid' }),
      new BatchNormalization({ momentum: 0.9 }),
    ]) {
      const config = layer.getConfig();
      const keras = toKerasConfig(cls(layer.className, config)) as { config: Obj };
      expect(fromKerasConfig(keras)).toEqual(cls(layer.className, config));
      if (layer instanceof Conv2D) {
        expect(keras.config).toMatchObject({
          kernel_size: [3, 3],
          data_format: 'channels_last',
          dilation_rate: [2, 2],
          padding: 'same',
          activation: 'hard_sigmoid',
        });
      } else {
        expect(keras.config).toMatchObject({ moving_mean_initializer: { class_name: 'Zeros', config: {} } });
      }
    }
  });

  test('every known enum value is written snake_case and read back', () => {
    const pairs: [string, string][] = [
      ['channelsLast', 'channels_last'],
      ['channelsFirst', 'channels_first'],
      ['fanIn', 'fan_in'],
      ['fanOut', 'fan_out'],
      ['fanAvg', 'fan_avg'],
      ['truncatedNormal', 'truncated_normal'],
      ['untruncatedNormal', 'untruncated_normal'],
      ['horizontalAndVertical', 'horizontal_and_vertical'],
      ['sumOverBatchSize', 'sum_over_batch_size'],
      ['leakyRelu', 'leaky_relu'],
      ['hardSigmoid', 'hard_sigmoid'],
      ['legacyHardSigmoid', 'legacy_hard_sigmoid'],
      ['hardSwish', 'hard_swish'],
      ['logSoftmax', 'log_softmax'],
    ];
    for (const [horn, keras] of pairs) {
      expect(toKerasConfig({ value: horn })).toEqual({ value: keras });
      expect(fromKerasConfig({ value: keras })).toEqual({ value: horn });
    }
    expect(enumValues().sort()).toEqual(pairs.map(([horn]) => horn).sort());
    for (const value of enumValues()) expect(fromKerasConfig(toKerasConfig({ value }))).toEqual({ value });
    // Strings that are not enum values are kept: ids that need no change and free text.
    expect(toKerasConfig({ a: 'same', b: 'relu6', c: 'float32', d: 'myThing' })).toEqual({
      a: 'same',
      b: 'relu6',
      c: 'float32',
      d: 'myThing',
    });
  });

  test('names are never converted: name keys, inbound nodes, input and output layers', () => {
    const horn = {
      name: 'myModel',
      layers: [
        {
          className: 'Dense',
          name: 'fanIn',
          config: { name: 'fanIn', units: 1 },
          inboundNodes: [[['channelsLast', 0, 0, {}]]],
        },
      ],
      inputLayers: [['channelsLast', 0, 0]],
      outputLayers: [['fanIn', 0, 0]],
    };
    const keras = toKerasConfig(horn) as Obj;
    expect(keras).toEqual({
      name: 'myModel',
      layers: [
        {
          class_name: 'Dense',
          name: 'fanIn',
          config: { name: 'fanIn', units: 1 },
          inbound_nodes: [[['channelsLast', 0, 0, {}]]],
        },
      ],
      input_layers: [['channelsLast', 0, 0]],
      output_layers: [['fanIn', 0, 0]],
    });
    expect(fromKerasConfig(keras)).toEqual(horn);
  });

  test('each key rename of the table: written (unless read-only) and read', () => {
    for (const rename of KEY_RENAMES) {
      const kind = rename.scope === 'optimizer' ? 'optimizer' : undefined;
      const className = rename.scope === 'optimizer' ? 'Adam' : rename.scope;
      const hornClass = CLASS_RENAMES.find((r) => r.keras === className)?.horn ?? className;
      const read = fromKerasConfig({ class_name: className, config: { [rename.keras]: 7 } }, { kind }) as Obj;
      expect(read, `${rename.scope}.${rename.keras}`).toEqual({ className: hornClass, config: { [rename.horn]: 7 } });
      if (rename.readOnly) continue;
      const written = toKerasConfig(cls(hornClass, { [rename.horn]: 7 }), { kind }) as Obj;
      expect(written, `${rename.scope}.${rename.horn}`).toEqual({
        class_name: className,
        config: { [rename.keras]: 7 },
      });
    }
  });

  test('LeakyReLU is written with TF.js alpha; Keras 3 negative_slope reads too', () => {
    const config = new LeakyReLU({ negativeSlope: 0.2, name: 'lr' }).getConfig();
    expect((toKerasConfig(cls('LeakyReLU', config)) as { config: Obj }).config).toMatchObject({ alpha: 0.2 });
    expect(fromKerasConfig({ class_name: 'LeakyReLU', config: { negative_slope: 0.1 } })).toEqual(
      cls('LeakyReLU', { negativeSlope: 0.1 }),
    );
  });

  test('optimizer keys are renamed only in optimizer configs; TF.js camelCase configs read too', () => {
    const adam = cls('Adam', { learningRate: 0.01, beta1: 0.9, beta2: 0.999, clipNorm: 1, globalClipNorm: null });
    expect(toKerasConfig(adam, { kind: 'optimizer' })).toEqual({
      class_name: 'Adam',
      config: { learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, clipnorm: 1, global_clipnorm: null },
    });
    expect(fromKerasConfig(toKerasConfig(adam, { kind: 'optimizer' }), { kind: 'optimizer' })).toEqual(adam);
    // What TF.js' getTrainingConfig writes.
    expect(
      fromKerasConfig(
        { class_name: 'Adam', config: { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } },
        { kind: 'optimizer' },
      ),
    ).toEqual(cls('Adam', { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }));
    expect(
      fromKerasConfig(
        { class_name: 'Momentum', config: { learningRate: 0.1, momentum: 0.9, useNesterov: true } },
        { kind: 'optimizer' },
      ),
    ).toEqual(cls('SGD', { learningRate: 0.1, momentum: 0.9, nesterov: true }));
    expect(
      fromKerasConfig({ class_name: 'RMSProp', config: { learningRate: 0.1, decay: 0.8 } }, { kind: 'optimizer' }),
    ).toEqual(cls('RMSprop', { learningRate: 0.1, rho: 0.8 }));
    // Keras' RMSprop 'decay' is a learning-rate decay, not rho: only TF.js' RMSProp is renamed.
    expect(fromKerasConfig({ class_name: 'RMSprop', config: { rho: 0.9, decay: 0 } }, { kind: 'optimizer' })).toEqual(
      cls('RMSprop', { rho: 0.9, decay: 0 }),
    );
    // Outside optimizers beta1 is an ordinary key.
    expect(toKerasConfig({ beta1: 1 })).toEqual({ beta1: 1 });
  });

  test('each class rename of the table', () => {
    for (const rename of CLASS_RENAMES) {
      expect(fromKerasConfig({ class_name: rename.keras, config: {} })).toEqual(cls(rename.horn, {}));
      if (!rename.readOnly)
        expect(toKerasConfig(cls(rename.horn, {}))).toEqual({ class_name: rename.keras, config: {} });
    }
    // Keras' own spellings read as Horn's.
    expect(fromKerasConfig({ class_name: 'LecunNormal', config: { seed: null } })).toEqual(
      cls('LecunNormal', { seed: null }),
    );
    expect(
      getInitializer(fromKerasConfig({ class_name: 'LeCunUniform', config: { seed: 3 } }) as never).className,
    ).toBe('LecunUniform');
  });

  test('each value rename of the table: TF.js "normal" is the truncated normal', () => {
    for (const rename of VALUE_RENAMES) {
      const read = fromKerasConfig({ class_name: rename.scope, config: { [snakeCase(rename.key)]: rename.keras } });
      expect(read).toEqual(cls(rename.scope, { [rename.key]: rename.horn }));
    }
    const init = getInitializer(
      fromKerasConfig({
        class_name: 'VarianceScaling',
        config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null },
      }) as never,
    ) as VarianceScaling;
    expect([init.mode, init.distribution]).toEqual(['fanAvg', 'truncatedNormal']);
    // Only inside VarianceScaling.
    expect(fromKerasConfig({ distribution: 'normal' })).toEqual({ distribution: 'normal' });
  });

  test('L1 and L2 are written as TF.js L1L2 with both factors and read back as L1 and L2', () => {
    const l2 = cls('L2', new L2({ l2: 0.02 }).getConfig());
    const l1 = cls('L1', new L1({ l1: 0.03 }).getConfig());
    expect(toKerasConfig(l2)).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.02 } });
    expect(toKerasConfig(l1)).toEqual({ class_name: 'L1L2', config: { l1: 0.03, l2: 0 } });
    expect(fromKerasConfig(toKerasConfig(l2))).toEqual(l2);
    expect(fromKerasConfig(toKerasConfig(l1))).toEqual(l1);
    expect(fromKerasConfig({ class_name: 'L1L2', config: { l1: 0.1, l2: 0.2 } })).toEqual(
      cls('L1L2', { l1: 0.1, l2: 0.2 }),
    );
    expect(fromKerasConfig({ class_name: 'L1L2', config: { l1: 0, l2: 0 } })).toEqual(cls('L1L2', { l1: 0, l2: 0 }));
  });

  test("Keras 3's module / registered_name / build_config keys are dropped and dtype policies read as names", () => {
    const keras3 = {
      module: 'keras.layers',
      class_name: 'InputLayer',
      registered_name: null,
      build_config: { input_shape: [null, 3] },
      config: {
        batch_shape: [null, 3],
        dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
        name: 'input',
      },
    };
    expect(fromKerasConfig(keras3)).toEqual(
      cls('InputLayer', { batchInputShape: [null, 3], dtype: 'float32', name: 'input' }),
    );
  });

  test('undefined keys are dropped; non-JSON values are refused with their path', () => {
    expect(toKerasConfig({ a: undefined, b: [undefined] })).toEqual({ b: [null] });
    expect(() => toKerasConfig(cls('Dense', { activation: () => 1 }))).toThrow(ValueError);
    expect(() => toKerasConfig(cls('Dense', { activation: () => 1 }))).toThrow(/\$\.config\.activation.*a function/);
    expect(() => toKerasConfig({ when: new Date(0) })).toThrow(/\$\.when.*Date/);
  });
});
