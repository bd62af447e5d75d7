import { Dense, Input } from '@horn/layers';
import { ExponentialDecay, SGD } from '@horn/optimizers';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';
import { LambdaCallback, LearningRateScheduler, type Logs, ReduceLROnPlateau } from './index.js';

const scripted = (monitor: string, values: number[]) =>
  new LambdaCallback({
    onEpochEnd: (epoch: number, logs?: Logs) => {
      if (logs) logs[monitor] = values[epoch];
    },
  });

function model(lr: number) {
  const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  m.compile({ optimizer: new SGD({ learningRate: lr }), loss: 'mse' });
  return m;
}

const x = tensor([[1], [2]]);
const y = tensor([[1], [2]]);

describe('ReduceLROnPlateau', () => {
  test('multiplies the rate by factor after `patience` epochs without improvement', async () => {
    const m = model(0.1);
    const history = await m.fit(x, y, {
      epochs: 7,
      verbose: 0,
      callbacks: [
        scripted('val_loss', [1, 1, 1, 0.5, 0.5, 0.5, 0.5]),
        new ReduceLROnPlateau({ factor: 0.5, patience: 2 }),
      ],
    });
    // The logged rate is the one used during the epoch: reduced after epochs 2 and 5.
    const lr = history.history.learning_rate.map((v) => Number(v.toPrecision(6)));
    expect(lr).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025]);
    expect(m.compiled!.optimizer.learningRate).toBeCloseTo(0.025, 9);
  });

  test('cooldown, minDelta and minLr', async () => {
    const m = model(0.1);
    const reduce = new ReduceLROnPlateau({ factor: 0.1, patience: 1, cooldown: 2, minLr: 0.0005 });
    const history = await m.fit(x, y, {
      epochs: 8,
      verbose: 0,
      callbacks: [scripted('val_loss', [1, 1, 1, 1, 1, 1, 1, 1]), reduce],
    });
    // Keras' trace: reduced at the end of epoch 1; the cooldown counter runs down over epochs 2 and 3,
    // where patience 1 is met again (to 0.001); again at epoch 5 (to the floor 0.0005); then it stays.
    const lr = history.history.learning_rate.map((v) => Number(v.toPrecision(6)));
    expect(lr).toEqual([0.1, 0.1, 0.01, 0.01, 0.001, 0.001, 0.0005, 0.0005]);
    expect(m.compiled!.optimizer.learningRate).toBeCloseTo(0.0005, 9);
    // An improvement smaller than minDelta does not count.
    const m2 = model(0.1);
    await m2.fit(x, y, {
      epochs: 2,
      verbose: 0,
      callbacks: [scripted('val_loss', [1, 0.99995]), new ReduceLROnPlateau({ patience: 1, factor: 0.5 })],
    });
    expect(m2.compiled!.optimizer.learningRate).toBeCloseTo(0.05, 9);
  });

  test('prints when verbose; rejects bad options and schedules', async () => {
    const lines: string[] = [];
    const m = model(0.1);
    await m.fit(x, y, {
      epochs: 2,
      verbose: 0,
      callbacks: [
        scripted('loss', [1, 1]),
        new ReduceLROnPlateau({
          monitor: 'loss',
          patience: 1,
          factor: 0.5,
          verbose: 1,
          stream: { write: (s) => void lines.push(s) },
        }),
      ],
    });
    expect(lines).toEqual(['\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.05.\n']);
    expect(() => new ReduceLROnPlateau({ factor: 1 })).toThrow(/factor must be in \[0, 1\)/);
    const scheduled = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
    scheduled.compile({
      optimizer: new SGD({
        learningRate: new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 }),
      }),
      loss: 'mse',
    });
    await expect(
      scheduled.fit(x, y, { verbose: 0, callbacks: [new ReduceLROnPlateau({ monitor: 'loss' })] }),
    ).rejects.toThrow(/learning rate is a schedule \(ExponentialDecay\)/);
  });
});

describe('LearningRateScheduler', () => {
  test('sets the rate from schedule(epoch, lr) at each epoch start', async () => {
    const m = model(0.1);
    const seen: [number, number][] = [];
    const schedule = (epoch: number, lr: number) => {
      seen.push([epoch, lr]);
      return epoch < 2 ? lr : lr / 2;
    };
    const history = await m.fit(x, y, { epochs: 4, verbose: 0, callbacks: [new LearningRateScheduler(schedule)] });
    expect(seen.map(([e, lr]) => [e, Number(lr.toPrecision(6))])).toEqual([
      [0, 0.1],
      [1, 0.1],
      [2, 0.1],
      [3, 0.05],
    ]);
    expect(history.history.learning_rate.map((v) => Number(v.toPrecision(6)))).toEqual([0.1, 0.1, 0.05, 0.025]);
    expect(() => new LearningRateScheduler(0.1 as never)).toThrow(/schedule must be a function/);
    await expect(m.fit(x, y, { verbose: 0, callbacks: [new LearningRateScheduler(() => Number.NaN)] })).rejects.toThrow(
      /non-negative finite number, got NaN at epoch 0/,
    );
  });
});
