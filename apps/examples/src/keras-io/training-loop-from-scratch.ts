/**
 * Port of keras.io `guides/writing_a_custom_training_loop_in_tensorflow.py` ("Writing a training
 * loop from scratch in TensorFlow", fchollet; the Keras 3 version): the MNIST MLP trained by a
 * hand-written loop — forward pass under a GradientTape with `training: true`, loss, gradients of
 * the trainable weights, `optimizer.apply(grads, model.trainableWeights)` — with SGD(1e-3) and batch size 64, then the
 * same loop with train / validation `SparseCategoricalAccuracy` metrics reset at each epoch, then
 * with a layer that adds an activity loss (`loss += sum(model.losses)`).
 * Substituted: MNIST is read from `../shared/data/mnist`; the `tf.data` pipeline
 * (`from_tensor_slices(...).shuffle(1024).batch(64)`) is a seeded shuffle of indices and
 * `ops.gather` per batch; `@tf.function` is left out (Horn runs eagerly). Left out: the GAN
 * section (not ported). Short mode (tests): `trainSamples` / `valSamples` and `epochs`.
 * Run: `node dist/keras-io/training-loop-from-scratch.js` (50,000 + 10,000 images, 3 epochs).
 */
import * as keras from '@horn/keras';
import type { Tensor } from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';

const { layers, ops } = keras;

/** The guide's model: digits → Dense(64, relu) → Dense(64, relu) → predictions (logits). */
export function getModel(extraLossLayer?: keras.Layer): keras.Model {
  const inputs = keras.Input({ shape: [784], name: 'digits' });
  let x = new layers.Dense({ units: 64, activation: 'relu' }).apply(inputs);
  if (extraLossLayer) x = extraLossLayer.apply(x);
  x = new layers.Dense({ units: 64, activation: 'relu' }).apply(x);
  const outputs = new layers.Dense({ units: 10, name: 'predictions' }).apply(x);
  return new keras.Model(inputs, outputs);
}

/** One shuffled pass over `(x, y)` in batches of `batchSize` (the guide's `tf.data` dataset). */
export function* batches(x: Tensor, y: Tensor, batchSize: number, seed?: number): Generator<[Tensor, Tensor]> {
  const n = x.shape[0];
  const order =
    seed === undefined ? ops.range(0, n, 1, 'int32') : keras.random.shuffle(ops.range(0, n, 1, 'int32'), { seed });
  for (let start = 0; start < n; start += batchSize) {
    const idx = ops.slice(order, [start], [Math.min(batchSize, n - start)]);
    const batch: [Tensor, Tensor] = [ops.gather(x, idx), ops.gather(y, idx)];
    idx.dispose();
    yield batch;
    // The step is done with the batch: free it (device memory is not garbage-collected).
    for (const t of batch) t.dispose();
  }
  order.dispose();
}

/** Loads MNIST as the guide does: flat floats, the last `valSamples` training images held out. */
export async function loadData(trainSamples = 50000, valSamples = 10000) {
  const [[images, labels]] = await keras.datasets.mnist.loadData({ path: sharedDataPath('mnist') });
  const flat = (start: number, n: number) =>
    ops.slice(images, [start, 0, 0], [n, -1, -1]).reshape([n, 784]).cast('float32').div(255);
  return {
    xTrain: flat(0, trainSamples),
    yTrain: ops.slice(labels, [0], [trainSamples]),
    xVal: flat(60000 - valSamples, valSamples),
    yVal: ops.slice(labels, [60000 - valSamples], [valSamples]),
  };
}

/** What a run of the loop records. */
export interface LoopRecord {
  /** The loss of every 100th step (and step 0), as the guide prints. */
  stepLosses: number[];
  /** The mean training loss of each epoch. */
  epochLosses: number[];
  trainAcc: number[];
  valAcc: number[];
}

/** The loop with metrics ("Low-level handling of metrics"), optionally with an add_loss layer. */
export async function customTrainingLoop(
  options: {
    trainSamples?: number;
    valSamples?: number;
    epochs?: number;
    withActivityLoss?: boolean;
    log?: (l: string) => void;
  } = {},
): Promise<LoopRecord & { model: keras.Model }> {
  const { trainSamples = 50000, valSamples = 10000, epochs = 3, withActivityLoss = false, log = () => {} } = options;
  const model = getModel(withActivityLoss ? new ActivityRegularizationLayer() : undefined);
  // Instantiate an optimizer to train the model.
  const optimizer = new keras.optimizers.SGD({ learningRate: 1e-3 });
  // Instantiate a loss function.
  const lossFn = new keras.losses.SparseCategoricalCrossentropy({ fromLogits: true });
  // Prepare the metrics.
  const trainAccMetric = new keras.metrics.SparseCategoricalAccuracy();
  const valAccMetric = new keras.metrics.SparseCategoricalAccuracy();
  const batchSize = 64;
  const { xTrain, yTrain, xVal, yVal } = await loadData(trainSamples, valSamples);
  const record: LoopRecord = { stepLosses: [], epochLosses: [], trainAcc: [], valAcc: [] };

  for (let epoch = 0; epoch < epochs; epoch++) {
    log(`\nStart of epoch ${epoch}`);
    let step = 0;
    let total = 0;
    // Iterate over the batches of the dataset.
    for (const [xBatchTrain, yBatchTrain] of batches(xTrain, yTrain, batchSize, 1000 + epoch)) {
      const lossValue = keras.tidy(() => {
        const tape = new keras.GradientTape();
        const [loss, logits] = tape.run(() => {
          const logits = model.apply(xBatchTrain, { training: true }) as Tensor;
          let loss = lossFn.apply(yBatchTrain, logits);
          // Add any extra losses created during the forward pass.
          for (const extra of model.losses) loss = loss.add(extra);
          return [loss, logits];
        });
        const grads = tape.gradient(loss, model.trainableWeights);
        optimizer.apply(grads, model.trainableWeights);
        // Update training metric.
        trainAccMetric.updateState(yBatchTrain, logits);
        return loss.dataSync()[0];
      });
      total += lossValue;
      // Log every 100 batches.
      if (step % 100 === 0) {
        record.stepLosses.push(lossValue);
        log(`Training loss (for 1 batch) at step ${step}: ${lossValue.toFixed(4)}`);
        log(`Seen so far: ${(step + 1) * batchSize} samples`);
      }
      step++;
    }
    record.epochLosses.push(total / step);
    // Display metrics at the end of each epoch, then reset them.
    const trainAcc = trainAccMetric.result().dataSync()[0];
    log(`Training acc over epoch: ${trainAcc.toFixed(4)}`);
    record.trainAcc.push(trainAcc);
    trainAccMetric.resetState();
    // Run a validation loop at the end of each epoch.
    for (const [xBatchVal, yBatchVal] of batches(xVal, yVal, batchSize)) {
      keras.tidy(() => valAccMetric.updateState(yBatchVal, model.apply(xBatchVal, { training: false }) as Tensor));
    }
    const valAcc = valAccMetric.result().dataSync()[0];
    valAccMetric.resetState();
    log(`Validation acc: ${valAcc.toFixed(4)}`);
    record.valAcc.push(valAcc);
  }
  return { ...record, model };
}

/** "Low-level handling of losses tracked by the model": adds `1e-2 * sum(inputs)` to the losses. */
export class ActivityRegularizationLayer extends keras.Layer {
  static override readonly className = 'ActivityRegularizationLayer';

  override call(inputs: Tensor | Tensor[]): Tensor {
    this.addLoss(ops.sum(inputs as Tensor).mul(1e-2));
    return inputs as Tensor;
  }
}

async function main(): Promise<void> {
  await customTrainingLoop({ log: console.log });
  await customTrainingLoop({ withActivityLoss: true, log: console.log });
}

runIfMain(import.meta.url, main);
