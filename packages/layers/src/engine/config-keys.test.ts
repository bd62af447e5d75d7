import { snakeToCamel, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  Conv2D,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  GlorotUniform,
  getRegisteredClass,
  Input,
  InputLayer,
  Layer,
  LSTM,
  layerCases,
  MaxNorm,
  registeredClassNames,
} from '../index.js';

type AnyClass = new (config?: Record<string, unknown>) => unknown;

/** Keras' spelling of a camelCase option name (`kernelInitializer` -> `kernel_initializer`). */
function kerasName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/(?<=[a-z])(\d)/g, '_$1');
}

describe('every registered class refuses an unknown option by name', () => {
  test.each(layerCases().map((k) => [k.label, k] as const))('%s', (_, k) => {
    const cls = k.cls as unknown as AnyClass;
    const config = k.options().config as Record<string, unknown>;
    expect(() => new cls({ ...config, bogusOption: 1 })).toThrow(ValueError);
    expect(() => new cls({ ...config, bogusOption: 1 })).toThrow(
      new RegExp(`^${k.cls.className}: unknown option 'bogusOption'; valid options are .*'name'`),
    );
  });

  const others = registeredClassNames()
    .map((name) => getRegisteredClass(name) as unknown as AnyClass & { className: string; prototype: unknown })
    .filter((cls) => !(cls.prototype instanceof Layer));
  test('initializers, regularizers and constraints too', () => {
    expect(others.length).toBeGreaterThan(15);
    for (const cls of others) {
      expect(() => new cls({ bogusOption: 1 }), cls.className).toThrow(
        `${cls.className}: unknown option 'bogusOption'; valid options are`,
      );
    }
  });

  test('InputLayer and Input', () => {
    expect(() => new InputLayer({ inputShape: [2], bogusOption: 1 } as never)).toThrow(
      "InputLayer: unknown option 'bogusOption'",
    );
    expect(() => Input({ shape: [2], bogusOption: 1 } as never)).toThrow("Input: unknown option 'bogusOption'");
  });
});

describe("Keras' snake_case spellings take effect", () => {
  test.each(layerCases().map((k) => [k.label, k] as const))('%s: the same config in snake_case', (_, k) => {
    const cls = k.cls as unknown as new (config: Record<string, unknown>) => Layer;
    const config = k.options().config as Record<string, unknown>;
    const snake = Object.fromEntries(Object.entries(config).map(([key, v]) => [kerasName(key), v]));
    expect(Object.keys(snake).map(snakeToCamel)).toEqual(Object.keys(config));
    const { name: _a, ...fromCamel } = new cls({ ...config }).getConfig();
    const { name: _b, ...fromSnake } = new cls(snake).getConfig();
    expect(fromSnake).toEqual(fromCamel);
  });

  test('Dense: kernel_initializer zeros and use_bias false give a zero kernel and no bias', () => {
    const dense = new Dense({ units: 2, kernel_initializer: 'zeros', use_bias: false });
    const y = dense.apply(Input({ shape: [3] }));
    expect(y.shape).toEqual([null, 2]);
    expect(dense.weights.map((w) => w.name)).toEqual([`${dense.name}/kernel`]);
    expect(dense.kernel!.arraySync()).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(dense.config).toEqual({ units: 2, kernelInitializer: 'zeros', useBias: false });
  });

  test('Conv2D: kernel_size, strides and padding', () => {
    const conv = new Conv2D({ filters: 4, kernel_size: 3, strides: 2, padding: 'same' });
    expect(conv.apply(Input({ shape: [9, 9, 1] })).shape).toEqual([null, 5, 5, 4]);
    const valid = new Conv2D({ filters: 4, kernel_size: [3, 3], strides: [2, 2] });
    expect(valid.apply(Input({ shape: [9, 9, 1] })).shape).toEqual([null, 4, 4, 4]);
  });

  test('LSTM: return_sequences', () => {
    const lstm = new LSTM({ units: 3, return_sequences: true });
    expect(lstm.apply(Input({ shape: [5, 2] })).shape).toEqual([null, 5, 3]);
  });

  test('Input: batch_size, batch_shape; layers: input_shape, activity_regularizer', () => {
    expect(Input({ shape: [3], batch_size: 8 }).shape).toEqual([8, 3]);
    expect(Input({ batch_shape: [4, 3] }).shape).toEqual([4, 3]);
    const dense = new Dense({ units: 1, input_shape: [3], activity_regularizer: 'l2' });
    expect(dense.batchInputShape).toEqual([null, 3]);
    expect(dense.getConfig().activityRegularizer).toEqual({ className: 'L2', config: { l2: 0.01 } });
  });

  test("Keras' input_dim on a layer; Embedding keeps its own input_dim; InputLayer(shape)", () => {
    expect(new Dense({ units: 2, input_dim: 4 }).batchInputShape).toEqual([null, 4]);
    expect(new Dense({ units: 2, input_dim: 4 }).getConfig().batchInputShape).toEqual([null, 4]);
    const embedding = new Embedding({ input_dim: 10, output_dim: 3 });
    expect([embedding.inputDim, embedding.batchInputShape]).toEqual([10, null]);
    expect(() => new Dense({ units: 2, inputDim: 4, inputShape: [4] })).toThrow(
      "Dense: give inputDim (Keras' input_dim) or inputShape / batchInputShape, not both; got inputDim=4",
    );
    expect(new InputLayer({ shape: [5], batch_size: 2 }).inputBatchShape).toEqual([2, 5]);
  });

  test('initializers and constraints: seed, max_value', () => {
    const a = new GlorotUniform({ seed: 3 }).apply([2, 2]).arraySync();
    expect(new GlorotUniform({ seed: 3 }).apply([2, 2]).arraySync()).toEqual(a);
    expect(new MaxNorm({ max_value: 3, axis: 1 }).maxValue).toBe(3);
    expect(() => new GlorotUniform({ scale: 2 } as never)).toThrow(
      "GlorotUniform: unknown option 'scale'; valid options are 'seed'",
    );
  });
});

describe('refused forms', () => {
  test("Keras' positional Dense(8) names Horn's form", () => {
    expect(() => new Dense(8 as never)).toThrow(
      "Dense: expected an options object, got number 8; this looks like Keras' positional form Dense(8, ...), which Horn does not take: pass options by name, e.g. new Dense({ units: 8, ... })",
    );
  });

  test("the hint names Keras' first positional parameter", () => {
    expect(() => new LSTM(4 as never)).toThrow('e.g. new LSTM({ units: 4, ... })');
    expect(() => new Conv2D(32 as never)).toThrow('e.g. new Conv2D({ filters: 32, ... })');
    expect(() => new Dropout(0.5 as never)).toThrow('e.g. new Dropout({ rate: 0.5, ... })');
    expect(() => new Flatten('channels_last' as never)).toThrow(
      "Flatten: expected an options object, got string 'channels_last'",
    );
  });

  test('both spellings of one option', () => {
    expect(() => new Dense({ units: 2, useBias: true, use_bias: false })).toThrow(
      "Dense: option 'useBias' is given twice, as 'useBias' and as 'use_bias'; give one spelling",
    );
  });

  test('a typo gets the closest valid option', () => {
    expect(() => new Dense({ units: 2, kernel_initialiser: 'zeros' } as never)).toThrow(
      "Dense: unknown option 'kernel_initialiser' (read as 'kernelInitialiser') (did you mean 'kernelInitializer'?)",
    );
  });

  test("Keras' Input(shape) names Horn's form", () => {
    expect(() => Input([28, 28, 1] as never)).toThrow(
      "Input: expected { shape } or { batchShape }, got [28,28,1]; this looks like Keras' Input(shape): write Input({ shape: [28,28,1] })",
    );
  });

  test('a custom layer that declares no configKeys keeps its own options (normalized)', () => {
    class Scale extends Layer<{ scaleBy?: number; name?: string }> {
      static override readonly className = 'Scale';
      override call(x: Parameters<Layer['call']>[0]) {
        return x;
      }
    }
    expect(new Scale({ scale_by: 2 }).config).toEqual({ scaleBy: 2 });
  });
});
