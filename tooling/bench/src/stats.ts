/** Whether a larger number of a metric is better (throughput) or a smaller one (time, memory). */
export type Direction = 'higher' | 'lower';

/**
 * The median of a list of numbers (the mean of the two middle values for an even count); NaN when empty.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * The q-quantile (0..1) with linear interpolation between order statistics, as NumPy's default.
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * How many times better Horn is than TF.js on a metric: horn / tfjs for throughputs, tfjs / horn for
 * times and memory, so a result above 1 always means Horn wins. NaN when either side is missing.
 * @example speedup(90, 45, 'higher') // 2
 * @example speedup(10, 30, 'lower') // 3
 */
export function speedup(horn: number | undefined, tfjs: number | undefined, direction: Direction): number {
  if (horn === undefined || tfjs === undefined || !(horn > 0) || !(tfjs > 0)) return Number.NaN;
  return direction === 'higher' ? horn / tfjs : tfjs / horn;
}

/**
 * GFLOP/s of a square n x n x n float matrix product (2 n^3 flops) that took `seconds`.
 * @example matmulGflops(1024, 0.05) // 42.95
 */
export function matmulGflops(n: number, seconds: number): number {
  return (2 * n * n * n) / seconds / 1e9;
}

/**
 * Flops of a 2-D convolution pass: 2 x batch x outH x outW x kh x kw x inC x outC (forward and each
 * backward pass do the same number of multiply-adds).
 * @example conv2dFlops([128, 28, 28, 1], [3, 3, 1, 32], [28, 28]) // 57802752
 */
export function conv2dFlops(x: readonly number[], w: readonly number[], out: readonly [number, number]): number {
  return 2 * x[0] * out[0] * out[1] * w[0] * w[1] * w[2] * w[3];
}

/**
 * The fraction (0..1) of a peak that a measured rate reaches.
 * @example fractionOfPeak(41.5, 166) // 0.25
 */
export function fractionOfPeak(rate: number, peak: number): number {
  return peak > 0 ? rate / peak : Number.NaN;
}
