import { Dense, Embedding, Input, LSTM } from '@horn/layers';
import { BinaryCrossentropy } from '@horn/losses';
import { Sequential } from '@horn/models';
import { Adam } from '@horn/optimizers';
import { dispose, type Tensor, tensor } from '@horn/tensor';
import type { Tfjs } from '../libraries.js';
import type { InterleaveOptions } from '../measure.js';
import { CONTENDERS, type ContenderId, type Measurement } from '../measurement.js';
import { type Made, runCase, type SuiteContext } from './run-case.js';

/** The model of issue 12's speed row: Embedding(VOCAB, EMBED) -> LSTM(UNITS) -> Dense(1, sigmoid). */
export const LSTM_SPEED = { vocab: 10_000, embed: 64, units: 64, batchSize: 64, time: 100 } as const;

/** The row's label in the tables. */
export const LSTM_SPEED_CASE = `Embedding ${LSTM_SPEED.vocab / 1000}k×${LSTM_SPEED.embed} → LSTM ${LSTM_SPEED.units} → Dense 1 train, batch ${LSTM_SPEED.batchSize}, T = ${LSTM_SPEED.time}`;

/**
 * Seeded word ids in [0, vocab) `[n·time]` (as float32, which both Embeddings take) and 0/1 labels `[n]`.
 * @example lstmSpeedData(2, 100).ids.length // 200
 */
export function lstmSpeedData(n: number, time: number): { ids: Float32Array; labels: Float32Array } {
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const ids = Float32Array.from({ length: n * time }, () => Math.floor(next() * LSTM_SPEED.vocab));
  const labels = Float32Array.from({ length: n }, () => (next() < 0.5 ? 0 : 1));
  return { ids, labels };
}

/**
 * Training samples/s of Embedding(10k, 64) -> LSTM(64) -> Dense(1, sigmoid) (Adam 0.001, binary
 * crossentropy, `model.fit` over `batches` batches of 64 sequences of 100 word ids, no shuffle),
 * interleaved across the contenders like the MNIST training rows.
 * @example await lstmTrainingSuite(ctx)
 */
export async function lstmTrainingSuite(ctx: SuiteContext): Promise<Measurement[]> {
  const { quick } = ctx.options;
  const { batchSize, time } = LSTM_SPEED;
  const batches = quick ? 1 : 2;
  const n = batchSize * batches;
  const data = lstmSpeedData(n, time);
  const makers = Object.fromEntries(
    CONTENDERS.map((c) => [
      c,
      (): Made => (c.startsWith('horn') ? hornTask(c, data, n) : tfjsTask(ctx.libs.tf!, c, data, n)),
    ]),
  ) as Record<ContenderId, () => Made>;
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
  return runCase(ctx, 'lstm', LSTM_SPEED_CASE, makers, [metric], options);
}

const fitOptions = (batchSize: number) => ({ batchSize, epochs: 1, shuffle: false, verbose: 0 as const });

function hornTask(contender: ContenderId, data: ReturnType<typeof lstmSpeedData>, n: number): Made {
  const { vocab, embed, units, batchSize, time } = LSTM_SPEED;
  const seed = (s: number) => ({ className: 'GlorotUniform', config: { seed: s } });
  const model = new Sequential([
    Input({ shape: [time] }),
    new Embedding({ inputDim: vocab, outputDim: embed }),
    new LSTM({ units, kernelInitializer: seed(1) }),
    new Dense({ units: 1, activation: 'sigmoid', kernelInitializer: seed(2) }),
  ]);
  model.compile({ optimizer: new Adam({ learningRate: 0.001 }), loss: new BinaryCrossentropy() });
  const x: Tensor = tensor(data.ids, [n, time]);
  const y: Tensor = tensor(data.labels, [n, 1]);
  return {
    contender,
    run: async () => {
      await model.fit(x, y, fitOptions(batchSize));
    },
    dispose: () => {
      dispose([x, y]);
      for (const layer of model.layers) layer.dispose();
    },
  };
}

function tfjsTask(tf: Tfjs, contender: ContenderId, data: ReturnType<typeof lstmSpeedData>, n: number): Made {
  const { vocab, embed, units, batchSize, time } = LSTM_SPEED;
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: vocab, outputDim: embed, inputLength: time }),
      tf.layers.lstm({ units, recurrentActivation: 'sigmoid' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const x = tf.tensor(data.ids, [n, time]);
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
