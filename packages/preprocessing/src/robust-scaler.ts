import { ValueError } from '@horn/tensor';
import { column, nonZeroScale, Scaler } from './scaler.js';

/**
 * Options of {@link RobustScaler}.
 * @example
 * const scaler = new RobustScaler({ withCentering: false, quantileRange: [10, 90] }).fit([[1], [2], [3], [4], [100]]);
 * scaler.scale; // [60.2]: the 90th minus the 10th percentile (61.6 - 1.4), as scikit-learn
 * scaler.center; // null: no centering
 */
export interface RobustScalerOptions {
  /** Subtract the median. Default true. */
  withCentering?: boolean;
  /** Divide by the interquartile range. Default true. */
  withScaling?: boolean;
  /** The percentiles whose difference is the scale. Default `[25, 75]`. */
  quantileRange?: readonly [number, number];
}

/**
 * scikit-learn's `RobustScaler`: `(x - median) / (q75 - q25)` per feature, robust to outliers.
 * Percentiles use NumPy's default linear interpolation; a zero range gets scale 1.
 * (scikit-learn's `unit_variance` option is not offered.)
 * @example
 * const scaler = new RobustScaler().fit([[1, -2, 2], [-2, 1, 3], [4, 1, -2]]);
 * scaler.center // [1, 1, 2]; scaler.scale // [3, 1.5, 2.5]
 */
export class RobustScaler extends Scaler {
  /** Per-feature median (`center_`); `null` with `withCentering: false`. */
  center: number[] | null = null;
  /** Per-feature interquartile range, zeros replaced by 1 (`scale_`); `null` with `withScaling: false`. */
  scale: number[] | null = null;
  private readonly withCentering: boolean;
  private readonly withScaling: boolean;
  private readonly quantileRange: readonly [number, number];

  constructor(options: RobustScalerOptions = {}) {
    super();
    this.withCentering = options.withCentering ?? true;
    this.withScaling = options.withScaling ?? true;
    this.quantileRange = options.quantileRange ?? [25, 75];
    const [q0, q1] = this.quantileRange;
    if (!(q0 >= 0 && q0 <= q1 && q1 <= 100)) {
      throw new ValueError(
        `RobustScaler: invalid quantileRange [${this.quantileRange.join(', ')}]; expected 0 <= low <= high <= 100`,
      );
    }
  }

  protected get name(): string {
    return 'RobustScaler';
  }

  protected learn(values: ArrayLike<number>, rows: number, cols: number): void {
    const center: number[] = [];
    const scale: number[] = [];
    for (let c = 0; c < cols; c++) {
      const sorted = column(values, rows, cols, c).sort();
      center.push(percentile(sorted, 50));
      scale.push(nonZeroScale(percentile(sorted, this.quantileRange[1]) - percentile(sorted, this.quantileRange[0])));
    }
    this.center = this.withCentering ? center : null;
    this.scale = this.withScaling ? scale : null;
  }

  protected forward(value: number, c: number): number {
    return (value - (this.center?.[c] ?? 0)) / (this.scale?.[c] ?? 1);
  }

  protected backward(value: number, c: number): number {
    return value * (this.scale?.[c] ?? 1) + (this.center?.[c] ?? 0);
  }
}

/**
 * The q-th percentile (0..100) of ascending values, NumPy's default 'linear' method.
 * @example percentile(Float64Array.from([1, 2, 3, 4]), 25) // 1.75
 */
export function percentile(sorted: Float64Array, q: number): number {
  const position = ((sorted.length - 1) * q) / 100;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
