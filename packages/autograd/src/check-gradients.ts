import { makeTensor, type Tensor, type TensorLike, tidy, toTensor, ValueError } from '@horn/tensor';
import { grads } from './functional.js';

/**
 * Options of {@link checkGradients}.
 * @example
 * checkGradients((x) => x.exp(), [tensor([0.5, 1])], { epsilon: 1e-2, tolerance: 1e-3 }).passed; // true
 */
export interface CheckGradientsOptions {
  /** Relative step: each element moves by `epsilon * max(1, |x|)`. Default 1e-3. */
  epsilon?: number;
  /** The largest error accepted for `passed`. Default 1e-2. */
  tolerance?: number;
}

/**
 * The worst disagreement found for one input.
 * @example
 * const [check] = checkGradients((x) => x.square(), [tensor([1, 2, 3])]).inputs;
 * check.maxError < 1e-2; // true: analytic 2x agrees with the finite difference at check.index
 */
export interface InputGradientCheck {
  /** `|analytic - numeric| / max(1, |analytic|, |numeric|)` at the worst element. */
  maxError: number;
  /** The flat index of that element. */
  index: number;
  analytic: number;
  numeric: number;
}

/**
 * What {@link checkGradients} reports.
 * @example
 * const report = checkGradients((x) => x.square(), [tensor([1, 2, 3])]);
 * report.passed; // true
 * report.inputs.length; // 1: one check per input
 */
export interface GradientCheckReport {
  passed: boolean;
  maxError: number;
  inputs: InputGradientCheck[];
}

/**
 * Compares the analytic gradient of `sum(f(...inputs))` with central finite differences, element
 * by element. Reliable in float32: the step scales with each value's magnitude, the actual step is
 * measured after float32 rounding, and outputs are summed in double precision.
 * @example
 * checkGradients((x) => x.square(), [tensor([1, 2, 3])]).passed; // true
 */
export function checkGradients(
  f: (...xs: Tensor[]) => Tensor,
  inputs: readonly TensorLike[],
  options: CheckGradientsOptions = {},
): GradientCheckReport {
  const { epsilon = 1e-3, tolerance = 1e-2 } = options;
  if (!(epsilon > 0)) throw new ValueError(`checkGradients: epsilon must be positive, got ${epsilon}`);
  const xs = inputs.map((x, i) => toTensor(x, `inputs[${i}]`, 'checkGradients'));
  const analytic = tidy(() => grads(f)(xs)).map((g) => {
    const v = g.dataSync();
    g.dispose();
    return v;
  });
  const evaluate = (args: Tensor[]): number =>
    tidy(() => {
      const out = f(...args).dataSync();
      let s = 0;
      for (let i = 0; i < out.length; i++) s += out[i];
      return s;
    });
  const report: InputGradientCheck[] = xs.map((x, which) => {
    const base = x.dataSync();
    let worst: InputGradientCheck = { maxError: 0, index: -1, analytic: 0, numeric: 0 };
    for (let j = 0; j < base.length; j++) {
      const h = epsilon * Math.max(1, Math.abs(base[j]));
      const plus = Math.fround(base[j] + h);
      const minus = Math.fround(base[j] - h);
      const at = (value: number) => {
        const values = base.slice();
        values[j] = value;
        const moved = makeTensor(values, x.shape, x.dtype);
        const args = xs.map((t, i) => (i === which ? moved : t));
        const y = evaluate(args);
        moved.dispose();
        return y;
      };
      const numeric = (at(plus) - at(minus)) / (plus - minus);
      const a = analytic[which][j];
      const error = Math.abs(a - numeric) / Math.max(1, Math.abs(a), Math.abs(numeric));
      if (error > worst.maxError || worst.index < 0 || Number.isNaN(error)) {
        worst = { maxError: Number.isNaN(error) ? Number.POSITIVE_INFINITY : error, index: j, analytic: a, numeric };
      }
    }
    if (worst.index < 0) worst.index = 0;
    return worst;
  });
  const maxError = Math.max(0, ...report.map((r) => r.maxError));
  return { passed: maxError <= tolerance, maxError, inputs: report };
}
