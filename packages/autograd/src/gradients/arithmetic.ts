import {
  cast,
  div,
  equal,
  gather,
  greater,
  greaterEqual,
  less,
  lessEqual,
  log,
  mul,
  neg,
  pow,
  reshape,
  square,
  sub,
  where,
  zerosLike,
} from '@horn/tensor';
import { reduceTo } from '../reduce-to.js';
import type { GradientSpec } from '../registry.js';

/** Gradients of the broadcasting arithmetic kernels, Cast, Reshape and UnsortedSegmentSum. */
export const arithmeticGradients: GradientSpec[] = [
  { name: 'Add', grad: (dy, { a, b }) => ({ a: () => reduceTo(dy, a.shape), b: () => reduceTo(dy, b.shape) }) },
  { name: 'Sub', grad: (dy, { a, b }) => ({ a: () => reduceTo(dy, a.shape), b: () => reduceTo(neg(dy), b.shape) }) },
  {
    name: 'Mul',
    grad: (dy, { a, b }) => ({ a: () => reduceTo(mul(dy, b), a.shape), b: () => reduceTo(mul(dy, a), b.shape) }),
  },
  {
    name: 'Div',
    grad: (dy, { a, b }) => ({
      a: () => reduceTo(div(dy, b), a.shape),
      b: () => reduceTo(neg(mul(dy, div(a, square(b)))), b.shape),
    }),
  },
  {
    // d/da a^b = b a^(b-1), taken as 0 where b = 0 (so 0^0 has slope 0, not NaN);
    // d/db a^b = a^b ln a, taken as 0 where a <= 0 (as TensorFlow).
    name: 'Pow',
    grad: (dy, { a, b }, _attrs, [y]) => ({
      a: () => reduceTo(mul(dy, where(equal(b, 0), 0, mul(b, pow(a, sub(b, 1))))), a.shape),
      b: () => reduceTo(mul(dy, mul(y, log(where(greater(a, 0), a, 1)))), b.shape),
    }),
  },
  {
    // Ties send the whole gradient to `a`, as TensorFlow does.
    name: 'Maximum',
    grad: (dy, { a, b }) => ({
      a: () => reduceTo(mul(dy, cast(greaterEqual(a, b), 'float32')), a.shape),
      b: () => reduceTo(mul(dy, cast(less(a, b), 'float32')), b.shape),
    }),
  },
  {
    name: 'Minimum',
    grad: (dy, { a, b }) => ({
      a: () => reduceTo(mul(dy, cast(lessEqual(a, b), 'float32')), a.shape),
      b: () => reduceTo(mul(dy, cast(greater(a, b), 'float32')), b.shape),
    }),
  },
  {
    // Only float-to-float casts pass gradients; a cast to int32/bool cuts the path (as TF's None).
    name: 'Cast',
    grad: (dy, { x }, _attrs, [y]) => ({ x: x.dtype === 'float32' && y.dtype === 'float32' ? dy : null }),
  },
  { name: 'Reshape', grad: (dy, { x }) => ({ x: reshape(dy, x.shape) }) },
  { name: 'UnsortedSegmentSum', grad: (dy, { segmentIds }) => ({ x: gather(dy, segmentIds, 0) }) },
];

/** Zero gradients of piecewise-constant kernels (as TensorFlow). */
export const zeroGradients: GradientSpec[] = ['Sign', 'Floor', 'Ceil', 'Round'].map((name) => ({
  name,
  grad: (_dy, { x }) => ({ x: zerosLike(x) }),
}));
