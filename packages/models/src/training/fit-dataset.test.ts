import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { memory, tensor } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { LambdaCallback } from '../callbacks/index.js';
import { Sequential } from '../index.js';

function model() {
  const m = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  m.setWeights([tensor([[0.5]]), tensor([0])]);
  m.compile({ optimizer: new SGD({ learningRate: 0.05 }), loss: 'mse' });
  return m;
}

const rows = [0, 1, 2, 3, 4, 5, 6, 7];
const batchOf = (i: number) =>
  [tensor([[rows[i]], [rows[i + 1]]]), tensor([[2 * rows[i] + 1], [2 * rows[i + 1] + 1]])] as const;

/** A re-iterable async dataset: each iteration makes fresh tensors for 4 batches of 2. */
const asyncBatches = {
  async *[Symbol.asyncIterator]() {
    for (let i = 0; i < rows.length; i += 2) yield batchOf(i);
  },
};

const weightsOf = (m: Sequential) => m.getWeights().map((w) => w.dataSync()[0]);

describe('fitDataset', () => {
  test('trains like fit on the same batches; with disposeBatches it disposes the batches it is handed', async () => {
    const a = model();
    const before = memory().numTensors;
    const history = await a.fitDataset(asyncBatches, { epochs: 3, verbose: 0, disposeBatches: true });
    expect(memory().numTensors).toBe(before);
    expect(history.epoch).toEqual([0, 1, 2]);
    const b = model();
    await b.fit(tensor(rows.map((r) => [r])), tensor(rows.map((r) => [2 * r + 1])), {
      epochs: 3,
      batchSize: 2,
      shuffle: false,
      verbose: 0,
    });
    expect(weightsOf(a).map((v) => v.toFixed(5))).toEqual(weightsOf(b).map((v) => v.toFixed(5)));
  });

  test('arrays of batches are kept (not disposed); { xs, ys } elements and validation data work', async () => {
    const batches = [batchOf(0), batchOf(2)];
    const m = model();
    const steps: (number | null)[] = [];
    const spy = new LambdaCallback({ onTrainBegin: () => void steps.push(spy.params.steps) });
    const history = await m.fitDataset(batches, {
      epochs: 2,
      verbose: 0,
      validationData: [tensor([[1]]), tensor([[3]])],
      callbacks: [spy],
    });
    expect(steps).toEqual([null]); // unknown until the dataset has been iterated
    expect(history.history.val_loss).toHaveLength(2);
    expect(batches[0][0].isDisposed).toBe(false);
    const xsys = [{ xs: batches[0][0], ys: batches[0][1] }];
    const again = await m.fitDataset(xsys, { verbose: 0, validationData: xsys });
    expect(again.history.val_loss).toHaveLength(1);
    expect(typeof (await m.evaluateDataset(batches, { verbose: 0 }))).toBe('number');
  });

  test('stepsPerEpoch keeps one iterator across epochs (a generator can then be used once)', async () => {
    async function* once() {
      for (let i = 0; i < rows.length; i += 2) yield batchOf(i);
    }
    const counts: number[] = [];
    let n = 0;
    const counter = new LambdaCallback({
      onEpochBegin: () => void (n = 0),
      onBatchEnd: () => void n++,
      onEpochEnd: () => void counts.push(n),
    });
    await model().fitDataset(once(), { epochs: 2, stepsPerEpoch: 2, verbose: 0, callbacks: [counter] });
    expect(counts).toEqual([2, 2]);
    // Without stepsPerEpoch, the second epoch finds the generator exhausted.
    await expect(model().fitDataset(once(), { epochs: 2, verbose: 0 })).rejects.toThrow(
      /yielded no batch in epoch 2; a generator can be iterated only once/,
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    counts.length = 0;
    await model().fitDataset(asyncBatches, { epochs: 2, stepsPerEpoch: 3, verbose: 0, callbacks: [counter] });
    expect(counts).toEqual([3, 1]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  test("the dataset's tensors stay the dataset's: a batch is reusable after an epoch, and nothing leaks", async () => {
    const xb = tensor([[0], [1]]);
    const yb = tensor([[1], [3]]);
    const kept = {
      *[Symbol.iterator]() {
        yield [xb, yb] as const;
      },
    };
    const m = model();
    const before = memory().numTensors;
    // A generator object, a Set and fit(dataset) all take the same path.
    await m.fitDataset(kept, { epochs: 2, verbose: 0 });
    await m.fit(new Set([[xb, yb] as const]), { epochs: 1, verbose: 0 });
    expect(memory().numTensors).toBe(before);
    expect(xb.isDisposed || yb.isDisposed).toBe(false);
    expect(xb.arraySync()).toEqual([[0], [1]]);
    expect(yb.add(1).arraySync()).toEqual([[2], [4]]);
  });

  test('bad datasets and elements', async () => {
    await expect(model().fitDataset(5 as never)).rejects.toThrow(/must be an iterable or an async iterable/);
    await expect(model().fitDataset([5] as never, { verbose: 0 })).rejects.toThrow(
      /each dataset element must be \[x, y\]/,
    );
    // [x] alone is an element without targets: only an addLoss-only model accepts it.
    await expect(model().fitDataset([[tensor([[1]])]], { verbose: 0 })).rejects.toThrow(
      /compiled with a loss for 'dense.*', so y \(the targets\) is required/,
    );
    await expect(model().fitDataset([[tensor([[1], [2]]), tensor([[1]])]], { verbose: 0 })).rejects.toThrow(
      /x and y must have the same number of samples/,
    );
  });
});
