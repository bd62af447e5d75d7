import { describe, expect, test } from 'vitest';
import type { Headline } from './course-program.js';
import { chapters5to7 } from './registry-5-7.js';

function near(actual: Headline | undefined, expected: Headline, tolerance: number): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const a = actual as readonly Headline[];
    expect(a.length).toBe(expected.length);
    for (const [i, e] of expected.entries()) near(a[i], e as Headline, tolerance);
  } else expect(actual).toBe(expected);
}

describe('chapters 5–7 in the short mode print the course values', () => {
  test('every entry names a distinct program', () => {
    const names = chapters5to7.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });
  // The Fashion-MNIST network (the slow one) is covered by its own test; the rest run here.
  for (const program of chapters5to7.filter((p) => p.name !== 'convolution-network')) {
    test(`${program.section} ${program.name}`, { timeout: 60_000 }, async () => {
      const values = await program.run({ short: true });
      for (const check of program.checks.filter((c) => !c.fullOnly))
        near(values[check.key], check.expected, check.tolerance ?? 0);
    });
  }
});
