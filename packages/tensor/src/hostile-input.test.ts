import { describe, expect, test } from 'vitest';
import { formatValue } from './format-value.js';
import { zeros } from './index.js';

describe('formatValue prints a value as it was given', () => {
  test.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [-0, '-0'],
    [2, '2'],
    ['2', "'2'"],
    [['2'], "['2']"],
    [[2, Number.NaN, '3'], "[2, NaN, '3']"],
    [10n, '10n'],
    [undefined, 'undefined'],
    [null, 'null'],
    [{ units: Number.NaN, name: 'd' }, "{ units: NaN, name: 'd' }"],
    [{}, '{}'],
    [new Map(), 'a Map'],
    [new Float32Array(3), 'a Float32Array of 3'],
    [function relu() {}, "a function 'relu'"],
    [[[[[[1]]]]], '[[[[…]]]]'],
  ])('%s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });

  test('long values are cut', () => {
    const text = formatValue('x'.repeat(500));
    expect(text).toHaveLength(120);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('hostile inputs to tensor creation', () => {
  test("zeros(['2']) names the string it was given", () => {
    expect(() => zeros(['2'] as never)).toThrow("full: expected a shape of non-negative integers, got ['2']");
    expect(() => zeros([2, Number.NaN])).toThrow('got [2, NaN]');
    expect(() => zeros([2, -1])).toThrow('got [2, -1]');
  });

  test('a tensor too large for a typed array names its size and the limit, not "Invalid typed array length"', () => {
    // 100,000 x 100,000 float32: a 37.25 GiB Dense kernel.
    expect(() => zeros([100_000, 100_000])).toThrow(
      /cannot allocate 10,000,000,000 float32 elements \(37\.25 GiB\) for one tensor: the largest typed array this JavaScript engine allows is smaller/,
    );
  });
});
