/**
 * `pnpm bench`: Horn against @tensorflow/tfjs on the same work in the same process, interleaved.
 * Prints a markdown report on stdout and writes the JSON beside it in results/ (or prints the JSON
 * with --json). Progress goes to stderr.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { memory } from '@horn/tensor';
import { type BenchOptions, parseArgs, type SuiteName, USAGE, UsageError } from './args.js';
import { loadLibraries } from './libraries.js';
import { machineInfo } from './machine.js';
import type { Measurement } from './measurement.js';
import { loadMnistSubset, type MnistSubset, writeTrainingFile } from './mnist-data.js';
import { REPO_ROOT } from './paths.js';
import { type BenchReport, markdownReport } from './report.js';
import { convSuite } from './suites/conv.js';
import { depthwiseSuite } from './suites/depthwise.js';
import { lstmMemorySuite } from './suites/lstm-memory.js';
import { lstmTrainingSuite } from './suites/lstm-training.js';
import { matmulSuite } from './suites/matmul.js';
import type { SuiteContext } from './suites/run-case.js';
import { timeStart } from './suites/start.js';
import { trainingSizes, trainingSuite } from './suites/training.js';

function versionOf(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function run(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const log = (line: string) =>
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  const libs = await loadLibraries(options.backends, { horn: true, tfjs: true, wasmThreads: options.wasmThreads });
  const unavailable: Record<string, string> = {};
  for (const [id, a] of libs.available) if (!a.ok) unavailable[id] = a.reason;
  const ctx: SuiteContext = { options, libs, log };
  const measurements: Measurement[] = [];
  const hornFallbacks: Record<string, Record<string, number>> = {};
  let data: MnistSubset | undefined;
  const dataFile = join(tmpdir(), `horn-bench-mnist-${process.pid}.f32`);
  const suites: Record<SuiteName, () => Promise<Measurement[]>> = {
    matmul: () => matmulSuite(ctx),
    conv: () => convSuite(ctx),
    mlp: () => trainingSuite(ctx, 'mlp', data!, dataFile),
    cnn: () => trainingSuite(ctx, 'cnn', data!, dataFile),
    depthwise: () => depthwiseSuite(ctx),
    // Memory first: a child's peak RSS counts from its fork, so it must start before this process grows.
    lstm: async () => [...(await lstmMemorySuite(ctx)), ...(await lstmTrainingSuite(ctx))],
  };
  try {
    for (const name of options.only) {
      if ((name === 'mlp' || name === 'cnn') && data === undefined) {
        const { batchSize, batches, nTest } = trainingSizes(options.quick);
        log('loading MNIST');
        data = await loadMnistSubset(batchSize * batches, nTest);
        writeTrainingFile(dataFile, data);
      }
      const before = { ...memory().fallbacks };
      measurements.push(...(await suites[name]()));
      const after = memory().fallbacks;
      const grown = Object.entries(after).filter(([k, n]) => n > (before[k] ?? 0));
      hornFallbacks[name] = Object.fromEntries(grown.map(([k, n]) => [k, n - (before[k] ?? 0)]));
    }
  } finally {
    rmSync(dataFile, { force: true });
  }
  let start: BenchReport['start'];
  if (options.withStart) {
    log('timing pnpm start');
    start = await timeStart();
  }
  return {
    date: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
    options,
    machine: machineInfo(),
    versions: {
      '@tensorflow/tfjs': versionOf('@tensorflow/tfjs'),
      '@tensorflow/tfjs-backend-wasm': versionOf('@tensorflow/tfjs-backend-wasm'),
    },
    unavailable,
    hornWasmThreads: { requested: options.wasmThreads, reported: libs.hornWasmThreads ?? null },
    measurements,
    hornFallbacks,
    start,
  };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2), availableParallelism());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const report = await run(options);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (options.json) {
    process.stdout.write(json);
    return;
  }
  process.stdout.write(markdownReport(report));
  const file =
    options.out ?? join(REPO_ROOT, 'tooling', 'bench', 'results', `bench-${report.date.replace(/[:.]/g, '-')}.json`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, json);
  process.stderr.write(`JSON written to ${file}\n`);
}

// Exit explicitly: backends may keep worker threads alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
