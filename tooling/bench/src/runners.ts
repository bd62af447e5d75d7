import { GradientTape } from '@horn/autograd';
import { Input, type Layer } from '@horn/layers';
import { CategoricalCrossentropy } from '@horn/losses';
import { Sequential } from '@horn/models';
import { Adam } from '@horn/optimizers';
import { dispose as disposeTensors, slice, type Tensor, tensor, tidy } from '@horn/tensor';
import type { Tfjs } from './libraries.js';
import type { MnistSubset } from './mnist-data.js';
import { hornLayers, inputShape, type NetworkId, tfjsModel } from './networks.js';

/** A network ready to train and predict on one library and backend. */
export interface NetworkRunner {
  /** Trains `batches` mini-batches in order from the first sample (wrapping around), reading each loss back. */
  train(batches: number): unknown;
  /** Predicts `batches` mini-batches of test samples in order (wrapping around), reading the probabilities back. */
  predict(batches: number): unknown;
  dispose(): void;
}

function forward(layers: readonly Layer[], x: Tensor, training: boolean): Tensor {
  let h = x;
  for (const layer of layers) h = layer.apply(h, { training }) as Tensor;
  return h;
}

/** How Horn trains: `model.fit` of @horn/models (default), or the course's GradientTape loop. */
export type HornTrainer = 'fit' | 'tape';

/**
 * Caches the first `batches` mini-batches of a tensor as one slice, so slicing is not timed.
 * @example const first = firstBatches((t, n) => t.slice(0, n), 128); first(trainX, 'x', 50)
 */
function firstBatches<T>(slicer: (t: T, n: number) => T, batchSize: number) {
  const chunks = new Map<string, T>();
  const get = (t: T, name: string, batches: number): T => {
    let c = chunks.get(`${name}${batches}`);
    if (c === undefined) {
      c = slicer(t, batches * batchSize);
      chunks.set(`${name}${batches}`, c);
    }
    return c;
  };
  return Object.assign(get, { all: () => [...chunks.values()] });
}

/** The course's step: GradientTape over the layers, Adam, categorical crossentropy; the loss read back. */
function tapeStep(layers: readonly Layer[], optimizer: Adam, loss: CategoricalCrossentropy) {
  return (x: Tensor, y: Tensor): number =>
    tidy(() => {
      const tape = new GradientTape();
      const l = tape.run(() => loss.apply(y, forward(layers, x, true)));
      const weights = layers.flatMap((layer) => layer.trainableWeights);
      const grads = tape.gradient(l, weights);
      optimizer.applyGradients(weights.map((w, i) => [grads[i], w] as const));
      return l.dataSync()[0];
    });
}

/**
 * The network on Horn's active backend (its tensors are made there). 'fit': a compiled Sequential
 * (Adam 0.001, categorical crossentropy) trained with `model.fit(x, y, { batchSize, epochs: 1,
 * shuffle: false, verbose: 0 })` and read with `model.predict`, as the TF.js side; 'tape': the course's
 * loop, one GradientTape step per slice, and `layer.apply(x, { training: false })` to predict.
 * @example await hornRunner('mlp', data, 128, 'fit').train(50)
 */
export function hornRunner(id: NetworkId, data: MnistSubset, batchSize: number, trainer: HornTrainer): NetworkRunner {
  const shape = inputShape(id);
  const layers = hornLayers(id);
  const trainX = tensor(data.trainX, [data.nTrain, ...shape]);
  const trainY = tensor(data.trainY, [data.nTrain, 10]);
  const testX = data.nTest > 0 ? tensor(data.testX, [data.nTest, ...shape]) : undefined;
  const trainBatches = Math.floor(data.nTrain / batchSize);
  const testBatches = Math.floor(data.nTest / batchSize);
  const optimizer = new Adam({ learningRate: 0.001 });
  const loss = new CategoricalCrossentropy();
  const chunk = firstBatches((t: Tensor, n: number) => slice(t, 0, n), batchSize);
  const model = trainer === 'fit' ? new Sequential([Input({ shape }), ...layers]) : undefined;
  model?.compile({ optimizer, loss });
  const step = tapeStep(layers, optimizer, loss);
  const dispose = () => {
    disposeTensors([trainX, trainY, ...(testX ? [testX] : []), ...chunk.all()]);
    for (const layer of layers) layer.dispose();
  };
  if (model !== undefined) {
    return {
      train: async (batches) => {
        for (let left = batches; left > 0; left -= trainBatches) {
          const n = Math.min(left, trainBatches);
          await model.fit(chunk(trainX, 'x', n), chunk(trainY, 'y', n), {
            batchSize,
            epochs: 1,
            shuffle: false,
            verbose: 0,
          });
        }
      },
      predict: (batches) => {
        if (testX === undefined) return;
        for (let left = batches; left > 0; left -= testBatches) {
          const p = model.predict(chunk(testX, 'test', Math.min(left, testBatches)), {
            batchSize,
            verbose: 0,
          }) as Tensor;
          p.dataSync();
          p.dispose();
        }
      },
      dispose,
    };
  }
  return {
    train: (batches) => {
      for (let i = 0; i < batches; i++) {
        const start = (i % trainBatches) * batchSize;
        tidy(() => step(slice(trainX, start, batchSize), slice(trainY, start, batchSize)));
      }
    },
    predict: (batches) => {
      if (testX === undefined) return;
      for (let i = 0; i < batches; i++) {
        const start = (i % testBatches) * batchSize;
        tidy(() => {
          forward(layers, slice(testX, start, batchSize), false).dataSync();
        });
      }
    },
    dispose,
  };
}

type TfTensor = ReturnType<Tfjs['tensor']>;

/**
 * The network as a compiled tf.sequential on TF.js's active backend, trained with model.fit
 * (no shuffle, no metrics, no logging) and read with model.predict.
 * @example await tfjsRunner(tf, 'mlp', data, 128).train(50)
 */
export function tfjsRunner(tf: Tfjs, id: NetworkId, data: MnistSubset, batchSize: number): NetworkRunner {
  const shape = inputShape(id);
  const model = tfjsModel(tf, id);
  const trainX = tf.tensor(data.trainX, [data.nTrain, ...shape]);
  const trainY = tf.tensor(data.trainY, [data.nTrain, 10]);
  const testX = data.nTest > 0 ? tf.tensor(data.testX, [data.nTest, ...shape]) : undefined;
  const trainBatches = Math.floor(data.nTrain / batchSize);
  const testBatches = Math.floor(data.nTest / batchSize);
  const chunk = firstBatches((t: TfTensor, n: number) => t.slice(0, n), batchSize);
  const fitOptions = { batchSize, epochs: 1, shuffle: false, verbose: 0, yieldEvery: 'never' } as const;
  return {
    train: async (batches) => {
      for (let left = batches; left > 0; left -= trainBatches) {
        const n = Math.min(left, trainBatches);
        await model.fit(chunk(trainX, 'x', n), chunk(trainY, 'y', n), fitOptions);
      }
    },
    predict: (batches) => {
      if (testX === undefined) return;
      for (let left = batches; left > 0; left -= testBatches) {
        const p = model.predict(chunk(testX, 'test', Math.min(left, testBatches)), { batchSize }) as TfTensor;
        p.dataSync();
        p.dispose();
      }
    },
    dispose: () => {
      tf.dispose([trainX, trainY, ...(testX ? [testX] : []), ...chunk.all()]);
      model.dispose();
    },
  };
}
