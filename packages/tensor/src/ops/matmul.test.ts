import { describe, expect, test } from 'vitest';
import { type ArrayValue, matmul, randomUniform, range, ShapeError, tensor, zeros } from '../index.js';

type Matrix = number[][];

function naive(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

function transposed(m: Matrix): Matrix {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

function expectClose(actual: ArrayValue, expected: ArrayValue, digits = 4): void {
  if (typeof expected === 'number') {
    expect(actual).toBeCloseTo(expected, digits);
    return;
  }
  expect(Array.isArray(actual) && actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose((actual as ArrayValue[])[i], expected[i], digits);
}

describe('matmul', () => {
  test('course (Keras lecture): np.dot shapes of matrices', () => {
    expect(matmul(tensor([[1, 2, 3]]), tensor([[2], [2], [2]])).arraySync()).toEqual([[12]]);
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(matmul(a, tensor([[2], [2], [2]])).arraySync()).toEqual([[12], [30]]);
    expect(
      matmul(
        a,
        tensor([
          [1, 2],
          [1, 2],
          [1, 2],
        ]),
      ).arraySync(),
    ).toEqual([
      [6, 12],
      [15, 30],
    ]);
    expect(matmul(tensor([[1], [1], [1]]), tensor([[2, 4, 6]])).arraySync()).toEqual([
      [2, 4, 6],
      [2, 4, 6],
      [2, 4, 6],
    ]);
  });

  test('all four transpose combinations agree with a naive triple loop', () => {
    const a = randomUniform([6, 4], { min: -1, max: 1, seed: 1 }).arraySync() as Matrix; // 6 rows: a block of 4 and 2 more
    const b = randomUniform([4, 5], { min: -1, max: 1, seed: 2 }).arraySync() as Matrix;
    const expected = naive(a, b);
    const at = transposed(a);
    const bt = transposed(b);
    expectClose(matmul(tensor(a), tensor(b)).arraySync(), expected);
    expectClose(matmul(tensor(at), tensor(b), true).arraySync(), expected);
    expectClose(matmul(tensor(a), tensor(bt), false, true).arraySync(), expected);
    expectClose(matmul(tensor(at), tensor(bt), true, true).arraySync(), expected);
    expectClose(tensor(at).matmul(tensor(bt), true, true).arraySync(), expected);
  });

  test('batch dims broadcast: [2,1,3,4] x [5,4,2] -> [2,5,3,2], against a naive loop', () => {
    const a = randomUniform([2, 1, 3, 4], { min: -2, max: 2, seed: 3 });
    const b = randomUniform([5, 4, 2], { min: -2, max: 2, seed: 4 });
    const out = matmul(a, b);
    expect(out.shape).toEqual([2, 5, 3, 2]);
    const av = a.arraySync() as Matrix[][];
    const bv = b.arraySync() as Matrix[];
    const expected = [0, 1].map((i) => [0, 1, 2, 3, 4].map((j) => naive(av[i][0], bv[j])));
    expectClose(out.arraySync(), expected);
    // with both operands transposed, the same product
    const swap = [0, 1, 3, 2];
    const b3 = b.transpose([0, 2, 1]);
    expectClose(matmul(a.transpose(swap), b3, true, true).arraySync(), expected);
  });

  test('a 2-D operand broadcasts against a batch', () => {
    const a = range(12).reshape([2, 2, 3]);
    const w = tensor([[1], [0], [-1]]);
    expect(matmul(a, w).arraySync()).toEqual([
      [[-2], [-2]],
      [[-2], [-2]],
    ]);
    expect(matmul(w, a.reshape([2, 3, 2]), true).arraySync()).toEqual([[[-4, -4]], [[-4, -4]]]);
  });

  test('int32 stays int32 and wraps like NumPy; bool computes as int32; mixed promotes', () => {
    const i = matmul(tensor([[1, 2]], undefined, 'int32'), tensor([[3], [4]], undefined, 'int32'));
    expect(i.dtype).toBe('int32');
    expect(i.arraySync()).toEqual([[11]]);
    const ai = randomUniform([5, 3], { min: -50, max: 50, seed: 5, dtype: 'int32' });
    const bi = randomUniform([3, 4], { min: -50, max: 50, seed: 6, dtype: 'int32' });
    expect(matmul(ai, bi).arraySync()).toEqual(naive(ai.arraySync() as Matrix, bi.arraySync() as Matrix));
    const big = matmul(tensor([[65536]], undefined, 'int32'), tensor([[65537]], undefined, 'int32'));
    expect(big.arraySync()).toEqual([[65536]]); // 2^32 + 2^16 wraps to 2^16
    const b = matmul(tensor([[true, true]]), tensor([[true], [true]]));
    expect(b.dtype).toBe('int32');
    expect(b.arraySync()).toEqual([[2]]);
    const m = matmul(tensor([[1, 2]], undefined, 'int32'), tensor([[0.5], [0.25]]));
    expect(m.dtype).toBe('float32');
    expect(m.arraySync()).toEqual([[1]]);
  });

  test('zero-size dims', () => {
    expect(matmul(zeros([0, 3]), zeros([3, 2])).shape).toEqual([0, 2]);
    const k0 = matmul(zeros([2, 0]), zeros([0, 3]));
    expect(k0.arraySync()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(matmul(zeros([0, 2, 3]), zeros([3, 4])).shape).toEqual([0, 2, 4]);
  });

  test('errors name both shapes and the transpose flags', () => {
    expect(() => matmul(zeros([2, 3]), zeros([2, 3]))).toThrow(ShapeError);
    expect(() => matmul(zeros([2, 3]), zeros([2, 3]))).toThrow(
      'matmul: inner dimensions differ: a [2,3], b [2,3] (transposeA=false, transposeB=false)',
    );
    expect(() => matmul(zeros([2, 3]), zeros([2, 3]), true, true)).toThrow(/transposeA=true, transposeB=true/);
    expect(matmul(zeros([2, 3]), zeros([2, 3]), false, true).shape).toEqual([2, 2]);
    expect(() => matmul(zeros([3]), zeros([3, 2]))).toThrow(ShapeError);
    expect(() => matmul(zeros([3]), zeros([3, 2]))).toThrow(/rank >= 2.*use dot/);
    expect(() => matmul(zeros([2, 2, 3]), zeros([3, 3, 1]))).toThrow(ShapeError);
    expect(() => matmul(zeros([2, 2, 3]), zeros([3, 3, 1]))).toThrow(/batch dimensions \[2\] and \[3\]/);
  });
});
