import type { KernelAttrs, KernelSpec } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { gpuKernel, shapesKey } from './gpu-kernel.js';
import { coords, kernelSource } from './source-code.js';
import { readWindow, strideHit, type Window, windowOut } from './window.js';

// Layouts as the cpu kernels: x/dx [n, h, w, c], filter [kh, kw, c, o], y/dy [n, oh, ow, o].
// One thread per output element; padded taps are skipped, so padding costs nothing.

/** A forward convolution's geometry: input and filter shapes, window, output size. */
export interface ConvPlan {
  x: readonly number[];
  filter: readonly number[];
  g: Window;
  y: [number, number, number, number];
}

/**
 * The geometry of `Conv2D` (and `FusedConv2D`) for these inputs and attrs.
 * @example convPlan([1, 3, 3, 1], [2, 2, 1, 1], attrs).y // [1, 2, 2, 1]
 */
export function convPlan(x: readonly number[], filter: readonly number[], attrs: KernelAttrs): ConvPlan {
  const [n, h, w] = x;
  const [kh, kw, , o] = filter;
  const g = readWindow(attrs);
  const oh = windowOut(h, kh, g.sh, g.dh, g.pt, g.pb);
  const ow = windowOut(w, kw, g.sw, g.dw, g.pl, g.pr);
  return { x, filter, g, y: [n, oh, ow, o] };
}

/**
 * Statements setting `sum` to the convolution at output coordinates `c0..c3` (x in `a0`, filter
 * in `a1`); padded taps are skipped.
 * @example convSum(convPlan(x.shape, filter.shape, attrs))
 */
export function convSum({ x, filter, g, y }: ConvPlan): string {
  const [, h, w, c] = x;
  const [kh, kw, , o] = filter;
  return (
    `${coords('i', y, 'c')}` +
    `let sum = 0;\n` +
    `for (let ky = 0; ky < ${kh}; ky++) {\n` +
    `  const iy = c1 * ${g.sh} - ${g.pt} + ky * ${g.dh};\n` +
    `  if (iy >= 0 && iy < ${h}) {\n` +
    `    for (let kx = 0; kx < ${kw}; kx++) {\n` +
    `      const ix = c2 * ${g.sw} - ${g.pl} + kx * ${g.dw};\n` +
    `      if (ix >= 0 && ix < ${w}) {\n` +
    `        const xb = ((c0 * ${h} + iy) * ${w} + ix) * ${c};\n` +
    `        const fb = (ky * ${kw} + kx) * ${c * o} + c3;\n` +
    `        for (let ci = 0; ci < ${c}; ci++) {\n` +
    `          sum += a0[xb + ci] * a1[fb + ci * ${o}];\n` +
    `        }\n` +
    `      }\n` +
    `    }\n` +
    `  }\n` +
    `}\n`
  );
}

/**
 * `Conv2D` (inputs `x`, `filter`; attrs `strides`, `pad`, `dilations`), NHWC.
 * @example runKernel('Conv2D', { x, filter }, { strides: [1, 1], pad: [0, 0, 0, 0], dilations: [1, 1] })
 */
export const conv2dGpu: KernelSpec<GpuHandle> = gpuKernel('Conv2D', ({ x, filter }, attrs) => {
  const plan = convPlan(x.shape, filter.shape, attrs);
  return {
    args: ['x', 'filter'],
    shape: plan.y,
    dtype: 'float32',
    key: `${shapesKey(x.shape, filter.shape)}|${JSON.stringify(plan.g)}`,
    source: () => kernelSource(2, `${convSum(plan)}return sum;`),
  };
});

/**
 * `Conv2DBackpropInput` (inputs `dy`, `filter`; attrs as Conv2D plus `inputShape`): each input
 * pixel gathers the output pixels whose windows cover it.
 * @example runKernel('Conv2DBackpropInput', { dy, filter }, { ...attrs, inputShape: [1, 3, 3, 1] })
 */
export const conv2dBackpropInputGpu: KernelSpec<GpuHandle> = gpuKernel(
  'Conv2DBackpropInput',
  ({ dy, filter }, attrs) => {
    const [n, h, w, c] = attrs.inputShape as number[];
    const [kh, kw, , o] = filter.shape;
    const [, oh, ow] = dy.shape;
    const g = readWindow(attrs);
    return {
      args: ['dy', 'filter'],
      shape: [n, h, w, c],
      dtype: 'float32',
      key: `${shapesKey(dy.shape, filter.shape, [n, h, w, c])}|${JSON.stringify(g)}`,
      source: () =>
        kernelSource(
          2,
          `${coords('i', [n, h, w, c], 'c')}` +
            `let sum = 0;\n` +
            `for (let ky = 0; ky < ${kh}; ky++) {\n` +
            strideHit('oy', `c1 + ${g.pt} - ky * ${g.dh}`, g.sh, oh) +
            `  if (oyOk == 1) {\n` +
            `    for (let kx = 0; kx < ${kw}; kx++) {\n` +
            strideHit('ox', `c2 + ${g.pl} - kx * ${g.dw}`, g.sw, ow) +
            `      if (oxOk == 1) {\n` +
            `        const db = ((c0 * ${oh} + oy) * ${ow} + ox) * ${o};\n` +
            `        const fb = ((ky * ${kw} + kx) * ${c} + c3) * ${o};\n` +
            `        for (let oi = 0; oi < ${o}; oi++) {\n` +
            `          sum += a0[db + oi] * a1[fb + oi];\n` +
            `        }\n` +
            `      }\n` +
            `    }\n` +
            `  }\n` +
            `}\n` +
            `return sum;`,
        ),
    };
  },
);

/**
 * `Conv2DBackpropFilter` (inputs `x`, `dy`; attrs as Conv2D plus `filterShape`): each filter tap
 * sums `x · dy` over the batch and the output pixels.
 * @example runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: [2, 2, 1, 1] })
 */
export const conv2dBackpropFilterGpu: KernelSpec<GpuHandle> = gpuKernel('Conv2DBackpropFilter', ({ x, dy }, attrs) => {
  const [n, h, w, c] = x.shape;
  const [kh, kw, , o] = attrs.filterShape as number[];
  const [, oh, ow] = dy.shape;
  const g = readWindow(attrs);
  return {
    args: ['x', 'dy'],
    shape: [kh, kw, c, o],
    dtype: 'float32',
    key: `${shapesKey(x.shape, dy.shape, [kh, kw, c, o])}|${JSON.stringify(g)}`,
    source: () =>
      kernelSource(
        2,
        `${coords('i', [kh, kw, c, o], 'c')}` +
          `let sum = 0;\n` +
          `for (let b = 0; b < ${n}; b++) {\n` +
          `  for (let oy = 0; oy < ${oh}; oy++) {\n` +
          `    const iy = oy * ${g.sh} - ${g.pt} + c0 * ${g.dh};\n` +
          `    if (iy >= 0 && iy < ${h}) {\n` +
          `      for (let ox = 0; ox < ${ow}; ox++) {\n` +
          `        const ix = ox * ${g.sw} - ${g.pl} + c1 * ${g.dw};\n` +
          `        if (ix >= 0 && ix < ${w}) {\n` +
          `          sum += a0[((b * ${h} + iy) * ${w} + ix) * ${c} + c2] * a1[((b * ${oh} + oy) * ${ow} + ox) * ${o} + c3];\n` +
          `        }\n` +
          `      }\n` +
          `    }\n` +
          `  }\n` +
          `}\n` +
          `return sum;`,
      ),
  };
});
