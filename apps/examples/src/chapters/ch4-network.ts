/**
 * The course's chapter 4 networks, written out as its NumPy code is: a single layer or a layer of
 * sigmoid hidden units before a sigmoid output, the forward pass as matrix products (Z = XW + b),
 * the backward pass by hand (∂L/∂W₂ = A₁ᵀ·Err / m, Err·W₂ᵀ ⊙ A₁(1 − A₁) to the hidden layer),
 * L1 / L2 terms added to the weight gradients, and batch, stochastic or mini-batch updates; with
 * `classes` > 1 the output is softmax and the loss categorical cross-entropy (4.5), whose gradient
 * at z is the same A − Y. Shared by `ch4-gradient-descent.ts` and `ch4-multiclass-network.ts`; `fixtures/make-course-2-4.py` runs the same algorithm in NumPy.
 */
import { breastCancer } from '@horn/datasets';
import { StandardScaler, splitIndices } from '@horn/preprocessing';
import {
  add,
  argMax,
  cast,
  clip,
  gather,
  greater,
  log,
  matmul,
  mean,
  mul,
  oneHot,
  Random,
  reshape,
  sigmoid,
  sign,
  softmax,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '@horn/tensor';

/** Options of {@link CourseNetwork}. */
export interface CourseNetworkOptions {
  /** Hidden sigmoid units; 0 (the default) is the single layer of 4.2. */
  readonly units?: number;
  /** Learning rate η. Default 0.1. */
  readonly learningRate?: number;
  /** L1 strength α (gradient α·sign(w) / m). Default 0. */
  readonly l1?: number;
  /** L2 strength α (gradient α·w / m). Default 0. */
  readonly l2?: number;
  /** Rows per update: omitted is batch gradient descent, 1 stochastic, 32 mini-batch. */
  readonly batchSize?: number;
  /** Initial weights: all ones (4.2–4.3's listings) or standard normal from this seed (4.3's random init). */
  readonly initSeed?: number;
  /** Seed of the per-epoch shuffle of the mini-batches. Default 42. */
  readonly shuffleSeed?: number;
  /** Output units: 1 (the default) is a sigmoid yes/no; more is softmax over that many classes. */
  readonly classes?: number;
  /** Scale of the random initial weights (standard normal × this). Default 1, the course's. */
  readonly initScale?: number;
  /** Record the training loss after every epoch (default), or only after the last (a big set's loss is costly). */
  readonly lossEveryEpoch?: boolean;
}

/** The course's network: `fit`, `score`, the per-epoch training loss. */
export class CourseNetwork {
  private weights: Tensor[] = [];
  private rng = new Random(42);
  /** The training loss (cross-entropy + the regularization terms) after each epoch (or the last). */
  readonly losses: number[] = [];

  constructor(private readonly options: CourseNetworkOptions = {}) {
    const { units = 0, learningRate = 0.1, batchSize, classes = 1 } = options;
    if (!Number.isInteger(classes) || classes < 1) {
      throw new Error(`CourseNetwork: classes must be an integer >= 1, got ${classes}`);
    }
    if (!Number.isInteger(units) || units < 0)
      throw new Error(`CourseNetwork: units must be an integer >= 0, got ${units}`);
    if (!(learningRate > 0)) throw new Error(`CourseNetwork: learningRate must be > 0, got ${learningRate}`);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
      throw new Error(`CourseNetwork: batchSize must be an integer >= 1, got ${batchSize}`);
    }
  }

  private init(features: number): void {
    const { units = 0, initSeed, classes = 1, initScale = 1 } = this.options;
    const rng = initSeed === undefined ? null : new Random(initSeed);
    const matrix = (rows: number, cols: number) =>
      tensor(
        Array.from({ length: rows * cols }, () => (rng ? rng.nextNormal() * initScale : 1)),
        [rows, cols],
      );
    const zeros = (n: number) => tensor(new Array(n).fill(0));
    this.weights =
      units === 0
        ? [matrix(features, classes), zeros(classes)]
        : [matrix(features, units), zeros(units), matrix(units, classes), zeros(classes)];
  }

  /** ŷ = sigmoid (softmax) of the last layer's z, and the hidden activations A₁ (none for a single layer). */
  private forward(x: Tensor): { a: Tensor; hidden?: Tensor } {
    const w = this.weights;
    const out = (z: Tensor) => ((this.options.classes ?? 1) > 1 ? softmax(z) : sigmoid(z));
    if (w.length === 2) return { a: out(add(matmul(x, w[0]), w[1])) };
    const hidden = sigmoid(add(matmul(x, w[0]), w[1]));
    return { a: out(add(matmul(hidden, w[2]), w[3])), hidden };
  }

  /** The targets as the output's shape: a column of 0/1, or one-hot rows. */
  private targets(y: Tensor): Tensor {
    const classes = this.options.classes ?? 1;
    return classes > 1 ? oneHot(cast(y, 'int32'), classes) : reshape(cast(y, 'float32'), [-1, 1]);
  }

  /** One update on the rows of x, y (y a column) in `index`, or all of them; `m` divides the regularization terms. */
  private step(xAll: Tensor, yAll: Tensor, m: number, index?: readonly number[]): void {
    const { learningRate = 0.1, l1 = 0, l2 = 0 } = this.options;
    const next = tidy(() => {
      const picked = index && tensor(index as number[], [index.length], 'int32');
      const x = picked ? gather(xAll, picked) : xAll;
      const y = picked ? gather(yAll, picked) : yAll;
      const rows = x.shape[0];
      const { a, hidden } = this.forward(x);
      const err = sub(a, y);
      const penalty = (w: Tensor) => mul(add(mul(sign(w), l1), mul(w, l2)), 1 / m);
      const grads: Tensor[] = [];
      if (hidden === undefined) {
        grads.push(add(matmul(x, err, true, false).div(rows), penalty(this.weights[0])), sum(err, 0).div(rows));
      } else {
        const w2 = this.weights[2];
        const toHidden = mul(mul(matmul(err, w2, false, true), hidden), sub(1, hidden));
        grads.push(
          add(matmul(x, toHidden, true, false).div(rows), penalty(this.weights[0])),
          sum(toHidden, 0).div(rows),
          add(matmul(hidden, err, true, false).div(rows), penalty(w2)),
          sum(err, 0).div(rows),
        );
      }
      return this.weights.map((w, i) => sub(w, mul(grads[i], learningRate)));
    });
    for (const w of this.weights) w.dispose();
    this.weights = next;
  }

  /** Cross-entropy (predictions clipped to [1e-7, 1 − 1e-7], as Keras) on x, y plus the L1 / L2 terms (divided by m, as the course). */
  loss(x: Tensor, y: Tensor): number {
    const { l1 = 0, l2 = 0 } = this.options;
    return tidy(() => {
      const a = clip(this.forward(x).a, 1e-7, 1 - 1e-7);
      const target = this.targets(y);
      const ce =
        (this.options.classes ?? 1) > 1
          ? mean(sum(mul(target, log(a)), 1)).neg()
          : mean(add(mul(target, log(a)), mul(sub(1, target), log(sub(1, a))))).neg();
      let penalty = 0;
      for (let i = 0; i < this.weights.length; i += 2) {
        const w = this.weights[i];
        penalty += l1 * sum(w.abs()).dataSync()[0] + (l2 / 2) * sum(w.square()).dataSync()[0];
      }
      return ce.dataSync()[0] + penalty / x.shape[0];
    });
  }

  /** Initializes the weights and trains for `epochs` on x [m, n] and 0/1 labels y [m]. */
  fit(x: Tensor, y: Tensor, epochs: number): this {
    this.init(x.shape[1]);
    this.rng = new Random(this.options.shuffleSeed ?? 42);
    return this.train(x, y, epochs);
  }

  /** Trains `epochs` more (after {@link fit}); records the loss after each epoch. */
  train(x: Tensor, y: Tensor, epochs: number): this {
    if (this.weights.length === 0) throw new Error('CourseNetwork.train: call fit first, it initializes the weights');
    const m = x.shape[0];
    const column = this.targets(y);
    const { batchSize } = this.options;
    const rng = this.rng;
    for (let epoch = 0; epoch < epochs; epoch++) {
      if (batchSize === undefined || batchSize >= m) {
        this.step(x, column, m);
      } else {
        const order = Array.from({ length: m }, (_, i) => i);
        for (let i = m - 1; i > 0; i--) {
          const j = rng.nextInt(i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        for (let start = 0; start < m; start += batchSize) {
          this.step(x, column, m, order.slice(start, start + batchSize));
        }
      }
      if ((this.options.lossEveryEpoch ?? true) || epoch === epochs - 1) this.losses.push(this.loss(x, y));
    }
    return this;
  }

  /** Accuracy on x, y: predict 1 where ŷ > 0.5 (z > 0), or the class of the largest softmax output. */
  score(x: Tensor, y: Tensor): number {
    return tidy(() => {
      const a = this.forward(x).a;
      const predicted =
        (this.options.classes ?? 1) > 1
          ? cast(argMax(a, 1), 'float32')
          : cast(greater(reshape(a, [-1]), 0.5), 'float32');
      return mean(cast(predicted.equal(cast(y, 'float32')), 'float32')).dataSync()[0];
    });
  }
}

/** The course's breast-cancer split: 20% test, then 20% of the rest for validation (stratified, seed 42). */
export function breastCancerSplit(): { train: Int32Array; validation: Int32Array; test: Int32Array } {
  const { target } = breastCancer.loadData();
  const labels = target.dataSync();
  const [rest, test] = splitIndices(labels.length, { testSize: 0.2, stratify: target, seed: 42 });
  const [train, validation] = splitIndices(rest.length, {
    testSize: 0.2,
    stratify: Array.from(rest, (i) => labels[i]),
    seed: 42,
  });
  return { train: train.map((i) => rest[i]), validation: validation.map((i) => rest[i]), test };
}

/** The split's training and validation sets, standardized with the training set's mean and deviation. */
export function standardizedBreastCancer(): { xTrain: Tensor; yTrain: Tensor; xVal: Tensor; yVal: Tensor } {
  const { data, target } = breastCancer.loadData();
  const { train, validation } = breastCancerSplit();
  const rows = (t: Tensor, index: Int32Array) => gather(t, tensor(Array.from(index), [index.length], 'int32'));
  const scaler = new StandardScaler().fit(rows(data, train));
  return {
    xTrain: scaler.transform(rows(data, train)),
    yTrain: rows(target, train),
    xVal: scaler.transform(rows(data, validation)),
    yVal: rows(target, validation),
  };
}
