import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { checkProgram, compareHeadline, formatHeadline } from './checks.js';
import type { CourseProgram } from './course-program.js';
import { courseRegistry } from './registry.js';
import { formatRunTable, runAll } from './run-all.js';

const sink = () => {
  const lines: string[] = [];
  return { lines, out: { write: (s: string) => lines.push(s) } };
};

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const toy: CourseProgram = {
  section: '2.1',
  title: 'toy',
  name: 'toy',
  run: async ({ short }) => ({ j: 8, w: short ? -0.9 : -0.92, list: [1, 2.0004], label: 'cat' }),
  checks: [
    { key: 'j', expected: 8 },
    { key: 'w', expected: -0.92, tolerance: 1e-9, fullOnly: true },
    { key: 'list', expected: [1, 2], tolerance: 1e-3 },
    { key: 'label', expected: 'cat' },
  ],
};

test('compareHeadline: numbers within tolerance, lists element-wise, strings exactly, clear messages', () => {
  expect(compareHeadline(913.6, 913.5973, 1e-2)).toBe('');
  expect(compareHeadline(0.5, 0.57, 1e-3)).toBe('expected 0.57 ± 0.001, got 0.5 (off by 0.07)');
  expect(compareHeadline(Number.NaN, 1, 10)).toBe('expected 1 ± 10, got NaN (off by NaN)');
  expect(compareHeadline([[1, 2]], [[1, 2.5]], 0.1)).toBe('at [0]: at [1]: expected 2.5 ± 0.1, got 2 (off by 0.5)');
  expect(compareHeadline([1], [1, 2])).toBe('expected a list of 2 numbers, got a list of 1 numbers');
  expect(compareHeadline(3, [3])).toBe('expected a list of 1 numbers, got 3');
  expect(compareHeadline([3], 3)).toBe('expected the number 3, got a list of 1 numbers');
  expect(compareHeadline('dog', 'cat')).toBe('expected "cat", got "dog"');
  expect(compareHeadline(undefined, 1)).toBe('expected 1, got no value');
  expect(() => compareHeadline(1, 1, -1)).toThrow('tolerance must be a number >= 0, got -1');
  expect(formatHeadline([0.09003057, 0.24472847])).toBe('[0.0900306, 0.244728]');
});

test('checkProgram skips full-only checks in the short mode and checks them in the full one', async () => {
  const short = checkProgram(toy, await toy.run({ short: true }), true);
  expect(short.map((r) => [r.key, r.ok, r.skipped])).toEqual([
    ['j', true, false],
    ['w', true, true],
    ['list', true, false],
    ['label', true, false],
  ]);
  const full = checkProgram(toy, { ...(await toy.run({ short: false })), w: -0.9 }, false);
  expect(full[1]).toMatchObject({ ok: false, got: '-0.9', expected: '-0.92 ± 1e-9' });
  expect(full[1].message).toBe('toy (2.1) w: expected -0.92 ± 1e-9, got -0.9 (off by 0.02)');
});

test('a wrong expected value fails the run, and so does a program that throws', async () => {
  const wrong: CourseProgram = { ...toy, name: 'wrong', checks: [{ key: 'j', expected: 9 }] };
  const broken: CourseProgram = {
    ...toy,
    name: 'broken',
    run: async () => {
      throw new Error('no data');
    },
  };
  const { lines, out } = sink();
  const report = await runAll([toy, wrong, broken], { short: true, out });
  expect(report.failed.map((f) => f.message)).toEqual([
    'wrong (2.1) j: expected 9, got 8 (off by 1)',
    'broken (2.1) threw: no data',
  ]);
  const text = lines.join('');
  expect(text).toMatch(/2\.1 +wrong +j +9 +8 +FAIL/);
  expect(text).toMatch(/2\.1 +toy +w +-0\.92 ± 1e-9 +-0\.9 +skipped/);
  expect(text).toContain('3 programs, 6 checks, 2 failed (short mode');
  expect(formatRunTable(report.runs)).toMatch(/toy +\(took \d+\.\d s\)/);
});

test('every registered course program passes its checks in the short mode', async () => {
  const names = courseRegistry.map((p) => p.name);
  expect(new Set(names).size).toBe(names.length);
  const { out } = sink();
  const report = await runAll(courseRegistry, { short: true, out });
  expect(report.failed.map((f) => f.message)).toEqual([]);
  expect(report.runs.length).toBe(courseRegistry.length);
}, 120_000);
