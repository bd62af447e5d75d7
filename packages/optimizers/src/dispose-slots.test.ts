import { variable } from '@horn/autograd';
import { memory, tensor } from '@horn/tensor';
import { expect, test } from 'vitest';
import { Adam } from './index.js';

test("disposeSlots frees one variable set's slots and keeps the others in order", () => {
  const [a, b, c] = ['a', 'b', 'c'].map((name, i) => variable(tensor([i + 1, -i]), { name }));
  const unknown = variable(tensor([0]), { name: 'unknown' });
  const before = memory().numTensors;
  const adam = new Adam({ learningRate: 0.1 });
  adam.build([a, b, c]);
  expect(adam.getWeightNames()).toEqual([
    'iter',
    'a/momentum',
    'b/momentum',
    'c/momentum',
    'a/velocity',
    'b/velocity',
    'c/velocity',
  ]);
  expect(memory().numTensors).toBe(before + 6);
  const slotOfC = adam.getSlot(c, 'velocity')!;
  adam.disposeSlots([a, c, unknown]);
  expect(adam.getWeightNames()).toEqual(['iter', 'b/momentum', 'b/velocity']);
  expect(slotOfC.isDisposed).toBe(true);
  expect(adam.getSlot(a, 'momentum')).toBeUndefined();
  expect(adam.getSlot(b, 'momentum')!.isDisposed).toBe(false);
  // b's 2 slots remain.
  expect(memory().numTensors).toBe(before + 2);
  // A later step over a makes fresh slots for it.
  adam.applyGradients([[tensor([1, 1]), a]]);
  expect(adam.getWeightNames()).toEqual(['iter', 'b/momentum', 'b/velocity', 'a/momentum', 'a/velocity']);
});
