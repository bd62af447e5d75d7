import { broadcastTo, cast, div, equal, mul, prod, reshape, sum, type Tensor, where } from '@horn/tensor';
import type { GradientSpec } from '../registry.js';

/** The reduced shape with kept dimensions: `[2, 3, 4]` over axes `[1]` is `[2, 1, 4]`. */
function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

function expand(t: Tensor, x: Tensor, axes: readonly number[]): Tensor {
  return reshape(t, keptShape(x.shape, axes));
}

/**
 * Gradient of Max/Min: the gradient is split equally between tied extremes (as TensorFlow's
 * reduce_max), so it always sums to dy.
 */
function extremeGrad(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[]): Tensor {
  const mask = cast(equal(x, expand(y, x, axes)), 'float32');
  const share = div(mask, sum(mask, axes as number[], true));
  return mul(expand(dy, x, axes), share);
}

/** Gradients of the reduction kernels. */
export const reduceGradients: GradientSpec[] = [
  {
    name: 'Sum',
    grad: (dy, { x }, attrs) => ({ x: broadcastTo(expand(dy, x, attrs.axes as number[]), x.shape) }),
  },
  { name: 'Max', grad: (dy, { x }, attrs, [y]) => ({ x: extremeGrad(dy, x, y, attrs.axes as number[]) }) },
  { name: 'Min', grad: (dy, { x }, attrs, [y]) => ({ x: extremeGrad(dy, x, y, attrs.axes as number[]) }) },
  {
    // d prod / d x_i = product of the others: y / x_i without zeros; with exactly one zero in a
    // group only the zero's slot gets the product of the non-zeros; with two or more, all zero.
    name: 'Prod',
    grad: (dy, { x }, attrs, [y]) => {
      const axes = attrs.axes as number[];
      const isZero = equal(x, 0);
      const zeros = sum(cast(isZero, 'float32'), axes, true);
      const nonZeroProd = prod(where(isZero, 1, x), axes, true);
      const safeX = where(isZero, 1, x);
      const others = where(
        isZero,
        where(equal(zeros, 1), nonZeroProd, 0),
        where(equal(zeros, 0), div(expand(y, x, axes), safeX), 0),
      );
      return { x: mul(expand(dy, x, axes), others) };
    },
  },
];
