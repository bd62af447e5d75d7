import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { message } from '../libraries.js';
import type { LstmMemoryResult, LstmMemorySpec } from '../lstm-memory-child.js';
import { CONTENDERS, type Measurement, missing } from '../measurement.js';
import type { SuiteContext } from './run-case.js';

/** The sequence lengths of the row. */
export const LSTM_TIMES = [50, 100, 200] as const;
const BATCH_SIZE = 32;

/**
 * Peak RSS of LSTM(32) training at T = 50 / 100 / 200 (batch 32), each contender and length in
 * its own child process that loads only its library: BPTT memory should grow linearly in T.
 * @example await lstmMemorySuite(ctx)
 */
export async function lstmMemorySuite(ctx: SuiteContext): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const times = ctx.options.quick ? [LSTM_TIMES[0]] : LSTM_TIMES;
  for (const time of times) {
    for (const contender of CONTENDERS) {
      const availability = ctx.libs.available.get(contender);
      const caseName = `LSTM(32) train, T = ${time}`;
      if (availability === undefined) continue;
      if (!availability.ok) {
        out.push(missing('lstm', caseName, contender, 'MiB', 'lower', 'unavailable', availability.reason));
        continue;
      }
      ctx.log(`lstm ${caseName}: peak RSS of ${contender} in a child process`);
      out.push(
        childPeak(ctx, caseName, {
          contender,
          time,
          batchSize: BATCH_SIZE,
          batches: ctx.options.quick ? 1 : 4,
          wasmThreads: ctx.options.wasmThreads,
        }),
      );
    }
  }
  return out;
}

function childPeak(ctx: SuiteContext, caseName: string, spec: LstmMemorySpec): Measurement {
  const child = fileURLToPath(new URL('../lstm-memory-child.js', import.meta.url));
  const run = spawnSync(process.execPath, [child, JSON.stringify(spec)], { encoding: 'utf8', timeout: 300_000 });
  try {
    if (run.status !== 0) {
      const lines = String(run.stderr ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      throw new Error(
        run.error?.message ?? lines.find((l) => /Error\b/.test(l)) ?? lines.at(-1) ?? `exit code ${run.status}`,
      );
    }
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as LstmMemoryResult;
    const heap =
      result.wasmHeapPeakMiB === undefined ? '' : `; wasm heap peak ${result.wasmHeapPeakMiB.toFixed(0)} MiB in use`;
    return {
      suite: 'lstm',
      case: caseName,
      contender: spec.contender,
      metric: 'MiB',
      direction: 'lower',
      status: 'ok',
      value: result.peakRssMiB,
      samples: [result.peakRssMiB],
      note: `${spec.batches} batches in ${result.seconds.toFixed(1)} s; ${result.rssBeforeTrainingMiB.toFixed(0)} MiB before training${heap}`,
    };
  } catch (error) {
    ctx.log(`lstm ${caseName}: ${spec.contender} failed: ${message(error)}`);
    return missing('lstm', caseName, spec.contender, 'MiB', 'lower', 'failed', `peak RSS child: ${message(error)}`);
  }
}
