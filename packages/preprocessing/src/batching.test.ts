import { tensor, ValueError } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { batches, shuffle } from './index.js';

const x = tensor(Array.from({ length: 10 }, (_, i) => [i, -i]));
const y = tensor(
  Array.from({ length: 10 }, (_, i) => i),
  [10],
  'int32',
);

describe('shuffle', () => {
  test('one permutation for x and y, repeatable by seed', () => {
    const [xs, ys] = shuffle(x, y, 11);
    const ids = Array.from(ys.dataSync());
    expect([...ids].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ids).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const xv = xs.dataSync();
    ids.forEach((id, r) => {
      expect([xv[2 * r], xv[2 * r + 1]]).toEqual([id, -id]);
    });
    expect(ys.dtype).toBe('int32');
    expect(Array.from(shuffle(x, y, 11)[1].dataSync())).toEqual(ids);
    expect(() => shuffle(x, tensor([1, 2]))).toThrow(/'x' has 10 samples but 'y' has 2/);
  });
});

describe('batches', () => {
  test('consecutive batches, the last one smaller, or dropped', () => {
    const sizes = [...batches(x, y, 4)].map(([xb, yb]) => [xb.shape[0], yb.shape[0]]);
    expect(sizes).toEqual([
      [4, 4],
      [4, 4],
      [2, 2],
    ]);
    const [first] = batches(x, y, 4);
    expect(first[0].arraySync()).toEqual([
      [0, -0],
      [1, -1],
      [2, -2],
      [3, -3],
    ]);
    expect([...batches(x, y, 4, { dropRemainder: true })].length).toBe(2);
  });

  test('shuffled batches cover every row once', () => {
    const seen = [...batches(x, y, 3, { shuffle: true, seed: 5 })].flatMap(([, yb]) => Array.from(yb.dataSync()));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('a batch is a slice or a gather of its rows: the source is never read back whole', () => {
    const big = tensor(Array.from({ length: 10 }, (_, i) => [i, -i]));
    const labels = tensor(
      Array.from({ length: 10 }, (_, i) => i % 2 === 0),
      [10],
      'bool',
    );
    const read = vi.spyOn(big, 'dataSync');
    const ordered = [...batches(big, labels, 4)];
    const shuffled = [...batches(big, labels, 4, { shuffle: true, seed: 5 })];
    const [xs] = shuffle(big, labels, 3);
    expect(read).not.toHaveBeenCalled();
    expect(ordered[2][0].arraySync()).toEqual([
      [8, -8],
      [9, -9],
    ]);
    expect(ordered[0][1].dtype).toBe('bool');
    expect(Array.from(ordered[0][1].dataSync())).toEqual([1, 0, 1, 0]);
    const rows = shuffled[0][0].arraySync() as number[][];
    expect(rows.every(([a, b]) => b === -a)).toBe(true);
    expect(xs.shape).toEqual([10, 2]);
    // The source stays usable: batches do not dispose it.
    expect(big.isDisposed).toBe(false);
  });

  test('a bad batch size is a ValueError', () => {
    expect(() => [...batches(x, y, 0)]).toThrow(ValueError);
    expect(() => [...batches(x, y, 2.5)]).toThrow(/batchSize must be a positive integer, got 2.5/);
  });
});
