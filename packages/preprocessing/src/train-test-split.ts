import { randomSource, type Tensor, ValueError } from '@horn/tensor';
import { asTensor, type DataLike, type LabelsLike, labelValues, sameRows, takeRows } from './arrays.js';
import { permutation } from './random-order.js';
import { splitSizes } from './split-sizes.js';
import { approximateMode, groupByClass } from './stratified-draw.js';

/**
 * Options of {@link trainTestSplit}, scikit-learn's `train_test_split` arguments in camelCase.
 * @example
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit([[1], [2], [3], [4], [5]], [0, 1, 2, 3, 4], { testSize: 2, shuffle: false });
 * xTrain.shape; // [3, 1]
 * yTest.arraySync(); // [3, 4]
 */
export interface TrainTestSplitOptions {
  /** Fraction in (0, 1) of samples for the test set (`ceil(testSize * n)`), or a whole count. Default 0.25. */
  testSize?: number;
  /** Fraction (`floor(trainSize * n)`) or count for the training set. Default: the rest. */
  trainSize?: number;
  /** Shuffle before splitting. Default true; false takes the first samples for training. */
  shuffle?: boolean;
  /** Labels to keep the class proportions of in both parts (usually `y`). Requires `shuffle`. */
  stratify?: LabelsLike;
  /** Seed for the shuffle; without it the global stream (`setSeed`) is used. */
  seed?: number;
}

/**
 * scikit-learn's `train_test_split(x, y)`: returns `[xTrain, xTest, yTrain, yTest]`, rows taken
 * along axis 0. Sizes, the unshuffled order and the stratified allocation (`StratifiedShuffleSplit`)
 * follow scikit-learn; the random order comes from Horn's seeded generator, so the same `seed`
 * does not give the same rows as scikit-learn's `random_state`.
 * @example
 * const { data, target } = breastCancer.loadData();
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit(data, target, { testSize: 0.2, stratify: target, seed: 42 });
 * xTrain.shape // [455, 30]; xTest.shape // [114, 30]
 */
export function trainTestSplit(
  x: DataLike,
  y: DataLike,
  options: TrainTestSplitOptions = {},
): [Tensor, Tensor, Tensor, Tensor] {
  const xs = asTensor(x, 'x', 'trainTestSplit');
  const ys = asTensor(y, 'y', 'trainTestSplit');
  const n = sameRows('trainTestSplit', ['x', xs], ['y', ys]);
  const [train, test] = splitIndices(n, options);
  return [takeRows(xs, train), takeRows(xs, test), takeRows(ys, train), takeRows(ys, test)];
}

/**
 * The train and test row indices {@link trainTestSplit} uses for n samples.
 * @example splitIndices(10, { testSize: 0.3, shuffle: false }) // [[0..6], [7, 8, 9]]
 */
export function splitIndices(n: number, options: TrainTestSplitOptions = {}): [Int32Array, Int32Array] {
  const { train, test } = splitSizes(n, options.testSize, options.trainSize);
  const shuffle = options.shuffle ?? true;
  if (!shuffle) {
    if (options.stratify !== undefined) {
      throw new ValueError('trainTestSplit: stratified splitting needs shuffle=true (as in scikit-learn)');
    }
    return [Int32Array.from({ length: train }, (_, i) => i), Int32Array.from({ length: test }, (_, i) => train + i)];
  }
  const rng = randomSource(options.seed);
  if (options.stratify === undefined) {
    const order = permutation(n, rng);
    return [order.slice(test, test + train), order.slice(0, test)];
  }
  const labels = labelValues(options.stratify, 'stratify', 'trainTestSplit');
  if (labels.length !== n) {
    throw new ValueError(`trainTestSplit: stratify has ${labels.length} labels for ${n} samples`);
  }
  const { classes, members } = groupByClass(labels);
  const counts = members.map((m) => m.length);
  const rarest = Math.min(...counts);
  if (rarest < 2) {
    throw new ValueError(
      `trainTestSplit: the least populated class in stratify (label ${classes[counts.indexOf(rarest)]}) has only 1 member; each class needs at least 2`,
    );
  }
  if (train < classes.length || test < classes.length) {
    throw new ValueError(
      `trainTestSplit: train size ${train} and test size ${test} must each be at least the number of classes (${classes.length})`,
    );
  }
  const trainPerClass = approximateMode(counts, train, rng);
  const testPerClass = approximateMode(
    counts.map((c, i) => c - trainPerClass[i]),
    test,
    rng,
  );
  const trainRows: number[] = [];
  const testRows: number[] = [];
  members.forEach((rows, k) => {
    const order = permutation(rows.length, rng);
    for (let i = 0; i < trainPerClass[k]; i++) trainRows.push(rows[order[i]]);
    for (let i = trainPerClass[k]; i < trainPerClass[k] + testPerClass[k]; i++) testRows.push(rows[order[i]]);
  });
  const shuffled = (rows: number[]) => Int32Array.from(permutation(rows.length, rng), (i) => rows[i]);
  return [shuffled(trainRows), shuffled(testRows)];
}
