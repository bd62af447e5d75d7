import { describe, expect, test } from 'vitest';
import { add, memory, scalar, tensor, tidy, zeros } from '../index.js';

describe('engine smoke', () => {
  test('add broadcasts', () => {
    expect(add(tensor([[1], [2]]), tensor([10, 20])).arraySync()).toEqual([
      [11, 21],
      [12, 22],
    ]);
    expect(scalar(2).add(3).arraySync()).toBe(5);
    expect(zeros([2]).toString()).toBe('[0. 0.]');
    const before = memory().numTensors;
    tidy(() => {
      tensor([1]).add(2);
    });
    expect(memory().numTensors).toBe(before);
  });
});
