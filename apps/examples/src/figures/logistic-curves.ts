/**
 * The course's logistic unit (chapters 3-4) trained by gradient descent with its gradients written
 * out, recording the training and validation loss of every epoch — the curves of the course's
 * loss figures. `batchSize` 1 is stochastic gradient descent (3.1), the whole set is batch gradient
 * descent (4.2), anything between is mini-batch (4.4).
 */
import { breastCancer } from '@horn/datasets';
import { StandardScaler, trainTestSplit } from '@horn/preprocessing';
import {
  add,
  cast,
  clip,
  gather,
  log,
  matmul,
  mean,
  mul,
  neg,
  Random,
  reshape,
  sigmoid,
  sign,
  slice,
  sub,
  type Tensor,
  tensor,
  tidy,
  zeros,
} from '@horn/tensor';

/** Options of {@link logisticCurves}. */
export interface LogisticCurveOptions {
  epochs: number;
  learningRate: number;
  /** Samples per update; default: the whole set (batch gradient descent). */
  batchSize?: number;
  l1?: number;
  l2?: number;
  /** Seed of the per-epoch shuffle (mini-batches only). Default 42. */
  seed?: number;
}

/** Loss per epoch and the final weights. */
export interface LogisticCurves {
  loss: number[];
  valLoss: number[];
  w: number[];
}

/** Mean binary cross-entropy of the unit on (x, y), a clipped to [1e-7, 1 − 1e-7]. */
function bce(x: Tensor, y: Tensor, w: Tensor, b: Tensor): number {
  return tidy(() => {
    const a = clip(sigmoid(add(matmul(x, w), b)), 1e-7, 1 - 1e-7);
    return neg(mean(add(mul(y, log(a)), mul(sub(1, y), log(sub(1, a)))))).dataSync()[0];
  });
}

/** Trains a logistic unit from zero weights; y is [m] of 0/1. */
export function logisticCurves(
  x: Tensor,
  y: Tensor,
  xVal: Tensor,
  yVal: Tensor,
  o: LogisticCurveOptions,
): LogisticCurves {
  const m = x.shape[0];
  const col = (t: Tensor) => reshape(cast(t, 'float32'), [-1, 1]);
  const target = col(y);
  const valTarget = col(yVal);
  const batch = o.batchSize ?? m;
  const rng = new Random(o.seed ?? 42);
  let w = zeros([x.shape[1], 1]);
  let b = zeros([1]);
  const curves: LogisticCurves = { loss: [], valLoss: [], w: [] };
  const order = Array.from({ length: m }, (_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    if (batch < m) {
      for (let i = m - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const xs = batch < m ? gather(x, tensor(order, [m], 'int32')) : x;
    const ys = batch < m ? gather(target, tensor(order, [m], 'int32')) : target;
    for (let start = 0; start < m; start += batch) {
      const size = Math.min(batch, m - start);
      const [nw, nb] = tidy(() => {
        const xb = slice(xs, [start, 0], [size, -1]);
        const err = sub(sigmoid(add(matmul(xb, w), b)), slice(ys, [start, 0], [size, -1]));
        const grad = add(add(matmul(xb, err, true, false).div(size), mul(sign(w), o.l1 ?? 0)), mul(w, o.l2 ?? 0));
        return [sub(w, mul(grad, o.learningRate)), sub(b, mul(mean(err), o.learningRate))];
      });
      w.dispose();
      b.dispose();
      w = nw;
      b = nb;
    }
    if (xs !== x) xs.dispose();
    if (ys !== target) ys.dispose();
    curves.loss.push(bce(x, target, w, b));
    curves.valLoss.push(bce(xVal, valTarget, w, b));
  }
  curves.w = Array.from(w.dataSync());
  return curves;
}

/** The course's breast-cancer split (80/20 twice, stratified, seed 42), raw and standardized. */
export function breastCancerSplit(): { raw: Tensor[]; scaled: Tensor[]; featureNames: string[] } {
  const { data, target, featureNames } = breastCancer.loadData();
  const [xTrainAll, , yTrainAll] = trainTestSplit(data, target, { testSize: 0.2, stratify: target, seed: 42 });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xTrainAll, yTrainAll, {
    testSize: 0.2,
    stratify: yTrainAll,
    seed: 42,
  });
  const scaler = new StandardScaler().fit(xTrain);
  return {
    raw: [xTrain, yTrain, xVal, yVal],
    scaled: [scaler.transform(xTrain), yTrain, scaler.transform(xVal), yVal],
    featureNames,
  };
}
