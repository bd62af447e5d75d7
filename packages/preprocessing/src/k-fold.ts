import { randomSource, Tensor, ValueError } from '@horn/tensor';
import type { DataLike, LabelsLike } from './arrays.js';
import { shuffleInPlace } from './random-order.js';

/**
 * Options of {@link KFold} and {@link StratifiedKFold}.
 * @example
 * const folds = [...new StratifiedKFold({ nSplits: 2, shuffle: true, seed: 3 }).split(4, [0, 0, 1, 1])];
 * folds.map(([, test]) => test); // [Int32Array [1, 2], Int32Array [0, 3]]: one sample of each class per fold
 */
export interface KFoldOptions {
  /** Number of folds, at least 2. Default 5. */
  nSplits?: number;
  /** Shuffle the samples (KFold) or each class's fold assignment (StratifiedKFold) first. Default false. */
  shuffle?: boolean;
  /** Seed of the shuffle; without it the global stream (`setSeed`) is used. */
  seed?: number;
}

/**
 * One fold: the indices of the training samples and of the held-out (test) samples, ascending.
 * @example
 * const [first]: Fold[] = [...new KFold({ nSplits: 3 }).split(6)];
 * const [train, test] = first;
 * train; // Int32Array [2, 3, 4, 5]
 * test; // Int32Array [0, 1]
 */
export type Fold = [train: Int32Array, test: Int32Array];

/**
 * scikit-learn's `KFold`: splits n samples into `nSplits` consecutive folds (the first `n % k`
 * folds one sample larger); each fold is the test set once. `split` yields `[train, test]` index
 * arrays in ascending order, as scikit-learn does. With `shuffle`, the samples are permuted first
 * (by Horn's generator: not the same permutation as scikit-learn's `random_state`).
 * @example
 * for (const [train, test] of new KFold({ nSplits: 3 }).split(10)) console.log(test);
 * // Int32Array [0, 1, 2, 3], then [4, 5, 6], then [7, 8, 9]
 */
export class KFold {
  /** Number of folds. */
  readonly nSplits: number;
  /** Whether samples are shuffled before folding. */
  readonly shuffle: boolean;
  /** Seed of the shuffle, if any. */
  readonly seed: number | undefined;

  constructor(options: KFoldOptions = {}) {
    this.nSplits = options.nSplits ?? 5;
    this.shuffle = options.shuffle ?? false;
    this.seed = options.seed;
    if (!Number.isInteger(this.nSplits) || this.nSplits < 2) {
      throw new ValueError(`${this.constructor.name}: nSplits must be an integer of at least 2, got ${this.nSplits}`);
    }
  }

  /**
   * Yields `[trainIndices, testIndices]` for each fold of x (a tensor or array whose first axis
   * is the samples) or of a sample count.
   * @example [...new KFold({ nSplits: 2 }).split(4)] // [[[2, 3], [0, 1]], [[0, 1], [2, 3]]]
   */
  *split(x: DataLike | number, _y?: LabelsLike): Generator<Fold> {
    const n = this.checkCount(sampleCount(x));
    const order = Int32Array.from({ length: n }, (_, i) => i);
    if (this.shuffle) shuffleInPlace(order, randomSource(this.seed));
    const folds = new Int32Array(n);
    let start = 0;
    for (let k = 0; k < this.nSplits; k++) {
      const size = Math.floor(n / this.nSplits) + (k < n % this.nSplits ? 1 : 0);
      for (let i = start; i < start + size; i++) folds[order[i]] = k;
      start += size;
    }
    yield* foldsToSplits(folds, this.nSplits);
  }

  /** Throws unless there are at least nSplits samples; returns n. */
  protected checkCount(n: number): number {
    if (this.nSplits > n) {
      throw new ValueError(
        `${this.constructor.name}: cannot have nSplits=${this.nSplits} greater than the number of samples n=${n}`,
      );
    }
    return n;
  }
}

/**
 * scikit-learn's `StratifiedKFold`: folds that keep each class's proportion. Classes are taken in
 * order of first appearance; the sorted labels are dealt round-robin to the folds (scikit-learn's
 * allocation since 0.22), so fold sizes differ by at most one per class.
 * @example
 * const folds = [...new StratifiedKFold({ nSplits: 2 }).split(x, [0, 0, 1, 1])];
 * folds[0][1] // Int32Array [0, 2]
 */
export class StratifiedKFold extends KFold {
  /**
   * Yields `[trainIndices, testIndices]` for each fold; `y` (the labels) is required.
   * @example new StratifiedKFold({ nSplits: 3 }).split(x, y)
   */
  override *split(x: DataLike | number, y?: LabelsLike): Generator<Fold> {
    if (y === undefined) throw new ValueError('StratifiedKFold.split: the labels y are required');
    const labels = y instanceof Tensor ? Array.from(y.dataSync()) : Array.from(y);
    const n = this.checkCount(sampleCount(x));
    if (labels.length !== n)
      throw new ValueError(`StratifiedKFold.split: y has ${labels.length} labels for ${n} samples`);
    // Encode classes by order of first appearance, as scikit-learn does.
    const code = new Map<number, number>();
    const encoded = labels.map((l) => {
      if (!code.has(l)) code.set(l, code.size);
      return code.get(l)!;
    });
    const nClasses = code.size;
    const counts = new Array<number>(nClasses).fill(0);
    for (const e of encoded) counts[e]++;
    if (counts.every((c) => this.nSplits > c)) {
      throw new ValueError(
        `StratifiedKFold: nSplits=${this.nSplits} cannot be greater than the number of members in each class (largest class: ${Math.max(...counts)})`,
      );
    }
    const sorted = [...encoded].sort((a, b) => a - b);
    // allocation[k][c]: how many samples of class c fold k gets.
    const allocation = Array.from({ length: this.nSplits }, () => new Array<number>(nClasses).fill(0));
    sorted.forEach((c, i) => {
      allocation[i % this.nSplits][c]++;
    });
    const rng = randomSource(this.seed);
    const folds = new Int32Array(n);
    for (let c = 0; c < nClasses; c++) {
      const foldsForClass: number[] = [];
      for (let k = 0; k < this.nSplits; k++) for (let j = 0; j < allocation[k][c]; j++) foldsForClass.push(k);
      if (this.shuffle) shuffleInPlace(foldsForClass, rng);
      let at = 0;
      encoded.forEach((e, i) => {
        if (e === c) folds[i] = foldsForClass[at++];
      });
    }
    yield* foldsToSplits(folds, this.nSplits);
  }
}

function* foldsToSplits(folds: Int32Array, nSplits: number): Generator<Fold> {
  for (let k = 0; k < nSplits; k++) {
    const train: number[] = [];
    const test: number[] = [];
    folds.forEach((f, i) => {
      (f === k ? test : train).push(i);
    });
    yield [Int32Array.from(train), Int32Array.from(test)];
  }
}

function sampleCount(x: DataLike | number): number {
  if (typeof x === 'number') {
    if (!Number.isInteger(x) || x < 0)
      throw new ValueError(`KFold.split: a sample count must be a whole number, got ${x}`);
    return x;
  }
  if (x instanceof Tensor) {
    if (x.shape.length === 0) throw new ValueError('KFold.split: x must have a sample axis, got a scalar');
    return x.shape[0];
  }
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return (x as ArrayLike<unknown>).length;
  throw new ValueError('KFold.split: x must be a Tensor, an array or a sample count');
}
