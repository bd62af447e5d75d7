import { column, nonZeroScale, Scaler } from './scaler.js';

/**
 * Options of {@link StandardScaler}.
 * @example
 * const scaler = new StandardScaler({ withMean: false, withStd: true }).fit([[0], [2]]);
 * scaler.transform([[2]]).arraySync(); // [[2]]: divided by the std (1), mean not subtracted
 */
export interface StandardScalerOptions {
  /** Subtract the mean. Default true. */
  withMean?: boolean;
  /** Divide by the standard deviation. Default true. */
  withStd?: boolean;
}

/**
 * scikit-learn's `StandardScaler`: `z = (x - mean) / std` per feature, with the population standard
 * deviation (ddof = 0, the course's formula `s = sqrt(sum((x - mean)^2) / m)`). A feature with zero
 * variance gets scale 1. Statistics are computed in float64. NaN values are not skipped (scikit-learn
 * ignores them in `fit`): they propagate.
 * @example
 * const scaler = new StandardScaler().fit([[0, 0], [0, 0], [1, 1], [1, 1]]);
 * scaler.mean // [0.5, 0.5]; scaler.scale // [0.5, 0.5]
 * scaler.transform([[2, 2]]).arraySync() // [[3, 3]]
 */
export class StandardScaler extends Scaler {
  /** Per-feature mean (`mean_`); `null` before fit or with `withMean: false`. */
  mean: number[] | null = null;
  /** Per-feature population variance (`var_`); `null` before fit or with `withStd: false`. */
  variance: number[] | null = null;
  /** Per-feature scale, the standard deviation with zeros replaced by 1 (`scale_`); `null` with `withStd: false`. */
  scale: number[] | null = null;
  private readonly withMean: boolean;
  private readonly withStd: boolean;

  constructor(options: StandardScalerOptions = {}) {
    super();
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  protected get name(): string {
    return 'StandardScaler';
  }

  protected learn(values: ArrayLike<number>, rows: number, cols: number): void {
    const mean: number[] = [];
    const variance: number[] = [];
    for (let c = 0; c < cols; c++) {
      const v = column(values, rows, cols, c);
      let m = 0;
      for (let r = 0; r < rows; r++) m += v[r];
      m /= rows;
      let s = 0;
      for (let r = 0; r < rows; r++) s += (v[r] - m) ** 2;
      mean.push(m);
      variance.push(s / rows);
    }
    const scale = variance.map((v) => nonZeroScale(Math.sqrt(v)));
    this.mean = this.withMean ? mean : null;
    this.variance = this.withStd ? variance : null;
    this.scale = this.withStd ? scale : null;
  }

  protected forward(value: number, c: number): number {
    return (value - (this.mean?.[c] ?? 0)) / (this.scale?.[c] ?? 1);
  }

  protected backward(value: number, c: number): number {
    return value * (this.scale?.[c] ?? 1) + (this.mean?.[c] ?? 0);
  }
}
