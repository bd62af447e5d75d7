import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { message } from '../libraries.js';
import type { InterleaveOptions } from '../measure.js';
import { CONTENDERS, type ContenderId, type Measurement, missing } from '../measurement.js';
import type { MnistSubset } from '../mnist-data.js';
import { NETWORK_LABELS, type NetworkId } from '../networks.js';
import type { RssChildResult, RssChildSpec } from '../rss-child.js';
import { hornRunner, type NetworkRunner, tfjsRunner } from '../runners.js';
import { SLOW_TFJS_FILTER_GRADIENT } from './conv.js';
import { type Made, runCase, type SuiteContext } from './run-case.js';

/** Batch size, batches per timed repetition and test samples of the training suites. */
export function trainingSizes(quick: boolean): { batchSize: number; batches: number; nTest: number } {
  return quick ? { batchSize: 32, batches: 2, nTest: 128 } : { batchSize: 128, batches: 50, nTest: 1024 };
}

/** The peak-RSS child is not started for a contender slower than this per batch. */
const MAX_RSS_BATCH_SECONDS = 20;

/** Kernels TF.js needs to train a CNN; its wasm backend lacks Conv2DBackpropFilter. */
const CNN_TRAINING_KERNELS = ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPool', 'MaxPoolGrad'];

/**
 * Trains each network of the suite ('mlp': the MLP; 'cnn': the CNN and the deeper CNN) on real MNIST
 * with Adam at a fixed batch size, interleaved across contenders: training samples/s, predict
 * samples/s, and (unless --no-rss) the peak RSS of a separate process that only trains.
 * @example await trainingSuite(ctx, 'mlp', data, '/tmp/mnist.f32')
 */
export async function trainingSuite(
  ctx: SuiteContext,
  suite: 'mlp' | 'cnn',
  data: MnistSubset,
  dataFile: string,
): Promise<Measurement[]> {
  const { quick } = ctx.options;
  const { batchSize, batches } = trainingSizes(quick);
  const networks: NetworkId[] = suite === 'mlp' ? ['mlp'] : ['cnn', 'deep-cnn'];
  const out: Measurement[] = [];
  for (const id of networks) {
    const label = NETWORK_LABELS[id];
    const runners = new Map<ContenderId, NetworkRunner>();
    // Made on the contender's backend (runCase activates it before calling a maker), once per network.
    const runnerFor = (contender: ContenderId): NetworkRunner => {
      let runner = runners.get(contender);
      if (runner === undefined) {
        runner = contender.startsWith('horn')
          ? hornRunner(id, data, batchSize, ctx.options.hornTrainer)
          : tfjsRunner(ctx.libs.tf!, id, data, batchSize);
        runners.set(contender, runner);
      }
      return runner;
    };
    const trainMakers = makersFor((contender): Made => {
      const tf = ctx.libs.tf;
      if (contender === 'tfjs-cpu' && id === 'deep-cnn' && !ctx.options.slow)
        return { skipped: SLOW_TFJS_FILTER_GRADIENT };
      if (contender.startsWith('tfjs') && tf !== undefined && id !== 'mlp') {
        const lacking = CNN_TRAINING_KERNELS.filter((k) => tf.getKernel(k, tf.getBackend()) === undefined);
        if (lacking.length > 0)
          return { fails: `${lacking.join(', ')} not registered for backend '${tf.getBackend()}'` };
      }
      const runner = runnerFor(contender);
      return { contender, run: (k) => runner.train(k) };
    });
    // Predicting needs no gradient kernels: TF.js wasm predicts the CNNs it cannot train.
    const predictMakers = makersFor((contender): Made => {
      const runner = runnerFor(contender);
      return { contender, run: (k) => runner.predict(k) };
    });
    const train: InterleaveOptions = {
      warmup: quick ? 1 : 2,
      warmupMs: quick ? 100 : 1_500,
      reps: quick ? 3 : 5,
      iterations: batches,
      minSampleMs: 0,
      maxSampleMs: quick ? 1_000 : 6_000,
      maxTaskMs: quick ? 3_000 : 24_000,
    };
    const predict: InterleaveOptions = {
      warmup: quick ? 1 : 2,
      warmupMs: quick ? 50 : 500,
      reps: quick ? 3 : 5,
      minSampleMs: quick ? 50 : 500,
      maxSampleMs: quick ? 1_000 : 5_000,
      maxTaskMs: quick ? 3_000 : 20_000,
    };
    const trained = await runCase(ctx, suite, `${label} train`, trainMakers, [samplesPerSecond(batchSize)], train);
    out.push(...trained);
    out.push(...(await runCase(ctx, suite, `${label} predict`, predictMakers, [samplesPerSecond(batchSize)], predict)));
    for (const [contender, runner] of runners) {
      await ctx.libs.activate(contender);
      runner.dispose();
    }
    if (ctx.options.rss) {
      for (const m of trained) {
        const rss = { ...m, metric: 'MiB', direction: 'lower' as const, samples: undefined, value: undefined };
        const batchSeconds = m.value === undefined ? 0 : batchSize / m.value;
        if (m.status !== 'ok') out.push(rss);
        else if (batchSeconds > MAX_RSS_BATCH_SECONDS) {
          const note = `one batch takes ${batchSeconds.toFixed(0)} s (limit ${MAX_RSS_BATCH_SECONDS} s)`;
          out.push({ ...rss, status: 'skipped', note, footnote: undefined });
        } else out.push(peakRss(ctx, suite, id, m.contender, dataFile, data.nTrain, batchSize));
      }
    }
  }
  return out;
}

function makersFor(make: (contender: ContenderId) => Made): Record<ContenderId, () => Made> {
  return Object.fromEntries(CONTENDERS.map((c) => [c, () => make(c)])) as Record<ContenderId, () => Made>;
}

/** Samples per second when `samples` took the measured ms. */
function samplesPerSecond(samples: number) {
  return { metric: 'samples/s', direction: 'higher' as const, fromMs: (ms: number) => (samples * 1000) / ms };
}

/** Why a child failed, in one line: its error (not Node's closing version line), signal or exit code. */
function childFailure(run: ReturnType<typeof spawnSync>): string {
  if (run.error) return run.error.message;
  if (run.signal) return `killed by ${run.signal}`;
  const lines = String(run.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /Error\b/.test(l)) ?? lines.at(-1) ?? `exit code ${run.status}`;
}

/** Trains in a fresh process (no other library, no other network) and reads its peak resident set. */
function peakRss(
  ctx: SuiteContext,
  suite: string,
  id: NetworkId,
  contender: ContenderId,
  dataFile: string,
  nTrain: number,
  batchSize: number,
): Measurement {
  const caseName = `${NETWORK_LABELS[id]} train`;
  const spec: RssChildSpec = {
    network: id,
    contender,
    dataFile,
    nTrain,
    batchSize,
    batches: ctx.options.quick ? 1 : 20,
    maxMs: ctx.options.quick ? 1_000 : 8_000,
    wasmThreads: ctx.options.wasmThreads,
    hornTrainer: ctx.options.hornTrainer,
  };
  ctx.log(`${suite} ${caseName}: peak RSS of ${contender} in a child process`);
  const child = fileURLToPath(new URL('../rss-child.js', import.meta.url));
  const run = spawnSync(process.execPath, [child, JSON.stringify(spec)], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  try {
    if (run.status !== 0) throw new Error(childFailure(run));
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as RssChildResult;
    return {
      suite,
      case: caseName,
      contender,
      metric: 'MiB',
      direction: 'lower',
      status: 'ok',
      value: result.peakRssMiB,
      samples: [result.peakRssMiB],
      note: `${result.batches} batches; ${result.rssBeforeTrainingMiB.toFixed(0)} MiB before training`,
    };
  } catch (error) {
    return missing(suite, caseName, contender, 'MiB', 'lower', 'failed', `peak RSS child: ${message(error)}`);
  }
}
