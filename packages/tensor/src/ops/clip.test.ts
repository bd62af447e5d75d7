import { describe, expect, test } from 'vitest';
import { clip, tensor, ValueError, zeros } from '../index.js';

describe('clip', () => {
  test('limits values like np.clip, NaN passes through', () => {
    expect(clip(tensor([-2, 0.5, 3, Number.NaN]), 0, 1).arraySync()).toEqual([0, 0.5, 1, Number.NaN]);
    expect(clip(tensor([[-5, 5]]), -1, Number.POSITIVE_INFINITY).arraySync()).toEqual([[-1, 5]]);
    expect(clip(tensor([1, 2]), 1.5, 1.5).arraySync()).toEqual([1.5, 1.5]);
  });

  test('int32 stays int32 with whole bounds, becomes float32 with fractional ones', () => {
    const i = tensor([1, 5, 9], [3], 'int32');
    const r = clip(i, 2, 6);
    expect(r.dtype).toBe('int32');
    expect(r.arraySync()).toEqual([2, 5, 6]);
    // np.clip(np.array([1, 5]), 1.5, 3.5) = [1.5, 3.5]
    const f = clip(tensor([1, 5], [2], 'int32'), 1.5, 3.5);
    expect(f.dtype).toBe('float32');
    expect(f.arraySync()).toEqual([1.5, 3.5]);
    expect(clip(i, Number.NEGATIVE_INFINITY, 4).arraySync()).toEqual([1, 4, 4]);
    const b = clip(tensor([true, false]), 0, 0);
    expect(b.dtype).toBe('int32');
    expect(b.arraySync()).toEqual([0, 0]);
  });

  test('scalars, zero-size and the method form', () => {
    expect(clip(7, 0, 5).arraySync()).toBe(5);
    expect(clip(zeros([0, 2]), 0, 1).shape).toEqual([0, 2]);
    expect(tensor([-3, 3]).clip(-1, 1).arraySync()).toEqual([-1, 1]);
  });

  test('min > max and non-number bounds are ValueErrors naming clip', () => {
    expect(() => clip(tensor([1]), 2, 1)).toThrow(ValueError);
    expect(() => clip(tensor([1]), 2, 1)).toThrow(/clip: min must not exceed max, got min 2 and max 1/);
    expect(() => clip(tensor([1]), Number.NaN, 1)).toThrow(/clip: min/);
    expect(() => clip(tensor([1]), 0, '1' as unknown as number)).toThrow(/clip: max/);
  });
});
