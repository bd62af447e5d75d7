/**
 * A child process of `pnpm bench`: trains LSTM(32) -> Dense(1, sigmoid) on one contender, alone,
 * on seeded random sequences `[batch, time, 8]` with 0/1 labels (model.fit, Adam 0.001, binary
 * crossentropy, one epoch over `batches` batches), and prints its peak resident set size as JSON
 * on the last line of stdout. One process per (contender, time), so peaks do not mix.
 */
import { Dense, Input, LSTM } from '@horn/layers';
import { BinaryCrossentropy } from '@horn/losses';
import { Sequential } from '@horn/models';
import { Adam } from '@horn/optimizers';
import { getBackendInstance, randomSource, tensor } from '@horn/tensor';
import { loadContender } from './libraries.js';
import type { ContenderId } from './measurement.js';

/** What the bench asks a child to train. */
export interface LstmMemorySpec {
  contender: ContenderId;
  /** Sequence length. */
  time: number;
  batchSize: number;
  /** Batches in the one epoch trained (at least one). */
  batches: number;
  wasmThreads: number;
}

/** What a child prints. */
export interface LstmMemoryResult {
  peakRssMiB: number;
  rssBeforeTrainingMiB: number;
  /** Horn wasm only: the heap's peak bytes in use, MiB. */
  wasmHeapPeakMiB?: number;
  seconds: number;
}

/** LSTM units and input features of the row. */
export const LSTM_UNITS = 32;
export const LSTM_FEATURES = 8;

const mib = (bytes: number) => bytes / 2 ** 20;

async function main(spec: LstmMemorySpec): Promise<LstmMemoryResult> {
  const horn = spec.contender.startsWith('horn');
  const libs = await loadContender(spec.contender, spec.wasmThreads);
  const n = spec.batchSize * spec.batches;
  const random = randomSource(7);
  const xs = Float32Array.from({ length: n * spec.time * LSTM_FEATURES }, () => random.next() * 2 - 1);
  const ys = Float32Array.from({ length: n }, () => (random.next() < 0.5 ? 0 : 1));
  const shape = [spec.time, LSTM_FEATURES];
  const fit = { batchSize: spec.batchSize, epochs: 1, shuffle: false, verbose: 0 as const };
  let train: () => Promise<unknown>;
  let heapPeak: (() => number) | undefined;
  if (horn) {
    const model = new Sequential([
      Input({ shape }),
      new LSTM({ units: LSTM_UNITS }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ]);
    model.compile({ optimizer: new Adam({ learningRate: 0.001 }), loss: new BinaryCrossentropy() });
    const x = tensor(xs, [n, ...shape]);
    const y = tensor(ys, [n, 1]);
    train = () => model.fit(x, y, fit);
    if (spec.contender === 'horn-wasm') {
      const wasm = getBackendInstance('wasm') as unknown as { heapInfo(): { peakBytesInUse: number } };
      heapPeak = () => wasm.heapInfo().peakBytesInUse;
    }
  } else {
    const tf = libs.tf!;
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({ units: LSTM_UNITS, inputShape: shape }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
    const x = tf.tensor(xs, [n, ...shape]);
    const y = tf.tensor(ys, [n, 1]);
    train = () => model.fit(x, y, fit);
  }
  const rssBeforeTrainingMiB = mib(process.memoryUsage().rss);
  const start = performance.now();
  await train();
  return {
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    rssBeforeTrainingMiB,
    wasmHeapPeakMiB: heapPeak ? mib(heapPeak()) : undefined,
    seconds: (performance.now() - start) / 1000,
  };
}

main(JSON.parse(process.argv[2] ?? '{}') as LstmMemorySpec).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
