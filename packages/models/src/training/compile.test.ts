import { Dense, Input } from '@horn/layers';
import { MeanSquaredError as MseLoss } from '@horn/losses';
import { MeanAbsoluteError } from '@horn/metrics';
import { Adam, RMSprop, SGD } from '@horn/optimizers';
import { memory, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Model, Sequential } from '../index.js';
import { compile, trainOnBatch } from './index.js';

function twoOutputModel(): Model {
  const x = Input({ shape: [2], name: 'features' });
  const a = new Dense({ units: 1, name: 'price' }).apply(x);
  const b = new Dense({ units: 3, activation: 'softmax', name: 'kind' }).apply(x);
  return new Model({ inputs: x, outputs: [a, b] });
}

const oneOutput = () => new Sequential([Input({ shape: [2] }), new Dense({ units: 1, name: 'out' })]);

describe('compile', () => {
  test('resolves string ids in camelCase and snake_case, and stores the state on the model', () => {
    const model = oneOutput();
    const state = compile(model, { optimizer: 'adam', loss: 'mean_squared_error', metrics: ['meanAbsoluteError'] });
    expect(model.compiled).toBe(state);
    expect(state.optimizer).toBeInstanceOf(Adam);
    expect(state.losses[0]).toBeInstanceOf(MseLoss);
    expect(state.metricsNames).toEqual(['loss', 'meanAbsoluteError']);
    const again = compile(model, { optimizer: 'SGD', loss: 'meanSquaredError', metrics: ['mean_absolute_error'] });
    expect(again.optimizer).toBeInstanceOf(SGD);
    expect(again.metricsNames).toEqual(['loss', 'mean_absolute_error']);
  });

  test("defaults to Keras' rmsprop, and keeps objects as given", () => {
    const model = oneOutput();
    const opt = new SGD({ learningRate: 0.3 });
    const metric = new MeanAbsoluteError({ name: 'mae_metric' });
    expect(compile(model, { loss: 'mse' }).optimizer).toBeInstanceOf(RMSprop);
    const state = compile(model, { optimizer: opt, loss: new MseLoss(), metrics: [metric] });
    expect(state.optimizer).toBe(opt);
    expect(state.metricsNames).toEqual(['loss', 'mae_metric']);
    expect(state.metrics.at(-1)).toBe(metric);
  });

  test("'accuracy' and 'acc' follow the loss and the shapes, and keep the name as written", () => {
    const cases: [string, number[][] | number[], string][] = [
      ['binary_crossentropy', [[1], [0]], 'BinaryAccuracy'],
      ['sparse_categorical_crossentropy', [1, 0], 'SparseCategoricalAccuracy'],
      [
        'categorical_crossentropy',
        [
          [0, 1],
          [1, 0],
        ],
        'CategoricalAccuracy',
      ],
      // mse does not decide: the shapes do (one output unit: binary).
      ['mse', [[1], [0]], 'BinaryAccuracy'],
    ];
    for (const [loss, y, className] of cases) {
      const units = Array.isArray(y[0]) ? (y[0] as number[]).length : 2;
      // The accuracy class is only known once the first batch shows the shapes.
      const model = new Sequential([Input({ shape: [2] }), new Dense({ units, activation: 'sigmoid' })]);
      const state = compile(model, { optimizer: 'sgd', loss, metrics: ['acc'] });
      expect(state.metricsNames).toEqual(['loss', 'acc']);
      trainOnBatch(
        model,
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor(y),
      );
      expect(state.metricEntries[0].metric?.className).toBe(className);
    }
  });

  test('multi-output models: per-output losses (list or record), loss weights and Keras log names', () => {
    const model = twoOutputModel();
    expect(model.outputNames).toEqual(['price', 'kind']);
    const byList = compile(model, {
      optimizer: 'sgd',
      loss: ['mse', 'sparse_categorical_crossentropy'],
      lossWeights: [1, 0.5],
      metrics: [['mae'], ['accuracy']],
    });
    expect(byList.metricsNames).toEqual(['loss', 'price_loss', 'kind_loss', 'price_mae', 'kind_accuracy']);
    expect(byList.lossWeights).toEqual([1, 0.5]);
    const byRecord = compile(model, {
      optimizer: 'sgd',
      loss: { kind: 'sparse_categorical_crossentropy' },
      lossWeights: { kind: 2 },
      metrics: { price: 'mse' },
    });
    expect(byRecord.losses[0]).toBeNull();
    expect(byRecord.lossWeights).toEqual([1, 2]);
    expect(byRecord.metricsNames).toEqual(['loss', 'kind_loss', 'price_mse']);
    // A flat list goes to every output (Keras 2, TF.js); repeated names get _1, _2 (Keras 3).
    const flat = compile(model, { optimizer: 'sgd', loss: 'mse', metrics: ['mae'], weightedMetrics: ['mae'] });
    expect(flat.metricsNames).toEqual([
      'loss',
      'price_loss',
      'kind_loss',
      'price_mae',
      'kind_mae',
      'price_mae_1',
      'kind_mae_1',
    ]);
  });

  test('bad arguments give clear errors', () => {
    const model = twoOutputModel();
    expect(() => compile(model, { loss: { cost: 'mse' } })).toThrow(/key 'cost'.*outputs are 'price', 'kind'/);
    expect(() => compile(model, { loss: ['mse'] })).toThrow(/1 losses, but the model has 2 output/);
    expect(() => compile(model, { loss: 'mse', lossWeights: [1] })).toThrow(ValueError);
    expect(() => compile(model, { loss: ['mse', 'nope'] })).toThrow(/output 'kind'.*unknown loss 'nope'/);
    expect(() => compile(model, { optimizer: 'adamm', loss: 'mse' })).toThrow(/unknown optimizer.*'adam'/);
    expect(() => compile(model, { loss: 'mse', metrics: ['nope'] })).toThrow(/unknown metric 'nope'/);
    const shared = new MeanAbsoluteError();
    expect(() => compile(model, { loss: 'mse', metrics: [shared] })).toThrow(/listed twice/);
    expect(() => compile(model, { loss: 'mse', lossWeights: [1, Number.NaN] })).toThrow(/finite number/);
    // @ts-expect-error Keras' run_eagerly is not an option of Horn's compile
    expect(() => compile(model, { loss: 'mse', run_eagerly: true })).toThrow(
      /compile: unknown option 'run_eagerly' \(read as 'runEagerly'\); valid options are 'optimizer', 'loss'/,
    );
  });
});

describe('recompiling', () => {
  test('keeps the weights and disposes the state of an optimizer compile made', async () => {
    const model = oneOutput();
    model.compile({ optimizer: 'adam', loss: 'mse' });
    const x = tensor([[1, 2]]);
    const y = tensor([[1]]);
    const before = memory().numTensors;
    model.trainOnBatch(x, y);
    expect(memory().numTensors).toBe(before + 4); // Adam's two slots for kernel and bias
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    const mine = new SGD({ momentum: 0.9 });
    model.compile({ optimizer: mine, loss: 'mse' });
    expect(memory().numTensors).toBe(before + 2); // Adam's slots are gone; the two weight copies remain
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    model.trainOnBatch(x, y);
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    // A user's optimizer is never disposed by compile: its momentum slots stay.
    expect(mine.getSlot(model.trainableWeights[0], 'momentum')?.isDisposed).toBe(false);
  });
});
