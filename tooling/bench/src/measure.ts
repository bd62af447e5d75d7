import type { ContenderId } from './measurement.js';
import { median } from './stats.js';

/** One contender's piece of work: `run(k)` does it k times, reading results back. */
export interface Task {
  contender: ContenderId;
  run(iterations: number): unknown;
}

/** How `interleave` measures. */
export interface InterleaveOptions {
  /**
   * Untimed runs of one iteration each before measuring: at least this many, and more (up to 100)
   * until `warmupMs` have passed, so that JIT tiers settle; the last one calibrates.
   */
  warmup: number;
  warmupMs: number;
  /** Timed repetitions per task (fewer when `maxTaskMs` would be exceeded, never fewer than 3). */
  reps: number;
  /** Iterations per repetition: this many if given, else enough to last `minSampleMs`. */
  iterations?: number;
  minSampleMs: number;
  /**
   * No repetition of a task runs much longer than this: iterations are cut to fit (at least 1). A
   * task whose single warm-up iteration takes longer is measured by that one run alone.
   */
  maxSampleMs: number;
  /** The time one task may take in all. */
  maxTaskMs: number;
}

/** What `interleave` measured for a task: ms per iteration, one entry per repetition, or the error. */
export interface TaskTiming {
  contender: ContenderId;
  iterations: number;
  msPerIteration: number[];
  /** True when one iteration outlasted maxSampleMs, so its first run is the only sample. */
  once: boolean;
  error?: unknown;
}

// No forced gc() before a timed run: a forced collection here made TF.js cpu's matmul 5-10x slower
// for the run that followed (measured), far worse than the garbage it would keep off the clock.
async function timed(task: Task, iterations: number): Promise<number> {
  const start = performance.now();
  await task.run(iterations);
  return performance.now() - start;
}

/**
 * Warms every task up, then measures them interleaved (A, B, A, B, ...) so that a change in the
 * machine's load hits every contender alike; `activate` switches library and backend before each run.
 * A task that throws is measured no further; its error is kept.
 * @example const [a, b] = await interleave([taskA, taskB], libs.activate, { warmup: 2, warmupMs: 200, reps: 5, minSampleMs: 50, maxSampleMs: 5000, maxTaskMs: 20000 });
 */
export async function interleave(
  tasks: readonly Task[],
  activate: (id: ContenderId) => Promise<void>,
  options: InterleaveOptions,
): Promise<TaskTiming[]> {
  const timings: TaskTiming[] = [];
  const reps: number[] = [];
  for (const task of tasks) {
    const timing: TaskTiming = { contender: task.contender, iterations: 1, msPerIteration: [], once: false };
    timings.push(timing);
    reps.push(0);
    try {
      await activate(task.contender);
      let once = Number.POSITIVE_INFINITY;
      const start = performance.now();
      for (let i = 0; i < 100 && (i < options.warmup || performance.now() - start < options.warmupMs); i++) {
        once = await timed(task, 1);
        if (once > options.maxSampleMs) break;
      }
      if (once > options.maxSampleMs) {
        timing.once = true;
        timing.msPerIteration.push(once);
        continue;
      }
      timing.iterations = iterationsFor(once, options);
      const perRep = once * timing.iterations;
      reps[reps.length - 1] = Math.max(
        3,
        Math.min(options.reps, Math.floor(options.maxTaskMs / Math.max(perRep, 1e-3))),
      );
    } catch (error) {
      timing.error = error;
    }
  }
  for (let rep = 0; rep < Math.max(0, ...reps); rep++) {
    for (let t = 0; t < tasks.length; t++) {
      const timing = timings[t];
      if (timing.error !== undefined || rep >= reps[t]) continue;
      try {
        await activate(tasks[t].contender);
        timing.msPerIteration.push((await timed(tasks[t], timing.iterations)) / timing.iterations);
      } catch (error) {
        timing.error = error;
      }
    }
  }
  return timings;
}

/**
 * Iterations per repetition from one warm iteration's time: the fixed count or enough to last
 * minSampleMs, cut so that a repetition stays within maxSampleMs.
 * @example iterationsFor(2, { iterations: 50, minSampleMs: 0, maxSampleMs: 40 }) // 20
 */
export function iterationsFor(
  onceMs: number,
  options: Pick<InterleaveOptions, 'iterations' | 'minSampleMs' | 'maxSampleMs'>,
): number {
  const wanted = options.iterations ?? Math.ceil(options.minSampleMs / Math.max(onceMs, 1e-3));
  return Math.max(1, Math.min(wanted, Math.floor(options.maxSampleMs / Math.max(onceMs, 1e-3))));
}

/**
 * The median of per-repetition values derived from a timing (e.g. GFLOP/s from ms), with the values.
 * @example summarize([10, 12, 11], (ms) => 1000 / ms) // { value: 90.9..., samples: [...] }
 */
export function summarize(msPerIteration: readonly number[], toMetric: (ms: number) => number) {
  const samples = msPerIteration.map(toMetric);
  return { value: median(samples), samples };
}
