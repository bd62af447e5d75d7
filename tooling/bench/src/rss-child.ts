/**
 * A child process of `pnpm bench`: trains one network on one contender, alone, and prints its peak
 * resident set size as JSON on the last line of stdout. Peak RSS is per process, so it is measured here
 * rather than in the bench process, where both libraries and every network live side by side.
 */
import { loadContender } from './libraries.js';
import type { ContenderId } from './measurement.js';
import { readTrainingFile } from './mnist-data.js';
import type { NetworkId } from './networks.js';
import { type HornTrainer, hornRunner, tfjsRunner } from './runners.js';

/** What the bench asks a child to train. */
export interface RssChildSpec {
  network: NetworkId;
  contender: ContenderId;
  /** Written by writeTrainingFile. */
  dataFile: string;
  nTrain: number;
  batchSize: number;
  /** Batches to train, unless maxMs runs out first (at least 1). */
  batches: number;
  maxMs: number;
  wasmThreads: number;
  hornTrainer: HornTrainer;
}

/** What a child prints. */
export interface RssChildResult {
  peakRssMiB: number;
  rssBeforeTrainingMiB: number;
  batches: number;
}

const mib = (bytes: number) => bytes / 2 ** 20;

async function main(spec: RssChildSpec): Promise<RssChildResult> {
  const data = readTrainingFile(spec.dataFile, spec.nTrain);
  const horn = spec.contender.startsWith('horn');
  const libs = await loadContender(spec.contender, spec.wasmThreads);
  const runner = horn
    ? hornRunner(spec.network, data, spec.batchSize, spec.hornTrainer)
    : tfjsRunner(libs.tf!, spec.network, data, spec.batchSize);
  const rssBeforeTrainingMiB = mib(process.memoryUsage().rss);
  const start = performance.now();
  let batches = 0;
  while (batches < 1 || (batches < spec.batches && performance.now() - start < spec.maxMs)) {
    await runner.train(1);
    batches++;
  }
  return { peakRssMiB: process.resourceUsage().maxRSS / 1024, rssBeforeTrainingMiB, batches };
}

main(JSON.parse(process.argv[2] ?? '{}') as RssChildSpec).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
