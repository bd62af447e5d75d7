import { Dense, Embedding, Input, LSTM } from '@horn/layers';
import { BinaryCrossentropy } from '@horn/losses';
import { Sequential } from '@horn/models';
import { Adam } from '@horn/optimizers';
import {
  dispose,
  getKernel,
  type KernelSpec,
  registerKernel,
  type Tensor,
  tensor,
  unregisterKernel,
} from '@horn/tensor';
import type { Tfjs } from '../libraries.js';
import type { InterleaveOptions } from '../measure.js';
import { CONTENDERS, type ContenderId, type Measurement } from '../measurement.js';
import { type Made, runCase, type SuiteContext } from './run-case.js';

/** The model of issue 12's speed row: Embedding(VOCAB, EMBED) -> LSTM(UNITS) -> Dense(1, sigmoid). */
export const LSTM_SPEED = { vocab: 10_000, embed: 64, units: 64, batchSize: 64, time: 100 } as const;

/**
 * The rows' labels: the whole model on word ids; the same with the Embedding frozen
 * (`trainable: false`: no Embedding gradient, which TF.js wasm lacks, so it can train it); and its
 * LSTM alone on already embedded sequences.
 */
export const LSTM_SPEED_CASES = {
  embedding: `Embedding ${LSTM_SPEED.vocab / 1000}k×${LSTM_SPEED.embed} → LSTM ${LSTM_SPEED.units} → Dense 1 train, batch ${LSTM_SPEED.batchSize}, T = ${LSTM_SPEED.time}`,
  frozen: `the same, Embedding frozen (trainable: false)`,
  embedded: `LSTM ${LSTM_SPEED.units} → Dense 1 train on [${LSTM_SPEED.batchSize}, ${LSTM_SPEED.time}, ${LSTM_SPEED.embed}] floats`,
} as const;

/** Which of the {@link LSTM_SPEED_CASES} a task trains. */
export type LstmSpeedCase = keyof typeof LSTM_SPEED_CASES;

/** Why TF.js cpu's Embedding row is skipped unless --slow. */
export const SLOW_TFJS_SEGMENT_SUM =
  "TF.js cpu's UnsortedSegmentSum (the Embedding gradient) loops over all 10,000 segments with a mask each: minutes per batch (--slow runs it)";

/**
 * Seeded word ids in [0, vocab) `[n·time]` (as float32, which both Embeddings take) and 0/1 labels `[n]`.
 * @example lstmSpeedData(2, 100).ids.length // 200
 */
export function lstmSpeedData(
  n: number,
  time: number,
): { ids: Float32Array; embedded: Float32Array; labels: Float32Array } {
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const ids = Float32Array.from({ length: n * time }, () => Math.floor(next() * LSTM_SPEED.vocab));
  const labels = Float32Array.from({ length: n }, () => (next() < 0.5 ? 0 : 1));
  const embedded = Float32Array.from({ length: n * time * LSTM_SPEED.embed }, () => next() * 0.1 - 0.05);
  return { ids, embedded, labels };
}

/**
 * Training samples/s of Embedding(10k, 64) -> LSTM(64) -> Dense(1, sigmoid) (Adam 0.001, binary
 * crossentropy, `model.fit` over `batches` batches of 64 sequences of 100 word ids, no shuffle),
 * the same with the Embedding frozen, and the LSTM alone on embedded floats, interleaved across
 * the contenders like the MNIST training rows.
 * @example await lstmTrainingSuite(ctx)
 */
export async function lstmTrainingSuite(ctx: SuiteContext): Promise<Measurement[]> {
  const { quick, slow } = ctx.options;
  const { batchSize, time } = LSTM_SPEED;
  const batches = quick ? 1 : 2;
  const n = batchSize * batches;
  const data = lstmSpeedData(n, time);
  const options: InterleaveOptions = {
    warmup: 1,
    warmupMs: quick ? 0 : 1_000,
    reps: quick ? 3 : 5,
    iterations: 1,
    minSampleMs: 0,
    maxSampleMs: quick ? 5_000 : 20_000,
    maxTaskMs: quick ? 10_000 : 40_000,
  };
  const metric = { metric: 'samples/s', direction: 'higher' as const, fromMs: (ms: number) => (n * 1000) / ms };
  const out: Measurement[] = [];
  for (const kind of ['embedding', 'frozen', 'embedded'] as const) {
    const makers = Object.fromEntries(
      CONTENDERS.map((c) => [
        c,
        (): Made => {
          if (c.startsWith('horn')) return hornTask(c, data, n, kind);
          const tf = ctx.libs.tf!;
          if (kind === 'embedding' && tf.getKernel('UnsortedSegmentSum', tf.getBackend()) === undefined)
            return {
              fails: `UnsortedSegmentSum (the Embedding gradient) not registered for backend '${tf.getBackend()}'`,
            };
          if (kind === 'embedding' && c === 'tfjs-cpu' && !slow) return { skipped: SLOW_TFJS_SEGMENT_SUM };
          return tfjsTask(tf, c, data, n, kind);
        },
      ]),
    ) as Record<ContenderId, () => Made>;
    const label = LSTM_SPEED_CASES[kind];
    out.push(...(await runCase(ctx, 'lstm', label, makers, [metric], options)));
    if (kind === 'frozen') continue; // the fused cell's effect shows in the other two
    const before = {
      'horn-cpu': () => hornTask('horn-cpu', data, n, kind, true),
      'horn-wasm': () => hornTask('horn-wasm', data, n, kind, true),
    };
    out.push(...(await runCase(ctx, 'lstm', `${label}, before (${BEFORE})`, before, [metric], options)));
  }
  return out;
}

const fitOptions = (batchSize: number) => ({ batchSize, epochs: 1, shuffle: false, verbose: 0 as const });

type Data = ReturnType<typeof lstmSpeedData>;

/** What the "before" rows change. */
const BEFORE = 'LSTMCell kernels unregistered: the separate ops, as before the fused cell';

/**
 * Runs `fn` with the fused LSTMCell kernels of `backend` unregistered, so `lstmCell` runs the
 * separate ops (split, sigmoid, tanh, mul, add) as the LSTM layer did before; then puts them back.
 * @example await withoutFusedCell('wasm', () => model.fit(x, y))
 */
async function withoutFusedCell(backend: string, fn: () => Promise<unknown>): Promise<void> {
  const names = ['LSTMCell', 'LSTMCellGrad'];
  const saved = names.map((name) => getKernel(name, backend)).filter((k) => k !== undefined);
  for (const name of names) unregisterKernel(name, backend);
  try {
    await fn();
  } finally {
    for (const spec of saved) registerKernel(spec as KernelSpec<unknown>);
  }
}

function hornTask(contender: ContenderId, data: Data, n: number, kind: LstmSpeedCase, before = false): Made {
  const { vocab, embed, units, batchSize, time } = LSTM_SPEED;
  const seed = (s: number) => ({ className: 'GlorotUniform', config: { seed: s } });
  const embedding = kind !== 'embedded';
  const model = new Sequential([
    Input({ shape: embedding ? [time] : [time, embed] }),
    ...(embedding ? [new Embedding({ inputDim: vocab, outputDim: embed, trainable: kind === 'embedding' })] : []),
    new LSTM({ units, kernelInitializer: seed(1) }),
    new Dense({ units: 1, activation: 'sigmoid', kernelInitializer: seed(2) }),
  ]);
  model.compile({ optimizer: new Adam({ learningRate: 0.001 }), loss: new BinaryCrossentropy() });
  const x: Tensor = embedding ? tensor(data.ids, [n, time]) : tensor(data.embedded, [n, time, embed]);
  const y: Tensor = tensor(data.labels, [n, 1]);
  return {
    contender,
    run: async () => {
      const train = () => model.fit(x, y, fitOptions(batchSize));
      if (before) await withoutFusedCell(contender === 'horn-wasm' ? 'wasm' : 'cpu', train);
      else await train();
    },
    dispose: () => {
      dispose([x, y]);
      for (const layer of model.layers) layer.dispose();
    },
  };
}

function tfjsTask(tf: Tfjs, contender: ContenderId, data: Data, n: number, kind: LstmSpeedCase): Made {
  const { vocab, embed, units, batchSize, time } = LSTM_SPEED;
  const lstm = { units, recurrentActivation: 'sigmoid' as const };
  const embedding = kind !== 'embedded';
  const trainable = kind === 'embedding';
  const model = tf.sequential({
    layers: [
      ...(embedding
        ? [
            tf.layers.embedding({ inputDim: vocab, outputDim: embed, inputLength: time, trainable }),
            tf.layers.lstm(lstm),
          ]
        : [tf.layers.lstm({ ...lstm, inputShape: [time, embed] })]),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const x = embedding ? tf.tensor(data.ids, [n, time]) : tf.tensor(data.embedded, [n, time, embed]);
  const y = tf.tensor(data.labels, [n, 1]);
  return {
    contender,
    run: async () => {
      await model.fit(x, y, { ...fitOptions(batchSize), yieldEvery: 'never' });
    },
    dispose: () => {
      tf.dispose([x, y]);
      model.dispose();
    },
  };
}
