import { ValueError } from '@horn/tensor';

/**
 * scikit-learn's `_validate_shuffle_split`: the train and test sizes for n samples. A fraction
 * in (0, 1) gives `ceil(testSize * n)` test and `floor(trainSize * n)` train samples; an integer
 * is a count. With only one of them given, the other is the rest; with neither, testSize is 0.25.
 * @example splitSizes(569, 0.2) // { train: 455, test: 114 }
 */
export function splitSizes(
  n: number,
  testSize?: number,
  trainSize?: number,
  op = 'trainTestSplit',
): { train: number; test: number } {
  const check = (value: number | undefined, name: string) => {
    if (value === undefined) return;
    const isInt = Number.isInteger(value) && value >= 1;
    const isFraction = !Number.isInteger(value) && value > 0 && value < 1;
    if (!(isInt || isFraction) || (isInt && value >= n)) {
      throw new ValueError(
        `${op}: ${name}=${value} should be a fraction in (0, 1) or a whole count in [1, ${n - 1}] (n = ${n} samples)`,
      );
    }
  };
  if (testSize === undefined && trainSize === undefined) testSize = 0.25;
  check(testSize, 'testSize');
  check(trainSize, 'trainSize');
  const fraction = (v: number) => !Number.isInteger(v);
  let test = testSize === undefined ? undefined : fraction(testSize) ? Math.ceil(testSize * n) : testSize;
  let train = trainSize === undefined ? undefined : fraction(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (train === undefined) train = n - test!;
  if (test === undefined) test = n - train;
  if (train + test > n) {
    throw new ValueError(`${op}: ${train} train + ${test} test samples exceed the ${n} samples given`);
  }
  if (train === 0) {
    throw new ValueError(
      `${op}: with n = ${n}, testSize=${testSize} and trainSize=${trainSize} the training set would be empty`,
    );
  }
  return { train, test };
}
