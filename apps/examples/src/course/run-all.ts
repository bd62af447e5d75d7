/**
 * `run all`: runs every course program in the course's order (short mode unless `--full`), checks
 * each one's headline values, prints a table (section · program · check · expected · got · ok)
 * with how long each program took, and exits 1 when any check fails.
 * Run: `pnpm --filter @horn/examples run all` (or `run all:full`).
 */
import { runIfMain } from '../run-if-main.js';
import { type CheckResult, checkProgram } from './checks.js';
import type { CourseProgram } from './course-program.js';
import { courseRegistry } from './registry.js';

/** Options of {@link runAll}. */
export interface RunAllOptions {
  /** The short mode (fewer epochs, smaller subsets); `false` is the full run. */
  readonly short: boolean;
  /** Where the table goes (the programs themselves print to the console). */
  readonly out?: { write(text: string): unknown };
}

/** One program's run: its checks and how long it took. */
export interface ProgramRun {
  readonly program: CourseProgram;
  readonly seconds: number;
  readonly results: readonly CheckResult[];
}

/** What {@link runAll} returns: every program's run, and the checks that failed. */
export interface RunAllReport {
  readonly runs: readonly ProgramRun[];
  readonly failed: readonly CheckResult[];
}

async function runOne(program: CourseProgram, short: boolean): Promise<ProgramRun> {
  const started = performance.now();
  let results: CheckResult[];
  try {
    results = checkProgram(program, await program.run({ short }), short);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    results = [
      {
        section: program.section,
        program: program.name,
        key: '(run)',
        expected: 'no error',
        got: text,
        ok: false,
        skipped: false,
        message: `${program.name} (${program.section}) threw: ${text}`,
      },
    ];
  }
  return { program, seconds: (performance.now() - started) / 1000, results };
}

/**
 * Formats runs as the table `run all` prints: one row per check, a time line per program.
 * @example console.log(formatRunTable((await runAll(courseRegistry, { short: true })).runs));
 */
export function formatRunTable(runs: readonly ProgramRun[]): string {
  const header = ['section', 'program', 'check', 'expected', 'got', 'ok'];
  const rows: string[][] = [];
  for (const run of runs) {
    for (const r of run.results) {
      rows.push([r.section, r.program, r.key, r.expected, r.got, r.skipped ? 'skipped' : r.ok ? 'ok' : 'FAIL']);
    }
    rows.push([run.program.section, run.program.name, `(took ${run.seconds.toFixed(1)} s)`, '', '', '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Runs the programs in order and checks their headline values; a program that throws counts as a
 * failed check. Prints the table to `out` and returns every run with the failed checks.
 * @example
 * const report = await runAll(courseRegistry, { short: true });
 * if (report.failed.length > 0) process.exitCode = 1;
 */
export async function runAll(programs: readonly CourseProgram[], options: RunAllOptions): Promise<RunAllReport> {
  const out = options.out ?? process.stdout;
  const runs: ProgramRun[] = [];
  const started = performance.now();
  for (const program of programs) {
    out.write(`\n=== ${program.section} ${program.title} (${program.name}) ===\n`);
    runs.push(await runOne(program, options.short));
  }
  const failed = runs.flatMap((run) => run.results.filter((r) => !r.ok));
  const checks = runs.reduce((n, run) => n + run.results.length, 0);
  const seconds = (performance.now() - started) / 1000;
  out.write(`\n${formatRunTable(runs)}\n\n`);
  out.write(
    `${programs.length} programs, ${checks} checks, ${failed.length} failed ` +
      `(${options.short ? 'short' : 'full'} mode, ${seconds.toFixed(1)} s)\n`,
  );
  for (const f of failed) out.write(`FAIL ${f.message}\n`);
  return { runs, failed };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--full');
  if (unknown.length > 0) throw new Error(`run-all: the only option is --full, got ${unknown.join(' ')}`);
  const report = await runAll(courseRegistry, { short: !args.includes('--full') });
  if (report.failed.length > 0) process.exitCode = 1;
}

runIfMain(import.meta.url, main);
