import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { memory, tensor } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { Sequential } from '../index.js';
import { LambdaCallback, TerminateOnNaN } from './index.js';

describe('TerminateOnNaN', () => {
  test('stops at the batch whose loss is NaN and says so', async () => {
    const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
    model.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'mse' });
    // The third sample's label is NaN: with batches of 1 and no shuffling, batch 2 has a NaN loss.
    const x = tensor([[1], [2], [3], [4], [5]]);
    const y = tensor([[1], [2], [Number.NaN], [4], [5]]);
    const lines: string[] = [];
    const stop = new TerminateOnNaN({ stream: { write: (s) => void lines.push(s) } });
    let batches = 0;
    const before = memory().numTensors;
    const history = await model.fit(x, y, {
      epochs: 3,
      batchSize: 1,
      shuffle: false,
      verbose: 0,
      callbacks: [new LambdaCallback({ onBatchEnd: () => void batches++ }), stop],
    });
    expect(lines).toEqual(['Batch 2: Invalid loss, terminating training\n']);
    expect(batches).toBe(3);
    expect(stop.terminatedAt).toEqual({ epoch: 0, batch: 2 });
    expect(history.epoch).toEqual([0]);
    expect(Number.isNaN(history.history.loss[0])).toBe(true);
    expect(memory().numTensors).toBe(before);
  });

  test('an infinite loss stops too; a finite one does not', async () => {
    const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1, kernelInitializer: 'ones' })]);
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mse' });
    const lines: string[] = [];
    const stream = { write: (s: string) => void lines.push(s) };
    await model.fit(tensor([[1], [2]]), tensor([[1], [2]]), {
      epochs: 2,
      verbose: 0,
      callbacks: [new TerminateOnNaN({ stream })],
    });
    expect(lines).toEqual([]);
    await model.fit(tensor([[3e38], [2]]), tensor([[-3e38], [2]]), {
      epochs: 2,
      verbose: 0,
      callbacks: [new TerminateOnNaN({ stream })],
    });
    expect(lines).toEqual(['Batch 0: Invalid loss, terminating training\n']);
  });
});
