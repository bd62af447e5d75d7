/**
 * The course's chapter 3 (starting with neural networks): standardization of the apple table,
 * the logistic unit on breast cancer without and with scaling, L1 and L2 regularization
 * (gradients α·sign(w) and α·w added by hand, as the course writes them), and k-fold
 * cross-validation. Training is full-batch gradient descent (chapter 4.2's matrix form) so the
 * whole chapter runs in seconds. Run: `node dist/chapters/scaling-regularization.js`.
 */
import { breastCancer } from '@horn/datasets';
import { crossValidate, StandardScaler, trainTestSplit } from '@horn/preprocessing';
import {
  add,
  cast,
  clip,
  equal,
  greater,
  matmul,
  mean,
  mul,
  reshape,
  sigmoid,
  sign,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  zeros,
} from '@horn/tensor';
import type { Headline } from '../course/course-program.js';
import { runIfMain } from '../run-if-main.js';

/** Options of {@link trainLogisticUnit}. */
export interface LogisticUnitOptions {
  epochs?: number;
  learningRate?: number;
  l1?: number;
  l2?: number;
}

/** A trained logistic unit: its weights, and accuracy on another set. */
export interface LogisticUnit {
  w: Tensor;
  b: number;
  accuracy(x: Tensor, y: Tensor): number;
}

/**
 * The course's logistic unit trained by full-batch gradient descent with the gradients written
 * out: dL/dw = Xᵀ(a − y)/m + α₁·sign(w) + α₂·w, dL/db = mean(a − y).
 */
export function trainLogisticUnit(x: Tensor, y: Tensor, options: LogisticUnitOptions = {}): LogisticUnit {
  const { epochs = 100, learningRate = 0.1, l1 = 0, l2 = 0 } = options;
  const m = x.shape[0];
  const target = reshape(cast(y, 'float32'), [m, 1]);
  let w = zeros([x.shape[1], 1]);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const [nextW, db] = tidy(() => {
      const a = sigmoid(add(matmul(x, w), b));
      const err = sub(a, target);
      const grad = add(add(matmul(x, err, true, false).div(m), mul(sign(w), l1)), mul(w, l2));
      return [sub(w, mul(grad, learningRate)), mean(err).dataSync()[0]];
    }) as [Tensor, number];
    w.dispose();
    w = nextW;
    b -= learningRate * db;
  }
  const accuracy = (xs: Tensor, ys: Tensor) =>
    tidy(() => {
      const a = reshape(sigmoid(add(matmul(xs, w), b)), [-1]);
      return mean(cast(equal(cast(greater(clip(a, 0, 1), 0.5), 'float32'), cast(ys, 'float32')), 'float32'));
    }).dataSync()[0];
  return { w, b, accuracy };
}

/** The chapter's results. */
export async function scalingRegularizationChapter(): Promise<Record<string, number | number[]>> {
  const apples = new StandardScaler().fitTransform(
    tensor([
      [4, 540],
      [8, 700],
      [2, 480],
    ]),
  );
  const { data, target } = breastCancer.loadData();
  const [xTrainAll, , yTrainAll] = trainTestSplit(data, target, { testSize: 0.2, stratify: target, seed: 42 });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xTrainAll, yTrainAll, {
    testSize: 0.2,
    stratify: yTrainAll,
    seed: 42,
  });
  const raw = trainLogisticUnit(xTrain, yTrain, { learningRate: 1e-5 });
  const scaler = new StandardScaler().fit(xTrain);
  const train = scaler.transform(xTrain);
  const val = scaler.transform(xVal);
  const scaled = trainLogisticUnit(train, yTrain);
  const l1 = trainLogisticUnit(train, yTrain, { l1: 0.01 });
  const l2 = trainLogisticUnit(train, yTrain, { l2: 0.1 });
  const norm = (unit: LogisticUnit, p: 1 | 2) =>
    tidy(() => (p === 1 ? sum(unit.w.abs()) : sum(unit.w.square()).sqrt())).dataSync()[0];
  const folds = await crossValidate(
    (xt, yt, xv, yv) => {
      const foldScaler = new StandardScaler().fit(xt);
      return trainLogisticUnit(foldScaler.transform(xt), yt).accuracy(foldScaler.transform(xv), yv);
    },
    xTrainAll,
    yTrainAll,
    { k: 10 },
  );
  return {
    'apples standardized (sugar)': [...apples.slice([0, 0], [3, 1]).dataSync()],
    'apples standardized (weight)': [...apples.slice([0, 1], [3, 1]).dataSync()],
    'validation accuracy, raw features': raw.accuracy(xVal, yVal),
    'validation accuracy, standardized': scaled.accuracy(val, yVal),
    '|w|₁ without regularization': norm(scaled, 1),
    '|w|₁ with L1 α = 0.01': norm(l1, 1),
    '‖w‖₂ with L2 α = 0.1': norm(l2, 2),
    '‖w‖₂ without regularization': norm(scaled, 2),
    'validation accuracy with L1': l1.accuracy(val, yVal),
    'validation accuracy with L2': l2.accuracy(val, yVal),
    '10-fold cross-validation scores': folds.scores,
    '10-fold cross-validation mean': folds.mean,
  };
}

/** Prints the chapter's results; returns them for `run all`. */
export async function run(): Promise<Record<string, Headline>> {
  const r = await scalingRegularizationChapter();
  for (const [name, value] of Object.entries(r)) {
    const text = Array.isArray(value) ? `[${value.map((v) => v.toFixed(3)).join(', ')}]` : value.toFixed(4);
    console.log(`${name}: ${text}`);
  }
  return r;
}

runIfMain(import.meta.url, run);
