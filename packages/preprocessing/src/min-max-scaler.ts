import { ValueError } from '@horn/tensor';
import { column, nonZeroScale, Scaler } from './scaler.js';

/**
 * Options of {@link MinMaxScaler}.
 * @example
 * const scaler = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit([[0], [10]]);
 * scaler.transform([[5], [20]]).arraySync(); // [[0], [1]]: 20 maps to 3, clipped to 1
 */
export interface MinMaxScalerOptions {
  /** The range `[min, max]` each feature is mapped to. Default `[0, 1]`. */
  featureRange?: readonly [number, number];
  /** Clip transformed values into `featureRange` (for data outside the fitted range). Default false. */
  clip?: boolean;
}

/**
 * scikit-learn's `MinMaxScaler`: maps each feature linearly so that its fitted minimum goes to
 * `featureRange[0]` and its maximum to `featureRange[1]`. A constant feature is only shifted.
 * @example
 * const scaler = new MinMaxScaler().fit([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]);
 * scaler.dataMin // [-1, 2]; scaler.transform([[2, 2]]).arraySync() // [[1.5, 0]]
 */
export class MinMaxScaler extends Scaler {
  /** Per-feature minimum seen in fit (`data_min_`). */
  dataMin: number[] | null = null;
  /** Per-feature maximum seen in fit (`data_max_`). */
  dataMax: number[] | null = null;
  /** Per-feature factor (`scale_`): `(rangeMax - rangeMin) / (dataMax - dataMin)`. */
  scale: number[] | null = null;
  /** Per-feature offset added after scaling (`min_`): `rangeMin - dataMin * scale`. */
  min: number[] | null = null;
  private readonly range: readonly [number, number];
  private readonly clip: boolean;

  constructor(options: MinMaxScalerOptions = {}) {
    super();
    this.range = options.featureRange ?? [0, 1];
    if (!(this.range[0] < this.range[1])) {
      throw new ValueError(
        `MinMaxScaler: featureRange minimum must be smaller than maximum, got [${this.range.join(', ')}]`,
      );
    }
    this.clip = options.clip ?? false;
  }

  protected get name(): string {
    return 'MinMaxScaler';
  }

  protected learn(values: ArrayLike<number>, rows: number, cols: number): void {
    const [lo, hi] = this.range;
    this.dataMin = [];
    this.dataMax = [];
    this.scale = [];
    this.min = [];
    for (let c = 0; c < cols; c++) {
      const v = column(values, rows, cols, c);
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let r = 0; r < rows; r++) {
        if (v[r] < min) min = v[r];
        if (v[r] > max) max = v[r];
      }
      const scale = (hi - lo) / nonZeroScale(max - min);
      this.dataMin.push(min);
      this.dataMax.push(max);
      this.scale.push(scale);
      this.min.push(lo - min * scale);
    }
  }

  protected forward(value: number, c: number): number {
    const v = value * this.scale![c] + this.min![c];
    return this.clip ? Math.min(this.range[1], Math.max(this.range[0], v)) : v;
  }

  protected backward(value: number, c: number): number {
    return (value - this.min![c]) / this.scale![c];
  }
}
