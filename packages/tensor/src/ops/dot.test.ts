import { describe, expect, test } from 'vitest';
import { dot, outer, range, ShapeError, scalar, tensor, zeros } from '../index.js';

describe('dot', () => {
  test('course (Keras lecture): np.dot shapes', () => {
    const a1 = tensor([[1, 2, 3]]);
    const col = tensor([[2], [2], [2]]);
    const r11 = dot(a1, col);
    expect(r11.shape).toEqual([1, 1]);
    expect(r11.arraySync()).toEqual([[12]]);
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const r21 = dot(a, col);
    expect(r21.shape).toEqual([2, 1]);
    expect(r21.arraySync()).toEqual([[12], [30]]);
    const b = tensor([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(a.dot(b).arraySync()).toEqual([
      [6, 12],
      [15, 30],
    ]);
    const r33 = dot(tensor([[1], [1], [1]]), tensor([[2, 4, 6]]));
    expect(r33.shape).toEqual([3, 3]);
    expect(r33.arraySync()).toEqual([
      [2, 4, 6],
      [2, 4, 6],
      [2, 4, 6],
    ]);
  });

  test('vector . vector is a scalar inner product', () => {
    const r = dot(tensor([1, 2, 3]), tensor([4, 5, 6]));
    expect(r.shape).toEqual([]);
    expect(r.arraySync()).toBe(32);
    expect(dot(zeros([0]), zeros([0])).arraySync()).toBe(0);
  });

  test('N-D . 1-D sums over the last axis of a; 1-D . N-D over the second-to-last of b', () => {
    const a = range(12).reshape([2, 3, 2]);
    const r = dot(a, tensor([1, -1]));
    expect(r.shape).toEqual([2, 3]);
    expect(r.arraySync()).toEqual([
      [-1, -1, -1],
      [-1, -1, -1],
    ]);
    const l = dot(tensor([1, 10]), range(12).reshape([3, 2, 2]));
    // l[i, m] = b[i, 0, m] + 10 * b[i, 1, m]
    expect(l.shape).toEqual([3, 2]);
    expect(l.arraySync()).toEqual([
      [20, 31],
      [64, 75],
      [108, 119],
    ]);
    expect(
      dot(
        tensor([1, 2]),
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ).arraySync(),
    ).toEqual([7, 10]);
  });

  test('N-D . M-D: dot(a, b)[i,j,k,m] = sum(a[i,j,:] * b[k,:,m]) (NumPy docs shape example)', () => {
    const a = range(24).reshape([2, 3, 4]);
    const b = range(40).reshape([2, 4, 5]).mul(0.5);
    const r = dot(a, b);
    expect(r.shape).toEqual([2, 3, 2, 5]);
    const av = a.arraySync() as number[][][];
    const bv = b.arraySync() as number[][][];
    const rv = r.arraySync() as number[][][][];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 2; k++)
          for (let m = 0; m < 5; m++) {
            let s = 0;
            for (let p = 0; p < 4; p++) s += av[i][j][p] * bv[k][p][m];
            expect(rv[i][j][k][m]).toBe(s);
          }
    // NumPy docs: a = ones((9, 5, 7, 4)), c = ones((9, 5, 4, 3)) -> dot shape (9, 5, 7, 9, 5, 3)
    expect(dot(zeros([9, 5, 7, 4]), zeros([9, 5, 4, 3])).shape).toEqual([9, 5, 7, 9, 5, 3]);
  });

  test('a scalar operand multiplies; int32 stays int32', () => {
    expect(dot(scalar(3), tensor([1, 2])).arraySync()).toEqual([3, 6]);
    expect(dot(tensor([[1, 2]]), 2).arraySync()).toEqual([[2, 4]]);
    const i = dot(tensor([1, 2], undefined, 'int32'), tensor([3, 4], undefined, 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toBe(11);
  });

  test('zero-size dims', () => {
    expect(dot(zeros([0, 3]), zeros([3, 2])).shape).toEqual([0, 2]);
    expect(dot(zeros([2, 0]), zeros([0])).arraySync()).toEqual([0, 0]);
  });

  test('misaligned shapes throw a ShapeError naming both', () => {
    expect(() => dot(zeros([2, 3]), zeros([2, 3]))).toThrow(ShapeError);
    expect(() => dot(zeros([2, 3]), zeros([2, 3]))).toThrow(/dot: shapes \[2,3\] and \[2,3\] are not aligned/);
    expect(() => dot(zeros([3]), zeros([4]))).toThrow(ShapeError);
    expect(() => dot(zeros([2, 3, 4]), zeros([5]))).toThrow(/dot/);
  });
});

describe('outer', () => {
  test('NumPy: outer of flattened operands', () => {
    expect(outer(tensor([1, 2]), tensor([1, 10, 100])).arraySync()).toEqual([
      [1, 10, 100],
      [2, 20, 200],
    ]);
    const o = outer(
      tensor([
        [1, 2],
        [3, 4],
      ]),
      tensor([1, -1]),
    );
    expect(o.shape).toEqual([4, 2]);
    expect(o.arraySync()).toEqual([
      [1, -1],
      [2, -2],
      [3, -3],
      [4, -4],
    ]);
    expect(tensor([2]).outer(scalar(3)).arraySync()).toEqual([[6]]);
    expect(outer(zeros([0]), tensor([1, 2])).shape).toEqual([0, 2]);
  });
});
