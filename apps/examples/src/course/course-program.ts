/**
 * What a course program is to the `run all` harness: a section of the course, the program that
 * prints its worked example, and the headline values that must not rot.
 */

/** A headline value a course program prints: a number, a label, or a (nested) list of numbers. */
export type Headline = number | string | boolean | readonly number[] | readonly (readonly number[])[];

/**
 * One headline check: the value the program must print under `key`, within `tolerance`
 * (absolute, element-wise; 0 when omitted; strings and booleans compare exactly).
 * @example const check: CourseCheck = { key: 'w', expected: 913.5973, tolerance: 1e-3 };
 */
export interface CourseCheck {
  /** The name the program's `run` returns the value under. */
  readonly key: string;
  /** The value the course (or Keras / NumPy, where the course prints none) gives. */
  readonly expected: Headline;
  /** Absolute tolerance, element-wise. */
  readonly tolerance?: number;
  /** A check that only holds in the full run (more epochs), skipped in the short mode. */
  readonly fullOnly?: boolean;
}

/**
 * A course section's program, as the `run all` harness sees it.
 * @example
 * const entry: CourseProgram = {
 *   section: '2.1', title: 'MSE', name: 'ch2-mse',
 *   run: async () => ({ mse: 8 }), checks: [{ key: 'mse', expected: 8 }],
 * };
 */
export interface CourseProgram {
  /** The course's section number, e.g. '6.1'. */
  readonly section: string;
  /** The section's title, in English. */
  readonly title: string;
  /** The program's file name: `node apps/examples/dist/chapters/<name>.js` runs it. */
  readonly name: string;
  /** Runs the program (printing as it does on its own) and returns its headline values by key. */
  run(options: { readonly short: boolean }): Promise<Record<string, Headline>>;
  /** The headline values `run all` checks. */
  readonly checks: readonly CourseCheck[];
}
