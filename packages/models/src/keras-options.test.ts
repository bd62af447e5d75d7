import { Dense, Input } from '@horn/layers';
import { type Tensor, tensor } from '@horn/tensor';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  Callback,
  type CallbackParams,
  CSVLogger,
  EarlyStopping,
  History,
  LambdaCallback,
  LearningRateScheduler,
  type Logs,
  Model,
  ModelCheckpoint,
  Progbar,
  ProgbarLogger,
  printSummary,
  ReduceLROnPlateau,
  Sequential,
  summaryLines,
  TerminateOnNaN,
} from './index.js';

const x = tensor([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
  [1, 1, 1],
]);
const y = tensor([[1], [2], [3], [4]]);
const onesModel = () =>
  new Sequential([Input({ shape: [3] }), new Dense({ units: 1, kernel_initializer: 'ones', use_bias: false })]);

describe('callbacks take Keras spellings and refuse unknown options', () => {
  const makers: [string, (options: Record<string, unknown>) => unknown][] = [
    ['EarlyStopping', (o) => new EarlyStopping(o)],
    ['ReduceLROnPlateau', (o) => new ReduceLROnPlateau(o)],
    ['TerminateOnNaN', (o) => new TerminateOnNaN(o)],
    ['ProgbarLogger', (o) => new ProgbarLogger(o)],
    ['History', (o) => new (History as unknown as new (o: object) => History)(o)],
    ['LambdaCallback', (o) => new LambdaCallback(o)],
    ['CSVLogger', (o) => new CSVLogger('log.csv', o)],
    ['ModelCheckpoint', (o) => new ModelCheckpoint('model.json', o)],
    ['LearningRateScheduler', (o) => new LearningRateScheduler((_epoch, lr) => lr, o)],
  ];
  test.each(makers)('%s refuses bogusOption', (name, make) => {
    expect(() => make({ bogusOption: 1 })).toThrow(`${name}: unknown option 'bogusOption'`);
  });

  test("Progbar: Keras' unit_name; stateful_metrics is refused", () => {
    expect(() => new Progbar({ target: 4, unit_name: 'sample', stream: { write: () => {} } })).not.toThrow();
    expect(() => new Progbar({ target: 4, stateful_metrics: [] } as never)).toThrow(
      "Progbar: unknown option 'stateful_metrics' (read as 'statefulMetrics')",
    );
  });

  test("EarlyStopping: Keras' restore_best_weights, min_delta, start_from_epoch", () => {
    const es = new EarlyStopping({ restore_best_weights: true, min_delta: 0.1, start_from_epoch: 2 });
    expect([es.restoreBestWeights, es.minDelta, es.startFromEpoch]).toEqual([true, 0.1, 2]);
    expect(new ReduceLROnPlateau({ min_lr: 0.001 }).minLr).toBe(0.001);
    let seen = -1;
    const hooks = new LambdaCallback({
      on_epoch_end: (epoch: number) => {
        seen = epoch;
      },
    });
    hooks.onEpochEnd(4);
    expect(seen).toBe(4);
  });
});

describe('compile and fit take Keras spellings', () => {
  // Keras 3.15 (jax): the same model compiled with loss='mse', loss_weights=[2.0] evaluates to 318.0
  // (predictions [6, 15, 24, 3] against [1, 2, 3, 4]: mse 159, doubled).
  test('compile: loss_weights', async () => {
    const m = onesModel();
    m.compile({ optimizer: 'sgd', loss: 'mse', loss_weights: [2] });
    expect((await m.evaluate(x, y, { verbose: 0 })) as number).toBeCloseTo(318, 4);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    expect((await m.evaluate(x, y, { verbose: 0 })) as number).toBeCloseTo(159, 4);
  });

  // Keras 3.15: fit(x, y, batch_size=2, validation_split=0.25) runs 2 steps an epoch and logs loss, val_loss.
  test('fit: batch_size and validation_split', async () => {
    const params: CallbackParams[] = [];
    class Spy extends Callback {
      override onTrainBegin() {
        params.push(this.params);
      }
    }
    const m = onesModel();
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const history = await m.fit(x, y, {
      batch_size: 2,
      validation_split: 0.25,
      verbose: 0,
      callbacks: [new Spy()],
    });
    expect(params[0]).toMatchObject({ steps: 2, batchSize: 2, samples: 3 });
    expect(Object.keys(history.history).sort()).toEqual(['loss', 'val_loss']);
    expect(m.predict(x, { batch_size: 3 })).toBeDefined();
    expect(() => m.trainOnBatch(x, y, { reset_metrics: false })).not.toThrow();
  });

  test('summary: line_length and print_fn; expand_nested is refused', () => {
    const lines: string[] = [];
    printSummary(onesModel(), { line_length: 60, print_fn: (line: string) => lines.push(line) });
    expect(lines[0]).toMatch(/^Model: "sequential/);
    expect(Math.max(...lines.map((l) => l.length))).toBe(60);
    expect(() => summaryLines(onesModel(), { expand_nested: true } as never)).toThrow(
      "summary: unknown option 'expand_nested' (read as 'expandNested'); valid options are 'lineLength', 'positions', 'printFn'",
    );
  });

  test('positional and unknown run options are refused by name', async () => {
    const m = onesModel();
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(m.fit(x, y, 32 as never)).rejects.toThrow(
      "fit: expected an options object, got 32; Keras' positional arguments are named options here, e.g. { epochs: ... }",
    );
    // Keras' return_dict reads as returnDict: the mse of predictions [6, 15, 24, 3] against [1, 2, 3, 4].
    const logs = m.evaluate(x, y, { return_dict: true, verbose: 0 });
    // The snake_case return_dict picks the same overload as returnDict: the result is typed Logs.
    expectTypeOf(logs).toEqualTypeOf<Promise<Logs>>();
    await expect(logs).resolves.toEqual({ loss: 159 });
    await expect(m.evaluate(x, y, { return_dicts: true } as never)).rejects.toThrow(
      "evaluate: unknown option 'return_dicts' (read as 'returnDicts')",
    );
    expect(() => m.compile('adam' as never)).toThrow(
      "compile: expected an options object, got 'adam' (Keras' positional compile(optimizer, loss, ...) is compile({ optimizer: 'adam', loss, ... }) here)",
    );
  });
});

describe("Keras' positional Model and Sequential forms", () => {
  const graph = () => {
    const input = Input({ shape: [3] });
    return [input, new Dense({ units: 2, kernelInitializer: 'ones' }).apply(input)] as const;
  };

  test('new Model(inputs, outputs) builds the same model as new Model({ inputs, outputs })', () => {
    const [input, output] = graph();
    const m = new Model(input, output);
    expect((m.predict(tensor([[1, 2, 3]])) as Tensor).arraySync()).toEqual([[6, 6]]);
    expect(m.name).toMatch(/^functional/);
    const [i2, o2] = graph();
    expect(new Model(i2, o2, 'mlp').name).toBe('mlp');
    const [i3, o3] = graph();
    const named = new Model([i3], [o3], { name: 'mlp2', trainable: false });
    expect([named.name, named.trainable, named.inputs.length]).toEqual(['mlp2', false, 1]);
  });

  test('Sequential(layers, { name }), Sequential(layers, trainable, name)', () => {
    const s = new Sequential([Input({ shape: [3] }), new Dense({ units: 1 })], { name: 'stack' });
    expect([s.name, s.layers.length]).toEqual(['stack', 1]);
    const frozen = new Sequential([new Dense({ units: 1 })], false, 'frozen');
    expect([frozen.name, frozen.trainable]).toEqual(['frozen', false]);
  });

  test('ambiguous or unknown forms name the Keras form and the Horn form', () => {
    const [input, output] = graph();
    expect(() => new Model(input)).toThrow(
      "Model: got inputs (a SymbolicTensor [null,3]) but no outputs; Keras' Model(inputs, outputs) needs both: write new Model(inputs, outputs) or new Model({ inputs, outputs, name })",
    );
    expect(() => new Model({ inputs: input, outputs: output, bogusOption: 1 } as never)).toThrow(
      "Model: unknown option 'bogusOption'; valid options are 'inputs', 'outputs', 'name', 'trainable'",
    );
    expect(() => new Model({ a: input } as never)).toThrow(
      /looks like Keras' Model\(inputs, outputs\) with the outputs missing/,
    );
    expect(() => new Sequential([new Dense({ units: 1 })], 'stack' as never)).toThrow(
      "Sequential: the second argument 'stack' looks like a name, but Keras' Sequential(layers, trainable, name) takes trainable second; write new Sequential(layers, { name: 'stack' })",
    );
    expect(() => new Sequential({ layers: [], bogusOption: 1 } as never)).toThrow(
      "Sequential: unknown option 'bogusOption'; valid options are 'layers', 'name', 'trainable'",
    );
    expect(() => new Sequential([], { nme: 'x' } as never)).toThrow(/unknown option 'nme' \(did you mean 'name'\?\)/);
  });

  test('a subclassed model keeps working', () => {
    class Twice extends Model {
      readonly dense = new Dense({ units: 1, kernelInitializer: 'ones', useBias: false });
      override call(t: Parameters<Model['call']>[0]) {
        return this.dense.apply(t);
      }
    }
    expect((new Twice().predict(tensor([[1, 2]])) as Tensor).arraySync()).toEqual([[3]]);
  });
});
