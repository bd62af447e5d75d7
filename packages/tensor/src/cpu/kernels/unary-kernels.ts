import { arrayFor } from '../../dtype.js';
import type { KernelSpec } from '../../engine/backend.js';
import type { TypedArray } from '../../types.js';
import { erf, erfc } from './erf.js';
import { unaryKernel } from './unary-kernel.js';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const SQRT_HALF = Math.SQRT1_2;
const SQRT_TWO_OVER_PI = 0.7978845608028654;

/**
 * Rounds half to even, as NumPy's `round` does: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -2.5 -> -2.
 * @example roundHalfEven(2.5) // 2
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // rounds halves toward +Infinity
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The logistic function without overflow: `exp` only ever sees a non-positive argument.
 * @example sigmoidOf(-1000) // 0
 */
export function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * GELU with the exact Gaussian CDF, `x·Φ(x)`; the left tail uses erfc so it never rounds to 0 early.
 * @example geluExact(1) // 0.8413447460685429
 */
export function geluExact(x: number): number {
  return x >= 0 ? 0.5 * x * (1 + erf(x * SQRT_HALF)) : 0.5 * x * erfc(-x * SQRT_HALF);
}

/**
 * GELU's tanh approximation `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`.
 * @example geluTanh(1) // 0.8411919906082768
 */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + Math.tanh(SQRT_TWO_OVER_PI * (x + 0.044715 * x * x * x)));
}

/** `x * x`, wrapping like a C int32 multiply for int32 input (a double product would lose bits). */
const squareKernel: KernelSpec<TypedArray> = {
  name: 'Square',
  backend: 'cpu',
  run: ({ x }) => {
    const v = x.values;
    const out = arrayFor(x.dtype, v.length);
    if (x.dtype === 'int32') for (let i = 0; i < v.length; i++) out[i] = Math.imul(v[i], v[i]);
    else for (let i = 0; i < v.length; i++) out[i] = v[i] * v[i];
    return { values: out, shape: x.shape, dtype: x.dtype };
  },
};

/**
 * The cpu kernels of the unary math ops and activations: input `x`, output of `x`'s dtype (the
 * ops cast int32/bool to float32 before the float-only ones).
 * @example unaryKernels.map((k) => k.name).includes('Sigmoid') // true
 */
export const unaryKernels: KernelSpec<TypedArray>[] = [
  unaryKernel('Neg', (x) => -x),
  unaryKernel('Abs', (x) => Math.abs(x)),
  unaryKernel('Sign', (x) => (x > 0 ? 1 : x < 0 ? -1 : x)), // keeps NaN and ±0
  unaryKernel('Exp', Math.exp),
  unaryKernel('Log', Math.log),
  unaryKernel('Log1p', Math.log1p),
  unaryKernel('Sqrt', Math.sqrt),
  squareKernel,
  unaryKernel('Reciprocal', (x) => 1 / x),
  unaryKernel('Floor', Math.floor),
  unaryKernel('Ceil', Math.ceil),
  unaryKernel('Round', roundHalfEven),
  unaryKernel('Relu', (x) => (x > 0 || Number.isNaN(x) ? x : 0)),
  unaryKernel('Relu6', (x) => (x > 6 ? 6 : x > 0 || Number.isNaN(x) ? x : 0)),
  unaryKernel('Selu', (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x))),
  unaryKernel('Sigmoid', sigmoidOf),
  unaryKernel('Tanh', Math.tanh),
  unaryKernel('Softplus', (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))),
  unaryKernel('Softsign', (x) => x / (1 + Math.abs(x))),
  unaryKernel('LeakyRelu', (x, attrs) => (x > 0 ? x : (attrs.alpha as number) * x)),
  unaryKernel('Elu', (x, attrs) => (x > 0 ? x : (attrs.alpha as number) * Math.expm1(x))),
  unaryKernel('Gelu', (x, attrs) => (attrs.approximate ? geluTanh(x) : geluExact(x))),
  unaryKernel('ClipByValue', (x, attrs) => {
    const lo = attrs.min as number;
    const hi = attrs.max as number;
    return x < lo ? lo : Math.min(x, hi); // NaN passes through, as in NumPy
  }),
  unaryKernel('IsNan', (x) => (Number.isNaN(x) ? 1 : 0), 'bool'),
  unaryKernel('IsFinite', (x) => (Number.isFinite(x) ? 1 : 0), 'bool'),
];
