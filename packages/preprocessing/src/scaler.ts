import { makeTensor, ShapeError, type Tensor } from '@horn/tensor';
import { asTensor, type DataLike, matrixShape } from './arrays.js';
import { NotFittedError } from './errors.js';

/**
 * The shared shape of Horn's scalers: learn per-feature statistics with `fit`, then map each value
 * of feature c with `forward` (and back with `backward`), in float64, returning float32 tensors.
 * @example
 * const scaler: Scaler = new StandardScaler();
 * scaler.fit(xTrain).transform(xTest);
 */
export abstract class Scaler {
  /** Number of features seen by `fit`; `null` before. */
  nFeaturesIn: number | null = null;
  /** Number of samples seen by `fit`; `null` before. */
  nSamplesSeen: number | null = null;

  /** The class name used in messages. */
  protected abstract get name(): string;

  /** Computes the public statistics from the row-major values of x. */
  protected abstract learn(values: ArrayLike<number>, rows: number, cols: number): void;

  /** Scales one value of feature c. */
  protected abstract forward(value: number, c: number): number;

  /** Unscales one value of feature c. */
  protected abstract backward(value: number, c: number): number;

  /**
   * Learns the per-feature statistics of x `[nSamples, nFeatures]`; returns this scaler.
   * @example new StandardScaler().fit([[0, 0], [1, 1]])
   */
  fit(x: DataLike): this {
    const t = asTensor(x, 'x', `${this.name}.fit`);
    const [rows, cols] = matrixShape(t, 'x', `${this.name}.fit`);
    if (rows === 0) throw new ShapeError(`${this.name}.fit: x has 0 samples; at least 1 is required`);
    this.learn(t.dataSync(), rows, cols);
    this.nFeaturesIn = cols;
    this.nSamplesSeen = rows;
    return this;
  }

  /**
   * Scales x with the fitted statistics: a float32 tensor of x's shape.
   * @example scaler.transform([[2, 2]])
   */
  transform(x: DataLike): Tensor {
    return this.apply(x, 'transform', (v, c) => this.forward(v, c));
  }

  /**
   * `fit(x)` then `transform(x)`.
   * @example new MinMaxScaler().fitTransform([[1], [3]]).arraySync() // [[0], [1]]
   */
  fitTransform(x: DataLike): Tensor {
    return this.fit(x).transform(x);
  }

  /**
   * Undoes `transform`: maps scaled values back to the original units.
   * @example scaler.inverseTransform(scaler.transform(x)) // x again (up to float32 rounding)
   */
  inverseTransform(x: DataLike): Tensor {
    return this.apply(x, 'inverseTransform', (v, c) => this.backward(v, c));
  }

  private apply(x: DataLike, method: string, map: (value: number, c: number) => number): Tensor {
    const op = `${this.name}.${method}`;
    if (this.nFeaturesIn === null) {
      throw new NotFittedError(`${this.name}: this instance is not fitted yet; call fit(x) before ${method}()`);
    }
    const t = asTensor(x, 'x', op);
    const [rows, cols] = matrixShape(t, 'x', op);
    if (cols !== this.nFeaturesIn) {
      throw new ShapeError(`${op}: x has ${cols} features, but the scaler was fitted with ${this.nFeaturesIn}`);
    }
    const src = t.dataSync();
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) out[r * cols + c] = map(src[r * cols + c], c);
    }
    return makeTensor(out, [rows, cols], 'float32');
  }
}

/**
 * scikit-learn's `_handle_zeros_in_scale`: a (near) zero scale becomes 1, so a constant feature
 * is only shifted, never divided by zero.
 * @example nonZeroScale(0) // 1
 */
export function nonZeroScale(scale: number): number {
  return scale < 10 * Number.EPSILON ? 1 : scale;
}

/**
 * The column `c` of row-major values as a fresh float64 array.
 * @example column([1, 2, 3, 4], 2, 2, 1) // Float64Array [2, 4]
 */
export function column(values: ArrayLike<number>, rows: number, cols: number, c: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = values[r * cols + c];
  return out;
}
