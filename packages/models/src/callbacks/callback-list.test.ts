import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';
import { Callback, CallbackList, History, LambdaCallback, type Logs, ProgbarLogger } from './index.js';

/** Records every hook call. */
class Recorder extends Callback {
  readonly calls: string[] = [];
  override onTrainBegin() {
    this.calls.push('trainBegin');
  }
  override onTrainEnd() {
    this.calls.push('trainEnd');
  }
  override onEpochBegin(e: number) {
    this.calls.push(`epochBegin ${e}`);
  }
  override onEpochEnd(e: number, logs?: Logs) {
    this.calls.push(`epochEnd ${e} ${Object.keys(logs ?? {}).join(',')}`);
  }
  override onBatchBegin(b: number) {
    this.calls.push(`batchBegin ${b}`);
  }
  override onBatchEnd(b: number, logs?: Logs) {
    this.calls.push(`batchEnd ${b} ${Object.keys(logs ?? {}).join(',')}`);
  }
  override onTestBegin() {
    this.calls.push('testBegin');
  }
  override onTestEnd(logs?: Logs) {
    this.calls.push(`testEnd ${Object.keys(logs ?? {}).join(',')}`);
  }
  override onTestBatchEnd(b: number) {
    this.calls.push(`testBatchEnd ${b}`);
  }
  override onPredictBegin() {
    this.calls.push('predictBegin');
  }
  override onPredictBatchEnd(b: number) {
    this.calls.push(`predictBatchEnd ${b}`);
  }
  override onPredictEnd() {
    this.calls.push('predictEnd');
  }
}

function model() {
  const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  m.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse', metrics: ['mae'] });
  return m;
}

const x = tensor([[1], [2], [3]]);
const y = tensor([[1], [2], [3]]);

describe('callbacks in fit, evaluate and predict', () => {
  test('hooks run in Keras order, with the aliases onBatchBegin/onBatchEnd and sorted logs', async () => {
    const rec = new Recorder();
    await model().fit(x, y, {
      epochs: 2,
      batchSize: 2,
      shuffle: false,
      validationData: [x, y],
      verbose: 0,
      callbacks: [rec],
    });
    const epoch = (e: number) => [
      `epochBegin ${e}`,
      'batchBegin 0',
      'batchEnd 0 loss,mae',
      'batchBegin 1',
      'batchEnd 1 loss,mae',
      'testBegin',
      'testBatchEnd 0',
      'testBatchEnd 1',
      'testEnd loss,mae',
      `epochEnd ${e} loss,mae,val_loss,val_mae`,
    ];
    expect(rec.calls).toEqual(['trainBegin', ...epoch(0), ...epoch(1), 'trainEnd']);
    expect(rec.params).toMatchObject({ epochs: 2, steps: 2, verbose: 0, batchSize: 2, samples: 3, doValidation: true });
    expect(rec.params.metrics).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    const m = model();
    const ev = new Recorder();
    await m.evaluate(x, y, { batchSize: 2, verbose: 0, callbacks: [ev] });
    expect(ev.calls).toEqual(['testBegin', 'testBatchEnd 0', 'testBatchEnd 1', 'testEnd loss,mae']);
    const pr = new Recorder();
    m.predict(x, { batchSize: 2, verbose: 0, callbacks: [pr] });
    expect(pr.calls).toEqual(['predictBegin', 'predictBatchEnd 0', 'predictBatchEnd 1', 'predictEnd']);
    expect(pr.model).toBe(m);
  });

  test('async hooks are awaited in order', async () => {
    const order: string[] = [];
    const slow = new LambdaCallback({
      onEpochEnd: async (epoch) => {
        await new Promise((r) => setTimeout(r, 5));
        order.push(`slow ${epoch}`);
      },
    });
    const fast = new LambdaCallback({ onEpochEnd: (epoch) => void order.push(`fast ${epoch}`) });
    await model().fit(x, y, { epochs: 2, verbose: 0, callbacks: [slow, fast] });
    expect(order).toEqual(['slow 0', 'fast 0', 'slow 1', 'fast 1']);
  });

  test('CallbackList adds History last and ProgbarLogger first unless given; rejects non-callbacks', () => {
    const mine = new History();
    const bar = new ProgbarLogger({ stream: { write: () => {} } });
    const list = new CallbackList([new Recorder()], { addHistory: true, addProgbar: true });
    expect(list.callbacks.map((c) => c.constructor.name)).toEqual(['ProgbarLogger', 'Recorder', 'History']);
    const given = new CallbackList([mine, bar], { addHistory: true, addProgbar: true });
    expect(given.callbacks).toEqual([mine, bar]);
    expect(given.history).toBe(mine);
    expect(given.progbar).toBe(bar);
    expect(() => new CallbackList([{ onEpochEnd() {} } as never])).toThrow(/callbacks\[0\] must be a Callback/);
    expect(() => new Recorder().model).toThrow(/no model is set yet/);
  });

  test('History records every epoch, and fit sets model.history', async () => {
    const m = model();
    const history = await m.fit(x, y, { epochs: 3, verbose: 0 });
    expect(Object.keys(history.history)).toEqual(['loss', 'mae']);
    expect(history.history.loss).toHaveLength(3);
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(m.history).toBe(history);
    expect(history.params.epochs).toBe(3);
  });
});
