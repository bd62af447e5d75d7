import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { memory, tensor, tidy } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { Sequential } from '../index.js';
import { EarlyStopping, LambdaCallback, type Logs } from './index.js';

/** A callback that overwrites `monitor` in each epoch's logs with a scripted sequence (runs before the others). */
function scripted(monitor: string, values: number[]) {
  return new LambdaCallback({
    onEpochEnd: (epoch: number, logs?: Logs) => {
      if (logs) logs[monitor] = values[epoch];
    },
  });
}

function trainable() {
  const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss: 'mse' });
  return model;
}

const data = () => [tensor([[1], [2], [3]]), tensor([[2], [4], [6]])] as const;

/** Drives a callback by hand over a sequence of monitored values; returns the epoch training stopped after. */
function drive(stop: EarlyStopping, values: number[], monitor = 'val_loss'): number {
  const model = { stopTraining: false, getWeights: () => [], setWeights: () => {} };
  stop.setModel(model as never);
  stop.onTrainBegin();
  for (let epoch = 0; epoch < values.length; epoch++) {
    stop.onEpochEnd(epoch, { [monitor]: values[epoch] });
    if (model.stopTraining) return epoch;
  }
  return -1;
}

describe('EarlyStopping', () => {
  test('stops after `patience` epochs without improvement (Keras semantics)', () => {
    // best 0.8 at epoch 1; epochs 2 and 3 do not improve: with patience 2 it stops at epoch 3.
    const stop = new EarlyStopping({ patience: 2 });
    expect(drive(stop, [1, 0.8, 0.9, 0.85, 0.7])).toBe(3);
    expect(stop.stoppedEpoch).toBe(3);
    expect(stop.best).toBe(0.8);
    expect(stop.bestEpoch).toBe(1);
    // patience 0: the first epoch without improvement stops.
    expect(drive(new EarlyStopping(), [1, 0.8, 0.9])).toBe(2);
    // minDelta: 0.79 is not an improvement of more than 0.05 on 0.8.
    expect(drive(new EarlyStopping({ patience: 1, minDelta: 0.05 }), [1, 0.8, 0.79, 0.78])).toBe(2);
    // 'auto' maximizes accuracies.
    expect(drive(new EarlyStopping({ monitor: 'val_accuracy' }), [0.5, 0.6, 0.55], 'val_accuracy')).toBe(2);
    expect(drive(new EarlyStopping({ monitor: 'val_accuracy', mode: 'min' }), [0.5, 0.6], 'val_accuracy')).toBe(1);
    // baseline: until the monitor beats it, improvements do not reset the wait.
    expect(drive(new EarlyStopping({ patience: 2 }), [1, 0.9, 0.95, 0.96])).toBe(3);
    expect(drive(new EarlyStopping({ patience: 2, baseline: 0.5 }), [1, 0.9, 0.95, 0.96])).toBe(2);
    // startFromEpoch: the first epochs are ignored.
    expect(drive(new EarlyStopping({ startFromEpoch: 2 }), [1, 2, 3, 2.5, 2.6])).toBe(4);
  });

  test('in fit, stops at the right epoch and restores the best weights', async () => {
    const model = trainable();
    const [x, y] = data();
    const weightsAt: number[][] = [];
    const recorder = new LambdaCallback({
      onEpochEnd: () => void weightsAt.push(tidy(() => model.getWeights().map((w) => w.dataSync()[0]))),
    });
    const stop = new EarlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true });
    const before = memory().numTensors;
    const history = await model.fit(x, y, {
      epochs: 20,
      batchSize: 3,
      validationData: [x, y],
      verbose: 0,
      callbacks: [scripted('val_loss', [5, 3, 2, 4, 6, 1, 1]), recorder, stop],
    });
    // Best at epoch 2, no improvement at 3 and 4: stops after epoch 4 (5 epochs run).
    expect(history.epoch).toEqual([0, 1, 2, 3, 4]);
    expect(history.history.val_loss).toEqual([5, 3, 2, 4, 6]);
    expect(stop.stoppedEpoch).toBe(4);
    expect(stop.bestEpoch).toBe(2);
    expect(memory().numTensors).toBe(before); // the kept weights were disposed
    expect(tidy(() => model.getWeights().map((w) => w.dataSync()[0]))).toEqual(weightsAt[2]);
    expect(weightsAt[4]).not.toEqual(weightsAt[2]);
  });

  test('prints the Keras messages when verbose', async () => {
    const model = trainable();
    const [x, y] = data();
    const lines: string[] = [];
    const stream = { write: (s: string) => void lines.push(s) };
    await model.fit(x, y, {
      epochs: 10,
      verbose: 0,
      callbacks: [
        scripted('loss', [1, 2, 3]),
        new EarlyStopping({ monitor: 'loss', verbose: 1, restoreBestWeights: true, stream }),
      ],
    });
    expect(lines).toEqual([
      'Epoch 2: early stopping\n',
      'Restoring model weights from the end of the best epoch: 1.\n',
    ]);
  });

  test('warns when the monitored value is missing, and checks its options', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(drive(new EarlyStopping(), [1, 2], 'loss')).toBe(-1);
    expect(String(warn.mock.calls[0][0])).toMatch(/'val_loss', which is not available; available metrics are: loss/);
    warn.mockRestore();
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(/patience must be a non-negative integer/);
    expect(() => new EarlyStopping({ mode: 'up' as never })).toThrow(/mode must be 'auto', 'min' or 'max'/);
  });
});
