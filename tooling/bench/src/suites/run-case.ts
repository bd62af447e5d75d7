import type { BenchOptions } from '../args.js';
import type { Libraries } from '../libraries.js';
import { message } from '../libraries.js';
import { type InterleaveOptions, interleave, summarize, type Task } from '../measure.js';
import { CONTENDERS, type ContenderId, type Measurement, type MissingStatus, missing } from '../measurement.js';
import type { Direction } from '../stats.js';

/** What every suite gets: the command line and the loaded libraries. */
export interface SuiteContext {
  options: BenchOptions;
  libs: Libraries;
  /** Progress lines (stderr), so that stdout stays the report. */
  log(line: string): void;
}

/** A task with tensors to free afterwards. */
export interface DisposableTask extends Task {
  dispose?(): void;
}

/** What a contender's maker returns: a task, why the contender cannot do this work, or why it is not tried. */
export type Made = DisposableTask | { fails: string } | { skipped: string };

/** A figure derived from ms per iteration. */
export interface MetricSpec {
  metric: string;
  direction: Direction;
  fromMs(ms: number): number;
}

/**
 * Measures one case on every requested contender (makers are called with the contender's backend
 * active, so its tensors live there), interleaved, and returns a measurement per contender and metric.
 * @example await runCase(ctx, 'matmul', '1024', makers, [{ metric: 'GFLOP/s', direction: 'higher', fromMs }], opts)
 */
export async function runCase(
  ctx: SuiteContext,
  suite: string,
  caseName: string,
  makers: Partial<Record<ContenderId, () => Made>>,
  metrics: readonly MetricSpec[],
  measure: InterleaveOptions,
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const tasks: DisposableTask[] = [];
  const all = (contender: ContenderId, status: MissingStatus, note: string) => {
    for (const m of metrics) out.push(missing(suite, caseName, contender, m.metric, m.direction, status, note));
  };
  for (const contender of CONTENDERS) {
    const make = makers[contender];
    const availability = ctx.libs.available.get(contender);
    if (make === undefined || availability === undefined) continue;
    if (!availability.ok) {
      all(contender, 'unavailable', availability.reason);
      continue;
    }
    await ctx.libs.activate(contender);
    const made = make();
    if ('fails' in made) all(contender, 'failed', made.fails);
    else if ('skipped' in made) all(contender, 'skipped', made.skipped);
    else tasks.push(made);
  }
  ctx.log(`${suite} ${caseName}: ${tasks.map((t) => t.contender).join(', ')}`);
  const timings = await interleave(tasks, ctx.libs.activate, measure);
  for (const [i, timing] of timings.entries()) {
    await ctx.libs.activate(timing.contender);
    tasks[i].dispose?.();
    if (timing.error !== undefined) {
      all(timing.contender, 'failed', message(timing.error).split('\n')[0]);
      continue;
    }
    for (const m of metrics) {
      out.push({
        suite,
        case: caseName,
        contender: timing.contender,
        metric: m.metric,
        direction: m.direction,
        status: 'ok',
        ...summarize(timing.msPerIteration, m.fromMs),
        ...(timing.once
          ? { footnote: `measured by one run (it took ${(timing.msPerIteration[0] / 1000).toFixed(1)} s)` }
          : {}),
      });
    }
  }
  return out;
}

/**
 * Deterministic pseudo-random floats in [-1, 1) (a 32-bit LCG), so both libraries get the same data.
 * @example randomFloats(4, 1).length // 4
 */
export function randomFloats(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}
