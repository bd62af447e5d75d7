import { GradientTape, type Variable, variable } from '@horn/autograd';
import type { Optimizer } from '@horn/optimizers';
import {
  add,
  cast,
  clip,
  equal,
  gather,
  greater,
  log,
  matmul,
  mean,
  mul,
  neg,
  Random,
  reshape,
  sigmoid,
  sub,
  type Tensor,
  tensor,
  tidy,
  zeros,
} from '@horn/tensor';
import { ProgressBar, type ProgressStream } from './progress-bar.js';

/** A labelled set: features [n, f] and 0/1 labels [n]. */
export interface Labelled {
  x: Tensor;
  y: Tensor;
}

/** Options of {@link trainLogistic}. */
export interface TrainLogisticOptions {
  epochs: number;
  batchSize: number;
  optimizer: Optimizer;
  seed: number;
  out?: ProgressStream;
}

/** Per-epoch figures and the trained unit. */
export interface LogisticHistory {
  loss: number[];
  accuracy: number[];
  valLoss: number[];
  valAccuracy: number[];
  testAccuracy?: number;
  /** Accuracy of the trained unit on another labelled set. */
  evaluate(x: Tensor, y: Tensor): number;
}

/** Binary cross-entropy of sigmoid(xw + b) against y, with probabilities clipped as Keras does. */
function lossAndAccuracy(x: Tensor, y: Tensor, w: Variable, b: Variable): [Tensor, Tensor] {
  const p = clip(sigmoid(add(reshape(matmul(x, w), [-1]), b)), 1e-7, 1 - 1e-7);
  const yf = cast(y, 'float32');
  const loss = neg(mean(add(mul(yf, log(p)), mul(sub(1, yf), log(sub(1, p))))));
  const accuracy = mean(cast(equal(cast(greater(p, 0.5), 'float32'), yf), 'float32'));
  return [loss, accuracy];
}

/**
 * Trains a logistic unit with mini-batch gradients (GradientTape) and the given optimizer,
 * drawing a Keras-style progress bar per epoch.
 * @example trainLogistic(train, validation, { epochs: 10, batchSize: 32, optimizer: new Adam(), seed: 1 })
 */
export function trainLogistic(train: Labelled, validation: Labelled, options: TrainLogisticOptions): LogisticHistory {
  const { epochs, batchSize, optimizer, seed, out = process.stdout } = options;
  const n = train.x.shape[0];
  const w = variable(zeros([train.x.shape[1], 1]), { name: 'w' });
  const b = variable(tensor(0), { name: 'b' });
  const rng = new Random(seed);
  const history: LogisticHistory = {
    loss: [],
    accuracy: [],
    valLoss: [],
    valAccuracy: [],
    evaluate: (x, y) => tidy(() => lossAndAccuracy(x, y, w, b)[1]).dataSync()[0],
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
      const [loss, accuracy] = tidy(() => {
        const index = tensor(rows, [rows.length], 'int32');
        const x = gather(train.x, index);
        const y = gather(train.y, index);
        const tape = new GradientTape();
        const [l, a] = tape.run(() => lossAndAccuracy(x, y, w, b));
        const [gw, gb] = tape.gradient(l, [w, b]);
        optimizer.applyGradients([
          [gw, w],
          [gb, b],
        ]);
        return [l.dataSync()[0], a.dataSync()[0]] as [number, number];
      }) as unknown as [number, number];
      lossSum += loss * rows.length;
      correct += accuracy * rows.length;
      seen += rows.length;
      bar.update(step + 1, { accuracy: correct / seen, loss: lossSum / seen });
    }
    const [valLoss, valAccuracy] = tidy(() => lossAndAccuracy(validation.x, validation.y, w, b)).map(
      (t) => t.dataSync()[0],
    );
    history.loss.push(lossSum / n);
    history.accuracy.push(correct / n);
    history.valLoss.push(valLoss);
    history.valAccuracy.push(valAccuracy);
    out.write(`val_accuracy: ${valAccuracy.toFixed(4)} - val_loss: ${valLoss.toFixed(4)}\n`);
  }
  return history;
}
