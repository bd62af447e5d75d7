import { type Tensor, tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { getConstraint, MaxNorm, MinMaxNorm, NonNeg, serializeConstraint, UnitNorm } from '../index.js';

const close = (t: Tensor, expected: number[], digits = 5) => {
  const got = Array.from(t.dataSync());
  expect(got.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(got[i]).toBeCloseTo(e, digits);
};

// Two columns: norms 5 and 1.
const w = () =>
  tensor([
    [3, 0.6],
    [4, 0.8],
  ]);

describe('constraints', () => {
  test('MaxNorm clips each column norm to maxValue (default 2, axis 0)', () => {
    close(new MaxNorm().apply(w()), [3 * 0.4, 0.6, 4 * 0.4, 0.8]);
    close(new MaxNorm({ maxValue: 0.5 }).apply(w()), [0.3, 0.3, 0.4, 0.4]);
    // axis 1: row norms sqrt(9.36) and sqrt(16.64)
    const r0 = Math.sqrt(9 + 0.36);
    const r1 = Math.sqrt(16 + 0.64);
    close(new MaxNorm({ maxValue: 2, axis: 1 }).apply(w()), [
      (3 * 2) / r0,
      (0.6 * 2) / r0,
      (4 * 2) / r1,
      (0.8 * 2) / r1,
    ]);
  });

  test('NonNeg zeroes negative weights', () => {
    close(new NonNeg().apply(tensor([-1, 0, 2])), [0, 0, 2]);
  });

  test('UnitNorm divides each column by its norm', () => {
    close(new UnitNorm().apply(w()), [0.6, 0.6, 0.8, 0.8]);
  });

  test('MinMaxNorm moves norms into [minValue, maxValue] at the given rate', () => {
    close(new MinMaxNorm({ minValue: 2, maxValue: 3 }).apply(w()), [3 * 0.6, 0.6 * 2, 4 * 0.6, 0.8 * 2]);
    // rate 0.5: column 0 norm 5 -> 0.5·3 + 0.5·5 = 4; column 1 norm 1 -> 0.5·2 + 0.5·1 = 1.5
    close(new MinMaxNorm({ minValue: 2, maxValue: 3, rate: 0.5 }).apply(w()), [3 * 0.8, 0.6 * 1.5, 4 * 0.8, 0.8 * 1.5]);
    expect(() => new MinMaxNorm({ minValue: 2, maxValue: 1 })).toThrow(
      'MinMaxNorm: maxValue must be >= minValue, got minValue=2, maxValue=1',
    );
    expect(() => new MinMaxNorm({ rate: 2 })).toThrow(ValueError);
  });

  test('getConstraint resolves ids, instances and configs; unknown ids list the valid ones', () => {
    expect(getConstraint('max_norm')).toBeInstanceOf(MaxNorm);
    expect(getConstraint('nonNeg')).toBeInstanceOf(NonNeg);
    expect(getConstraint('UnitNorm')).toBeInstanceOf(UnitNorm);
    expect(getConstraint('min_max_norm')).toBeInstanceOf(MinMaxNorm);
    expect(serializeConstraint(new MaxNorm())).toEqual({ className: 'MaxNorm', config: { maxValue: 2, axis: 0 } });
    expect(getConstraint({ className: 'MaxNorm', config: { maxValue: 3, axis: [0, 1] } })).toMatchObject({
      maxValue: 3,
      axis: [0, 1],
    });
    expect(() => getConstraint('max')).toThrow(
      "getConstraint: unknown constraint 'max'; valid ids are maxNorm, nonNeg, unitNorm, minMaxNorm (camelCase or snake_case)",
    );
    expect(() => new MaxNorm({ axis: 0.5 })).toThrow(/axis must be an integer/);
  });
});
