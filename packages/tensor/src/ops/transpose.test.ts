import { describe, expect, test } from 'vitest';
import { range, ShapeError, scalar, swapaxes, tensor, transpose, ValueError, zeros } from '../index.js';

describe('transpose', () => {
  test('reverses the axes by default', () => {
    expect(
      transpose(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).arraySync(),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(transpose(zeros([2, 3, 4])).shape).toEqual([4, 3, 2]);
  });

  test('course: arange(12).reshape(3,2,2) with perm (2,0,1)', () => {
    const a = range(12).reshape([3, 2, 2]);
    expect(transpose(a, [2, 0, 1]).arraySync()).toEqual([
      [
        [0, 2],
        [4, 6],
        [8, 10],
      ],
      [
        [1, 3],
        [5, 7],
        [9, 11],
      ],
    ]);
  });

  test('course: arange(24).reshape(2,3,2,2) with perm (3,0,1,2)', () => {
    const t = transpose(range(24).reshape([2, 3, 2, 2]), [3, 0, 1, 2]);
    expect(t.shape).toEqual([2, 2, 3, 2]);
    expect(t.arraySync()).toEqual([
      [
        [
          [0, 2],
          [4, 6],
          [8, 10],
        ],
        [
          [12, 14],
          [16, 18],
          [20, 22],
        ],
      ],
      [
        [
          [1, 3],
          [5, 7],
          [9, 11],
        ],
        [
          [13, 15],
          [17, 19],
          [21, 23],
        ],
      ],
    ]);
  });

  test('negative perm entries are normalized; identity keeps the values', () => {
    const a = range(6).reshape([2, 3]);
    expect(transpose(a, [-1, -2]).arraySync()).toEqual(transpose(a).arraySync());
    expect(transpose(a, [0, 1]).arraySync()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  test('keeps int32 and bool dtypes, scalars, size-1 and zero-size dims', () => {
    const i = transpose(tensor([[1, 2]], undefined, 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([[1], [2]]);
    const b = transpose(tensor([[true, false]]));
    expect(b.dtype).toBe('bool');
    expect(b.arraySync()).toEqual([[1], [0]]);
    expect(transpose(scalar(5)).arraySync()).toBe(5);
    const z = transpose(zeros([0, 3]));
    expect(z.shape).toEqual([3, 0]);
    expect(z.size).toBe(0);
  });

  test('agrees with index arithmetic on a rank-5 tensor', () => {
    const shape = [2, 3, 1, 4, 2];
    const perm = [3, 1, 4, 0, 2];
    const x = range(48).reshape(shape);
    const out = transpose(x, perm);
    const outShape = perm.map((p) => shape[p]);
    expect(out.shape).toEqual(outShape);
    const v = out.dataSync();
    const inStrides = [24, 8, 8, 2, 1];
    let k = 0;
    const idx = [0, 0, 0, 0, 0];
    for (idx[0] = 0; idx[0] < outShape[0]; idx[0]++)
      for (idx[1] = 0; idx[1] < outShape[1]; idx[1]++)
        for (idx[2] = 0; idx[2] < outShape[2]; idx[2]++)
          for (idx[3] = 0; idx[3] < outShape[3]; idx[3]++)
            for (idx[4] = 0; idx[4] < outShape[4]; idx[4]++) {
              let flat = 0;
              for (let d = 0; d < 5; d++) flat += idx[d] * inStrides[perm[d]];
              expect(v[k++]).toBe(flat);
            }
  });

  test('rejects a perm that is not a permutation', () => {
    const a = zeros([2, 3, 4]);
    expect(() => transpose(a, [0, 1])).toThrow(ShapeError);
    expect(() => transpose(a, [0, 1])).toThrow(/transpose.*\[2,3,4\].*\[0,1\]/);
    expect(() => transpose(a, [0, 1, 1])).toThrow(ShapeError);
    expect(transpose(a, [0, 1, -1]).shape).toEqual([2, 3, 4]);
    expect(() => transpose(a, [0, 1, 3])).toThrow(ShapeError);
    expect(() => transpose(a, [0, 1, 1.5])).toThrow(ValueError);
  });
});

describe('swapaxes', () => {
  test('course: arange(12).reshape(3,2,2), axes 0 and 1', () => {
    const t = swapaxes(range(12).reshape([3, 2, 2]), 0, 1);
    expect(t.shape).toEqual([2, 3, 2]);
    expect(t.arraySync()).toEqual([
      [
        [0, 1],
        [4, 5],
        [8, 9],
      ],
      [
        [2, 3],
        [6, 7],
        [10, 11],
      ],
    ]);
  });

  test('course: arange(24).reshape(2,3,2,2), axes 0 and 2', () => {
    const t = range(24).reshape([2, 3, 2, 2]).swapaxes(0, 2);
    expect(t.shape).toEqual([2, 3, 2, 2]);
    expect(t.arraySync()).toEqual([
      [
        [
          [0, 1],
          [12, 13],
        ],
        [
          [4, 5],
          [16, 17],
        ],
        [
          [8, 9],
          [20, 21],
        ],
      ],
      [
        [
          [2, 3],
          [14, 15],
        ],
        [
          [6, 7],
          [18, 19],
        ],
        [
          [10, 11],
          [22, 23],
        ],
      ],
    ]);
  });

  test('negative axes, same axis, and errors', () => {
    expect(swapaxes(zeros([2, 3, 4]), -1, 0).shape).toEqual([4, 3, 2]);
    expect(swapaxes(range(4).reshape([2, 2]), 1, 1).arraySync()).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(() => swapaxes(zeros([2, 3]), 0, 2)).toThrow(ShapeError);
    expect(() => swapaxes(zeros([2, 3]), 0, 2)).toThrow(/swapaxes/);
    expect(() => swapaxes(scalar(1), 0, 0)).toThrow(ShapeError);
  });
});
