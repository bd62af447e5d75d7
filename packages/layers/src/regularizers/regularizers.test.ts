import { grad } from '@horn/autograd';
import { tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import { getRegularizer, L1, L1L2, L2, serializeRegularizer } from '../index.js';

const w = () => tensor([1, 2, 3]);

describe('regularizers', () => {
  test('penalties by hand: l2 0.01 on [1, 2, 3] is 0.14, l1 is 0.06', () => {
    expect(new L2().apply(w()).dataSync()[0]).toBeCloseTo(0.14, 6);
    expect(new L1().apply(tensor([-1, 2, -3])).dataSync()[0]).toBeCloseTo(0.06, 6);
    expect(new L1L2({ l1: 0.1, l2: 0.01 }).apply(w()).dataSync()[0]).toBeCloseTo(0.6 + 0.14, 6);
    // Keras 3's L1L2 defaults to zero penalties.
    expect(new L1L2().apply(w()).dataSync()[0]).toBe(0);
    expect(new L1L2().getConfig()).toEqual({ l1: 0, l2: 0 });
  });

  test('gradients: 2·l2·w and l1·sign(w)', () => {
    expect(Array.from(grad((x) => new L2({ l2: 0.5 }).apply(x))(w()).dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(grad((x) => new L1({ l1: 0.5 }).apply(x))(tensor([-2, 3])).dataSync())).toEqual([-0.5, 0.5]);
  });

  test('getRegularizer resolves ids, instances and configs; unknown ids list the valid ones', () => {
    expect(getRegularizer('l2')).toBeInstanceOf(L2);
    expect(getRegularizer('L1')).toBeInstanceOf(L1);
    expect(getRegularizer('l1_l2')).toBeInstanceOf(L1L2);
    expect(getRegularizer('l1l2')).toBeInstanceOf(L1L2);
    const r = new L2({ l2: 0.3 });
    expect(getRegularizer(r)).toBe(r);
    expect(serializeRegularizer(r)).toEqual({ className: 'L2', config: { l2: 0.3 } });
    expect(getRegularizer(serializeRegularizer(r))).toMatchObject({ l2: 0.3 });
    expect(() => getRegularizer('l3')).toThrow(
      "getRegularizer: unknown regularizer 'l3'; valid ids are l1, l2, l1l2 (camelCase or snake_case)",
    );
    expect(() => new L2({ l2: -1 })).toThrow(ValueError);
    expect(() => new L2({ l2: -1 })).toThrow('L2: l2 must be a non-negative finite number, got -1');
  });
});
