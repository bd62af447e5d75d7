import {
  abs,
  add,
  cast,
  div,
  exp,
  greater,
  greaterEqual,
  less,
  lessEqual,
  logicalAnd,
  mul,
  neg,
  reluGrad,
  sigmoid,
  sign,
  square,
  sub,
  tanh,
  where,
  zerosLike,
} from '@horn/tensor';
import { reduceTo } from '../reduce-to.js';
import type { GradientSpec } from '../registry.js';

const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Gradients of the elementwise math and activation kernels. */
export const unaryGradients: GradientSpec[] = [
  { name: 'Neg', grad: (dy) => ({ x: neg(dy) }) },
  { name: 'Abs', grad: (dy, { x }) => ({ x: mul(dy, sign(x)) }) },
  { name: 'Exp', grad: (dy, _i, _a, [y]) => ({ x: mul(dy, y) }) },
  { name: 'Log', grad: (dy, { x }) => ({ x: div(dy, x) }) },
  { name: 'Log1p', grad: (dy, { x }) => ({ x: div(dy, add(x, 1)) }) },
  { name: 'Sqrt', grad: (dy, _i, _a, [y]) => ({ x: div(dy, mul(y, 2)) }) },
  { name: 'Square', grad: (dy, { x }) => ({ x: mul(dy, mul(x, 2)) }) },
  { name: 'Reciprocal', grad: (dy, _i, _a, [y]) => ({ x: neg(mul(dy, square(y))) }) },
  { name: 'Relu', grad: (dy, { x }) => ({ x: reluGrad(dy, x) }) },
  // ReluGrad is linear in dy and piecewise constant in x.
  { name: 'ReluGrad', grad: (g, { x }) => ({ dy: reluGrad(g, x), x: () => zerosLike(x) }) },
  {
    name: 'Relu6',
    grad: (dy, { x }) => ({ x: mul(dy, cast(logicalAnd(greater(x, 0), less(x, 6)), 'float32')) }),
  },
  {
    name: 'LeakyRelu',
    grad: (dy, { x }, attrs) => ({ x: where(greater(x, 0), dy, mul(dy, attrs.alpha as number)) }),
  },
  {
    name: 'Elu',
    grad: (dy, { x }, attrs, [y]) => ({ x: where(greater(x, 0), dy, mul(dy, add(y, attrs.alpha as number))) }),
  },
  {
    name: 'Selu',
    grad: (dy, { x }, _a, [y]) => ({
      x: where(greater(x, 0), mul(dy, SELU_SCALE), mul(dy, add(y, SELU_SCALE * SELU_ALPHA))),
    }),
  },
  { name: 'Sigmoid', grad: (dy, _i, _a, [y]) => ({ x: mul(dy, mul(y, sub(1, y))) }) },
  { name: 'Tanh', grad: (dy, _i, _a, [y]) => ({ x: mul(dy, sub(1, square(y))) }) },
  { name: 'Softplus', grad: (dy, { x }) => ({ x: mul(dy, sigmoid(x)) }) },
  { name: 'Softsign', grad: (dy, { x }) => ({ x: div(dy, square(add(abs(x), 1))) }) },
  {
    name: 'Gelu',
    grad: (dy, { x }, attrs, [y]) => {
      if (attrs.approximate) {
        const t = tanh(mul(add(x, mul(mul(square(x), x), 0.044715)), SQRT_2_OVER_PI));
        const du = mul(add(mul(square(x), 3 * 0.044715), 1), SQRT_2_OVER_PI);
        const slope = add(mul(add(t, 1), 0.5), mul(mul(mul(x, 0.5), sub(1, square(t))), du));
        return { x: mul(dy, slope) };
      }
      // gelu(x) = x Φ(x), so Φ(x) = y / x away from 0 (Φ(0) = 1/2), and gelu' = Φ(x) + x φ(x).
      const safeX = where(equal0(x), 1, x);
      const cdf = where(equal0(x), 0.5, div(y, safeX));
      const pdf = mul(exp(mul(square(x), -0.5)), INV_SQRT_2PI);
      return { x: mul(dy, add(cdf, mul(x, pdf))) };
    },
  },
  {
    name: 'ClipByValue',
    grad: (dy, { x }, attrs) => ({
      x: mul(dy, cast(logicalAnd(greaterEqual(x, attrs.min as number), lessEqual(x, attrs.max as number)), 'float32')),
    }),
  },
  {
    name: 'Select',
    grad: (dy, { condition, a, b }) => {
      const zero = zerosLike(dy);
      return {
        condition: null,
        a: () => reduceTo(where(condition, dy, zero), a.shape),
        b: () => reduceTo(where(condition, zero, dy), b.shape),
      };
    },
  },
];

function equal0(x: Parameters<typeof greater>[0]) {
  return lessEqual(abs(x), 0);
}
