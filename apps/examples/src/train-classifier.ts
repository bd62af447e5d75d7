import { GradientTape } from '@horn/autograd';
import type { Layer } from '@horn/layers';
import type { Optimizer } from '@horn/optimizers';
import {
  add,
  cast,
  clip,
  equal,
  gather,
  greater,
  log,
  mean,
  mul,
  neg,
  Random,
  reshape,
  sub,
  type Tensor,
  tensor,
  tidy,
} from '@horn/tensor';
import { ProgressBar, type ProgressStream } from './progress-bar.js';

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
  return reshape(h, [-1]);
}

/** Binary cross-entropy of sigmoid outputs, clipped to [1e-7, 1 - 1e-7] as Keras, and accuracy at 0.5. */
function lossAndAccuracy(p: Tensor, y: Tensor): [Tensor, Tensor] {
  const q = clip(p, 1e-7, 1 - 1e-7);
  const yf = cast(y, 'float32');
  const loss = neg(mean(add(mul(yf, log(q)), mul(sub(1, yf), log(sub(1, q))))));
  const accuracy = mean(cast(equal(cast(greater(q, 0.5), 'float32'), yf), 'float32'));
  return [loss, accuracy];
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
  const score = (x: Tensor, y: Tensor) =>
    tidy(() => lossAndAccuracy(forward(layers, x, false), y)).map((t) => {
      const v = t.dataSync()[0];
      t.dispose();
      return v;
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
    let correct = 0;
    let seen = 0;
    for (let step = 0; step < steps; step++) {
      const rows = order.slice(step * batchSize, (step + 1) * batchSize);
      const figures = tidy(() => {
        const index = tensor(rows, [rows.length], 'int32');
        const tape = new GradientTape();
        const [loss, accuracy] = tape.run(() =>
          lossAndAccuracy(forward(layers, gather(train.x, index), true), gather(train.y, index)),
        );
        const weights = layers.flatMap((l) => l.trainableWeights);
        const grads = tape.gradient(loss, weights);
        optimizer.applyGradients(weights.map((w, i) => [grads[i], w]));
        return [loss.dataSync()[0], accuracy.dataSync()[0]];
      });
      lossSum += figures[0] * rows.length;
      correct += figures[1] * rows.length;
      seen += rows.length;
      bar.update(step + 1, { accuracy: correct / seen, loss: lossSum / seen });
    }
    const [valLoss, valAccuracy] = score(validation.x, validation.y);
    history.loss.push(lossSum / n);
    history.accuracy.push(correct / n);
    history.valLoss.push(valLoss);
    history.valAccuracy.push(valAccuracy);
    out.write(`val_accuracy: ${valAccuracy.toFixed(4)} - val_loss: ${valLoss.toFixed(4)}\n`);
  }
  return history;
}
