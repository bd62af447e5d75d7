import { GradientTape } from '@horn/autograd';
import type { Layer } from '@horn/layers';
import { BinaryCrossentropy } from '@horn/losses';
import { BinaryAccuracy } from '@horn/metrics';
import type { Optimizer } from '@horn/optimizers';
import { cast, gather, Random, reshape, type Tensor, tensor, tidy } from '@horn/tensor';
import { ProgressBar, type ProgressStream } from '../progress-bar.js';

/** A labelled set: features [n, f] and 0/1 labels [n]. */
export interface Labelled {
  x: Tensor;
  y: Tensor;
}

/** Options of {@link trainClassifier}. */
export interface TrainClassifierOptions {
  epochs: number;
  batchSize: number;
  optimizer: Optimizer;
  seed: number;
  out?: ProgressStream;
}

/** Per-epoch figures, and accuracy of the trained stack on other data. */
export interface ClassifierHistory {
  loss: number[];
  accuracy: number[];
  valLoss: number[];
  valAccuracy: number[];
  testAccuracy?: number;
  evaluate(x: Tensor, y: Tensor): number;
}

function forward(layers: readonly Layer[], x: Tensor, training: boolean): Tensor {
  let h = x;
  for (const layer of layers) h = layer.apply(h, { training }) as Tensor;
  return h;
}

/** 0/1 labels [n] as the float column [n, 1] the sigmoid output has. */
function column(y: Tensor): Tensor {
  return reshape(cast(y, 'float32'), [-1, 1]);
}

/**
 * The course's training loop (chapter 6): shuffled mini-batches, gradients from GradientTape over
 * the layers' trainable weights, optimizer updates, a Keras-style progress bar per epoch.
 * @example trainClassifier([new Dense({ units: 1, activation: 'sigmoid' })], train, val, { epochs: 10, batchSize: 32, optimizer: new Adam(), seed: 1 })
 */
export function trainClassifier(
  layers: readonly Layer[],
  train: Labelled,
  validation: Labelled,
  options: TrainClassifierOptions,
): ClassifierHistory {
  const { epochs, batchSize, optimizer, seed, out = process.stdout } = options;
  const n = train.x.shape[0];
  const rng = new Random(seed);
  const lossFn = new BinaryCrossentropy();
  const accuracy = new BinaryAccuracy();
  const score = (x: Tensor, y: Tensor): [number, number] =>
    tidy(() => {
      const p = forward(layers, x, false);
      const metric = new BinaryAccuracy();
      metric.updateState(column(y), p);
      return [lossFn.apply(column(y), p).dataSync()[0], metric.result().dataSync()[0]];
    });
  const history: ClassifierHistory = {
    loss: [],
    accuracy: [],
    valLoss: [],
    valAccuracy: [],
    evaluate: (x, y) => score(x, y)[1],
  };
  const steps = Math.ceil(n / batchSize);
  for (let epoch = 0; epoch < epochs; epoch++) {
    out.write(`Epoch ${epoch + 1}/${epochs}\n`);
    const bar = new ProgressBar(steps, out);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let lossSum = 0;
    let seen = 0;
    accuracy.resetState();
    for (let step = 0; step < steps; step++) {
      const rows = order.slice(step * batchSize, (step + 1) * batchSize);
      const loss = tidy(() => {
        const index = tensor(rows, [rows.length], 'int32');
        const y = column(gather(train.y, index));
        const tape = new GradientTape();
        const [l, p] = tape.run(() => {
          const predictions = forward(layers, gather(train.x, index), true);
          return [lossFn.apply(y, predictions), predictions];
        });
        const weights = layers.flatMap((layer) => layer.trainableWeights);
        const grads = tape.gradient(l, weights);
        optimizer.applyGradients(weights.map((w, i) => [grads[i], w]));
        accuracy.updateState(y, p);
        return l.dataSync()[0];
      });
      lossSum += loss * rows.length;
      seen += rows.length;
      bar.update(step + 1, { accuracy: tidy(() => accuracy.result().dataSync()[0]), loss: lossSum / seen });
    }
    const [valLoss, valAccuracy] = score(validation.x, validation.y);
    history.loss.push(lossSum / n);
    history.accuracy.push(tidy(() => accuracy.result().dataSync()[0]));
    history.valLoss.push(valLoss);
    history.valAccuracy.push(valAccuracy);
    out.write(`val_accuracy: ${valAccuracy.toFixed(4)} - val_loss: ${valLoss.toFixed(4)}\n`);
  }
  return history;
}
