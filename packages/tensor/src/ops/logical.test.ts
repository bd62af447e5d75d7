import { describe, expect, test } from 'vitest';
import { DTypeError, logicalAnd, logicalNot, logicalOr, ShapeError, tensor, zeros } from '../index.js';

describe('logical ops', () => {
  const p = tensor([true, true, false, false]);
  const q = tensor([true, false, true, false]);

  test('truth tables', () => {
    expect(logicalAnd(p, q).arraySync()).toEqual([1, 0, 0, 0]);
    expect(logicalOr(p, q).arraySync()).toEqual([1, 1, 1, 0]);
    expect(logicalNot(p).arraySync()).toEqual([0, 0, 1, 1]);
    expect(logicalAnd(p, q).dtype).toBe('bool');
    expect(logicalNot(p).dtype).toBe('bool');
  });

  test('broadcasting, scalars and zero-size', () => {
    const r = logicalAnd(tensor([[true], [false]]), tensor([true, false, true]));
    expect(r.shape).toEqual([2, 3]);
    expect(r.arraySync()).toEqual([
      [1, 0, 1],
      [0, 0, 0],
    ]);
    expect(logicalOr(tensor([false, true]), false).arraySync()).toEqual([0, 1]);
    expect(logicalNot(true).arraySync()).toBe(0);
    expect(logicalNot(zeros([0, 2], 'bool')).shape).toEqual([0, 2]);
  });

  test('method form', () => {
    expect(p.logicalAnd(q).arraySync()).toEqual([1, 0, 0, 0]);
    expect(p.logicalOr(q).arraySync()).toEqual([1, 1, 1, 0]);
    expect(q.logicalNot().arraySync()).toEqual([0, 1, 0, 1]);
  });

  test('non-bool input is a DTypeError naming the op and the dtype', () => {
    expect(() => logicalAnd(tensor([1.5]), tensor([true]))).toThrow(DTypeError);
    expect(() => logicalAnd(tensor([1.5]), tensor([true]))).toThrow(/logicalAnd: .*'a'.* got float32/);
    expect(() => logicalOr(tensor([true]), tensor([1], [1], 'int32'))).toThrow(/logicalOr: .*'b'.* got int32/);
    expect(() => logicalNot(tensor([0]))).toThrow(/logicalNot: .* got float32/);
  });

  test('shapes that do not broadcast throw ShapeError', () => {
    expect(() => logicalAnd(zeros([2], 'bool'), zeros([3], 'bool'))).toThrow(ShapeError);
    expect(() => logicalOr(zeros([2], 'bool'), zeros([3], 'bool'))).toThrow(/logicalOr/);
  });
});
