import type { CourseCheck, CourseProgram, Headline } from './course-program.js';

/** The outcome of one {@link CourseCheck} against what a program returned. */
export interface CheckResult {
  /** The section of the program the check belongs to. */
  readonly section: string;
  /** The program's name. */
  readonly program: string;
  /** The check's key. */
  readonly key: string;
  /** The expected value, as text. */
  readonly expected: string;
  /** The value the program returned, as text (`(missing)` when it returned none). */
  readonly got: string;
  /** Whether the value matched (a skipped check counts as passing). */
  readonly ok: boolean;
  /** Set when the check was skipped (a full-only check in the short mode). */
  readonly skipped: boolean;
  /** Why it failed, naming expected and given; empty when it passed. */
  readonly message: string;
}

/**
 * A headline value as the `run all` table shows it: numbers to 6 significant digits, lists in
 * brackets.
 * @example formatHeadline([0.09003057, 0.24472847]); // '[0.0900306, 0.244728]'
 */
export function formatHeadline(value: Headline | undefined): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  return `[${(value as readonly (number | readonly number[])[]).map((v) => formatHeadline(v as Headline)).join(', ')}]`;
}

function shapeOf(value: Headline): string {
  if (typeof value !== 'object') return typeof value;
  const first = value[0];
  return typeof first === 'object' ? `list of ${value.length} lists` : `list of ${value.length} numbers`;
}

/**
 * Compares a returned headline value with the expected one: numbers (element-wise, in nested
 * lists too) within the absolute `tolerance`, strings and booleans exactly. Returns why they
 * differ, or `''` when they match.
 * @example
 * compareHeadline(913.6, 913.5973, 1e-2); // ''
 * compareHeadline(0.5, 0.57, 1e-3); // 'expected 0.57 ± 0.001, got 0.5 (off by 0.07)'
 */
export function compareHeadline(got: Headline | undefined, expected: Headline, tolerance = 0): string {
  if (!(tolerance >= 0)) throw new Error(`compareHeadline: tolerance must be a number >= 0, got ${tolerance}`);
  if (got === undefined) return `expected ${formatHeadline(expected)}, got no value`;
  const plusMinus = tolerance > 0 ? ` ± ${tolerance}` : '';
  if (typeof expected === 'number') {
    if (typeof got !== 'number') return `expected the number ${formatHeadline(expected)}, got a ${shapeOf(got)}`;
    const off = Math.abs(got - expected);
    if (Number.isNaN(got) || !(off <= tolerance)) {
      return `expected ${formatHeadline(expected)}${plusMinus}, got ${formatHeadline(got)} (off by ${formatHeadline(off)})`;
    }
    return '';
  }
  if (typeof expected === 'string' || typeof expected === 'boolean') {
    return got === expected ? '' : `expected ${formatHeadline(expected)}, got ${formatHeadline(got)}`;
  }
  if (typeof got !== 'object' || got.length !== expected.length) {
    return `expected a ${shapeOf(expected)}, got ${typeof got === 'object' ? `a ${shapeOf(got)}` : formatHeadline(got)}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const why = compareHeadline(got[i] as Headline, expected[i] as Headline, tolerance);
    if (why) return `at [${i}]: ${why}`;
  }
  return '';
}

/**
 * Checks what a program returned against each of its {@link CourseCheck}s; full-only checks are
 * skipped in the short mode.
 * @example
 * const results = checkProgram(entry, await entry.run({ short: true }), true);
 * const failed = results.filter((r) => !r.ok);
 */
export function checkProgram(
  program: CourseProgram,
  values: Readonly<Record<string, Headline>>,
  short: boolean,
): CheckResult[] {
  return program.checks.map((check) => {
    const got = values[check.key];
    const skipped = short && check.fullOnly === true;
    const message = skipped ? '' : compareHeadline(got, check.expected, check.tolerance);
    const plusMinus = check.tolerance ? ` ± ${check.tolerance}` : '';
    return {
      section: program.section,
      program: program.name,
      key: check.key,
      expected: `${formatHeadline(check.expected)}${plusMinus}`,
      got: formatHeadline(got),
      ok: message === '',
      skipped,
      message: message && `${program.name} (${program.section}) ${check.key}: ${message}`,
    };
  });
}
