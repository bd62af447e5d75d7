import type { Tensor } from '@horn/tensor';
import { asTensor, type DataLike, labelValues, sameRows, takeRows } from './arrays.js';
import { KFold, StratifiedKFold } from './k-fold.js';

/**
 * Trains a fresh model on one fold's training part and returns its score on the held-out part.
 * @example
 * const meanOfHeldOut: BuildAndScore = (xTrain, yTrain, xVal, yVal) => yVal.mean().arraySync() as number;
 * (await crossValidate(meanOfHeldOut, [[1], [2], [3], [4]], [1, 2, 3, 4], { k: 2 })).scores; // [1.5, 3.5]
 */
export type BuildAndScore = (xTrain: Tensor, yTrain: Tensor, xVal: Tensor, yVal: Tensor) => number | Promise<number>;

/**
 * Options of {@link crossValidate}.
 * @example
 * const countHeldOut: BuildAndScore = (xTrain, yTrain, xVal) => xVal.shape[0];
 * const x = [[1], [2], [3], [4], [5], [6]], y = [0, 1, 0, 1, 0, 1];
 * (await crossValidate(countHeldOut, x, y, { k: 3, stratified: true, shuffle: true, seed: 0 })).scores; // [2, 2, 2]
 */
export interface CrossValidateOptions {
  /** Number of folds. Default 5. */
  k?: number;
  /** Use {@link StratifiedKFold} on y (classification). Default false ({@link KFold}). */
  stratified?: boolean;
  /** Shuffle before folding. Default: true when a seed is given, else false (consecutive folds, like the course). */
  shuffle?: boolean;
  /** Seed of the shuffle. */
  seed?: number;
}

/**
 * Per-fold scores with their mean and (population) standard deviation.
 * @example
 * const { scores, mean, std } = await crossValidate((xTrain, yTrain, xVal, yVal) => yVal.mean().arraySync() as number, [[1], [2], [3], [4]], [1, 2, 3, 4], { k: 2 });
 * scores; // [1.5, 3.5]
 * mean; // 2.5
 * std; // 1 (population std, as np.std)
 */
export interface CrossValidateResult {
  scores: number[];
  mean: number;
  std: number;
}

/**
 * k-fold cross-validation, as chapter 3 of the course does by hand and scikit-learn's
 * `cross_val_score` does for an estimator: for each fold, `buildAndScore(xTrain, yTrain, xVal, yVal)`
 * builds and trains a new model (and fits any scaler on xTrain only) and returns its validation
 * score. Folds run one after the other. Returns the scores, their mean and their std (ddof 0, as `np.std`).
 * @example
 * const { scores, mean } = await crossValidate(async (xTrain, yTrain, xVal, yVal) => {
 *   const scaler = new StandardScaler().fit(xTrain);
 *   const model = buildModel();
 *   await model.fit(scaler.transform(xTrain), yTrain, { epochs: 20 });
 *   return model.evaluate(scaler.transform(xVal), yVal);
 * }, xTrainAll, yTrainAll, { k: 10 });
 */
export async function crossValidate(
  buildAndScore: BuildAndScore,
  x: DataLike,
  y: DataLike,
  options: CrossValidateOptions = {},
): Promise<CrossValidateResult> {
  const xs = asTensor(x, 'x', 'crossValidate');
  const ys = asTensor(y, 'y', 'crossValidate');
  sameRows('crossValidate', ['x', xs], ['y', ys]);
  const kfold = new (options.stratified ? StratifiedKFold : KFold)({
    nSplits: options.k ?? 5,
    shuffle: options.shuffle ?? options.seed !== undefined,
    seed: options.seed,
  });
  const labels = options.stratified ? labelValues(ys, 'y', 'crossValidate') : undefined;
  const scores: number[] = [];
  for (const [train, test] of kfold.split(xs, labels)) {
    scores.push(await buildAndScore(takeRows(xs, train), takeRows(ys, train), takeRows(xs, test), takeRows(ys, test)));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length);
  return { scores, mean, std };
}
