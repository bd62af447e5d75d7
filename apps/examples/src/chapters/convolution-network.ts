/**
 * The course's chapter 6.2: the ConvolutionNetwork class written with tensor ops — a 3x3 'same'
 * convolution with 10 kernels, ReLU, 2x2 max pooling (14x14x10), flattening, a 100-unit ReLU
 * layer and 10 softmax outputs — trained with GradientTape, softmax cross-entropy from logits and
 * an optimizer object, on real Fashion-MNIST images. The shared data holds 2,000 Fashion-MNIST
 * test images, so the example trains on 1,600 of them and validates on the other 400 (the course
 * uses the 60,000 training images). It trains with the course's recipe (plain SGD, batch 128)
 * first, then with Horn's (momentum, batch 32). Run: `node dist/chapters/convolution-network.js`.
 */
import { readFileSync } from 'node:fs';
import { GradientTape, type Variable, variable } from '@horn/autograd';
import { readNpz } from '@horn/datasets';
import { GlorotUniform } from '@horn/layers';
import { categoricalCrossentropy } from '@horn/losses';
import { type Optimizer, SGD } from '@horn/optimizers';
import { toCategorical } from '@horn/preprocessing';
import {
  add,
  argMax,
  conv2d,
  equal,
  matmul,
  maxPool2d,
  mean,
  relu,
  reshape,
  slice,
  type Tensor,
  tidy,
  zeros,
} from '@horn/tensor';
import { sharedDataPath } from '../data/shared-data.js';
import { runIfMain } from '../run-if-main.js';

/** The course's ConvolutionNetwork: weights as variables, forpass written with ops. */
export class ConvolutionNetwork {
  readonly losses: number[] = [];
  readonly valLosses: number[] = [];
  private readonly weights: Variable[];

  constructor(
    private readonly optimizer: Optimizer,
    readonly nKernels = 10,
    readonly units = 100,
    seed = 42,
  ) {
    const g = (shape: number[], s: number) => variable(new GlorotUniform({ seed: s }).apply(shape));
    this.weights = [
      g([3, 3, 1, nKernels], seed),
      variable(zeros([nKernels])),
      g([14 * 14 * nKernels, units], seed + 1),
      variable(zeros([units])),
      g([units, 10], seed + 2),
      variable(zeros([10])),
    ];
  }

  /** conv → relu → max pool → flatten → dense relu → logits. */
  forpass(x: Tensor): Tensor {
    const [convW, convB, w1, b1, w2, b2] = this.weights;
    const cOut = add(conv2d(x, convW, { strides: 1, padding: 'same' }), convB);
    const pOut = maxPool2d(relu(cOut), { poolSize: 2, strides: 2, padding: 'valid' });
    const fOut = reshape(pOut, [x.shape[0], -1]);
    const a1 = relu(add(matmul(fOut, w1), b1));
    return add(matmul(a1, w2), b2);
  }

  /** Mean softmax cross-entropy of the logits against one-hot targets. */
  loss(x: Tensor, y: Tensor): Tensor {
    return mean(categoricalCrossentropy(y, this.forpass(x), { fromLogits: true }));
  }

  /** One gradient step on a mini-batch. */
  training(x: Tensor, y: Tensor): number {
    return tidy(() => {
      const tape = new GradientTape();
      const loss = tape.run(() => this.loss(x, y));
      const grads = tape.gradient(loss, this.weights);
      this.optimizer.applyGradients(this.weights.map((w, i) => [grads[i], w]));
      return loss.dataSync()[0];
    });
  }

  /** The course's fit: mini-batches of `batchSize`, training and validation loss per epoch. */
  fit(x: Tensor, y: Tensor, xVal: Tensor, yVal: Tensor, epochs: number, batchSize = 32, log = (_: string) => {}): void {
    const n = x.shape[0];
    for (let epoch = 0; epoch < epochs; epoch++) {
      const batchLosses: number[] = [];
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        batchLosses.push(
          tidy(() => this.training(slice(x, [start, 0, 0, 0], [size, -1, -1, -1]), slice(y, [start, 0], [size, -1]))),
        );
      }
      this.losses.push(batchLosses.reduce((a, b) => a + b, 0) / batchLosses.length);
      this.valLosses.push(tidy(() => this.loss(xVal, yVal)).dataSync()[0]);
      log(`epoch ${epoch + 1}: loss ${this.losses.at(-1)?.toFixed(4)} - val_loss ${this.valLosses.at(-1)?.toFixed(4)}`);
    }
  }

  /** Accuracy of the arg-max prediction. */
  score(x: Tensor, y: Tensor): number {
    return tidy(() => mean(equal(argMax(this.forpass(x), 1), argMax(y, 1)).cast('float32'))).dataSync()[0];
  }
}

/** Loads the shared Fashion-MNIST subset, scaled to [0, 1], as [n, 28, 28, 1] with one-hot labels. */
export function loadFashionSubset(): { x: Tensor; y: Tensor } {
  const images = readNpz(readFileSync(sharedDataPath('fashion-mnist/subset-2000/x_test.npz')));
  const labels = readNpz(readFileSync(sharedDataPath('fashion-mnist/subset-2000/y_test.npz')));
  const x = Object.values(images)[0];
  const y = Object.values(labels)[0];
  return { x: reshape(x.cast('float32').div(255), [-1, 28, 28, 1]), y: toCategorical(y, 10) };
}

/** A training recipe: the optimizer and the mini-batch size. */
export interface Recipe {
  readonly label: string;
  readonly optimizer: () => Optimizer;
  readonly batchSize: number;
}

/** The course's recipe (6.2): plain SGD, learning rate 0.01, mini-batches of 128. */
export const COURSE_RECIPE: Recipe = {
  label: "the course's recipe: SGD(0.01), batch 128",
  optimizer: () => new SGD({ learningRate: 0.01 }),
  batchSize: 128,
};

/** Horn's recipe: SGD with momentum 0.9 and mini-batches of 32, which learns far more from 1,600 images. */
export const HORN_RECIPE: Recipe = {
  label: "Horn's recipe: SGD(0.01, momentum 0.9), batch 32",
  optimizer: () => new SGD({ learningRate: 0.01, momentum: 0.9 }),
  batchSize: 32,
};

/** Trains the network as the chapter does (Horn's recipe unless told) and returns it with its accuracy. */
export function convolutionNetworkChapter(epochs = 20, log?: (line: string) => void, recipe: Recipe = HORN_RECIPE) {
  const { x, y } = loadFashionSubset();
  const xTrain = slice(x, [0, 0, 0, 0], [1600, -1, -1, -1]);
  const yTrain = slice(y, [0, 0], [1600, -1]);
  const xVal = slice(x, [1600, 0, 0, 0], [400, -1, -1, -1]);
  const yVal = slice(y, [1600, 0], [400, -1]);
  const network = new ConvolutionNetwork(recipe.optimizer());
  network.fit(xTrain, yTrain, xVal, yVal, epochs, recipe.batchSize, log);
  return { network, accuracy: network.score(xVal, yVal) };
}

/**
 * Runs the program as `node dist/chapters/convolution-network.js` does — the course's recipe, then
 * Horn's — and returns its headline values (the `run all` harness checks them); the short mode
 * trains 1 and 3 epochs instead of 20 and 20.
 * @example (await run({ short: true })).firstLoss // 1.4201
 */
export async function run({ short } = { short: false }): Promise<{
  courseFirstLoss: number;
  courseValAccuracy: number;
  firstLoss: number;
  valAccuracy: number;
}> {
  const results = [];
  for (const [recipe, epochs] of [
    [COURSE_RECIPE, short ? 1 : 20],
    [HORN_RECIPE, short ? 3 : 20],
  ] as const) {
    console.log(`${recipe.label}, ${epochs} epochs`);
    const { network, accuracy } = convolutionNetworkChapter(epochs, (line) => console.log(line), recipe);
    console.log(`validation accuracy: ${accuracy.toFixed(4)}\n`);
    results.push({ firstLoss: network.losses[0], accuracy });
  }
  const [course, horn] = results;
  return {
    courseFirstLoss: course.firstLoss,
    courseValAccuracy: course.accuracy,
    firstLoss: horn.firstLoss,
    valAccuracy: horn.accuracy,
  };
}

runIfMain(import.meta.url, () => run());
